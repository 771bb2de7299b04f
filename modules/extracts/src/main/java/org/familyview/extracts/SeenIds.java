package org.familyview.extracts;

import java.util.Arrays;

/**
 * The ids seen so far in one file with the line of each, to reject a duplicate and tell the partner
 * where the first one is. An open-addressing table of strings and primitive lines: a HashMap would
 * box every line and spend a node per entry on files of millions of rows.
 */
final class SeenIds {

  private String[] keys = new String[1 << 12];
  private long[] lines = new long[1 << 12];
  private int size;

  /** Records {@code id} at {@code line}; returns the earlier line if it was seen, otherwise 0. */
  long putIfAbsent(String id, long line) {
    if (size * 10L >= keys.length * 6L) {
      grow();
    }
    int mask = keys.length - 1;
    int i = mix(id.hashCode()) & mask;
    while (keys[i] != null) {
      if (keys[i].equals(id)) {
        return lines[i];
      }
      i = (i + 1) & mask;
    }
    keys[i] = id;
    lines[i] = line;
    size++;
    return 0;
  }

  private void grow() {
    String[] oldKeys = keys;
    long[] oldLines = lines;
    keys = new String[oldKeys.length * 2];
    lines = new long[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = mix(oldKeys[j].hashCode()) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        lines[i] = oldLines[j];
      }
    }
    Arrays.fill(oldKeys, null);
  }

  private static int mix(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }
}
