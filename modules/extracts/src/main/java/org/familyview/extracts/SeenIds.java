package org.familyview.extracts;

/**
 * The ids seen so far in one file with the line of each, to reject a duplicate and tell the partner
 * where the first one is. An open-addressing table of strings, their hashes and primitive lines:
 * comparing stored hashes first keeps probes off the strings themselves, and a HashMap would box
 * every line and spend a node per entry on files of millions of rows.
 */
final class SeenIds {

  private String[] keys = new String[1 << 12];
  private int[] hashes = new int[1 << 12];
  private long[] lines = new long[1 << 12];
  private int size;

  /** Records {@code id} at {@code line}; returns the earlier line if it was seen, otherwise 0. */
  long putIfAbsent(String id, long line) {
    if (size * 10L >= keys.length * 6L) {
      grow();
    }
    int hash = mix(id.hashCode());
    int mask = keys.length - 1;
    int i = hash & mask;
    while (keys[i] != null) {
      if (hashes[i] == hash && keys[i].equals(id)) {
        return lines[i];
      }
      i = (i + 1) & mask;
    }
    keys[i] = id;
    hashes[i] = hash;
    lines[i] = line;
    size++;
    return 0;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldHashes = hashes;
    long[] oldLines = lines;
    keys = new String[oldKeys.length * 2];
    hashes = new int[oldKeys.length * 2];
    lines = new long[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = oldHashes[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        hashes[i] = oldHashes[j];
        lines[i] = oldLines[j];
      }
    }
  }

  /** The MurmurHash3 finaliser: sequential ids must not land in sequential slots. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }
}
