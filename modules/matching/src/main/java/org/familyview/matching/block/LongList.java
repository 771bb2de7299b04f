package org.familyview.matching.block;

import java.util.Arrays;

/** A growable array of primitive longs: candidate pairs and block entries number in millions. */
final class LongList {

  private long[] values;
  private int size;

  LongList(int capacity) {
    values = new long[Math.max(16, capacity)];
  }

  void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, size * 2L)));
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  /**
   * Copies the values into {@code target} from {@code offset}, empties this list, returns the end.
   */
  int drainTo(long[] target, int offset) {
    System.arraycopy(values, 0, target, offset, size);
    int end = offset + size;
    size = 0;
    return end;
  }

  long[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
