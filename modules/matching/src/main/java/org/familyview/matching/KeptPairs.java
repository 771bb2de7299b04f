package org.familyview.matching;

import java.util.Arrays;

/**
 * Pairs (packed as in {@link org.familyview.matching.block.CandidatePairs}) each with a weight and
 * two byte codes, held in chunks of 64 Ki, never joined into one array. At 1.42 M records tens of
 * millions of pairs are kept (most settled by "different valid NHS numbers"); one array of them is
 * a single allocation of hundreds of megabytes that a full 4 GiB heap could not find, and joining
 * chunks held them twice. A chunk of 64 Ki longs (512 KB, by default) stays below G1's humongous
 * size at a 4 GiB heap (half a 2 MB region), so chunks are ordinary young allocations.
 *
 * <p>While scoring ({@link CandidateStream}) the weight is the Bayes factor in bits, {@code rule}
 * numbers the rule outcome and {@code mark} is the personal-evidence code; once decided ({@link
 * Linker#decide}) the weight is the match weight, {@code rule} numbers the rule's reason and {@code
 * mark} is the {@link org.familyview.matching.score.LinkDecision} ordinal.
 */
final class KeptPairs {

  private static final int CHUNK_BITS = 16;

  private final int bits;
  private final int mask;

  private long[][] pairs = new long[0][];
  private float[][] weights = new float[0][];
  private byte[][] rules = new byte[0][];
  private byte[][] marks = new byte[0][];
  private int size;

  KeptPairs() {
    this(CHUNK_BITS);
  }

  /** Chunks of {@code 2^bits} pairs (small ones let a test cross many chunk boundaries). */
  KeptPairs(int bits) {
    this.bits = bits;
    this.mask = (1 << bits) - 1;
  }

  int size() {
    return size;
  }

  void add(long pair, float weight, byte rule, byte mark) {
    int at = size & mask;
    int chunk = size >>> bits;
    if (at == 0) {
      grow(chunk);
    }
    pairs[chunk][at] = pair;
    weights[chunk][at] = weight;
    rules[chunk][at] = rule;
    marks[chunk][at] = mark;
    size = Math.addExact(size, 1);
  }

  private void grow(int chunk) {
    if (chunk == pairs.length) {
      int length = Math.max(16, chunk * 2);
      pairs = Arrays.copyOf(pairs, length);
      weights = Arrays.copyOf(weights, length);
      rules = Arrays.copyOf(rules, length);
      marks = Arrays.copyOf(marks, length);
    }
    pairs[chunk] = new long[mask + 1];
    weights[chunk] = new float[mask + 1];
    rules[chunk] = new byte[mask + 1];
    marks[chunk] = new byte[mask + 1];
  }

  long pair(int i) {
    return pairs[i >>> bits][i & mask];
  }

  float weight(int i) {
    return weights[i >>> bits][i & mask];
  }

  byte rule(int i) {
    return rules[i >>> bits][i & mask];
  }

  byte mark(int i) {
    return marks[i >>> bits][i & mask];
  }

  /** How many chunks hold pairs. */
  int chunks() {
    return (size + mask) >>> bits;
  }

  /** The chunk that holds pair {@code i}. */
  int chunkOf(int i) {
    return i >>> bits;
  }

  /** Pair {@code i}'s place in its chunk. */
  int offset(int i) {
    return i & mask;
  }

  /** The first pair of chunk {@code c}. */
  int chunkStart(int c) {
    return c << bits;
  }

  /** How many pairs chunk {@code c} holds. */
  int chunkLength(int c) {
    return Math.min(mask + 1, size - chunkStart(c));
  }

  /** Whether pair {@code i} is the last of its chunk. */
  boolean endsChunk(int i) {
    return (i & mask) == mask;
  }

  /**
   * Lets go of the chunks that hold only pairs before {@code end}, once a pass has copied what it
   * needs from them: a pass that copies the pairs it keeps into new chunks then holds them about
   * once, not twice. The pairs before {@code end} may not be read again.
   */
  void releaseBefore(int end) {
    for (int c = 0; c < end >>> bits; c++) {
      pairs[c] = null;
      weights[c] = null;
      rules[c] = null;
      marks[c] = null;
    }
  }

  /** Whether the pair is held, for pairs added in ascending order (as candidates are streamed). */
  boolean contains(long pair) {
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      long value = pair(middle);
      if (value < pair) {
        low = middle + 1;
      } else if (value > pair) {
        high = middle - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** Every pair in one array: for tests and small populations. */
  long[] pairs() {
    long[] all = new long[size];
    for (int i = 0; i < size; i++) {
      all[i] = pair(i);
    }
    return all;
  }

  /** The pairs with their scores, as for a stream of one batch (tests). */
  static KeptPairs of(long[] pairs, Linker.Scored scored, int bits) {
    KeptPairs kept = new KeptPairs(bits);
    for (int i = 0; i < pairs.length; i++) {
      kept.add(pairs[i], scored.bayes()[i], scored.rule()[i], scored.personal()[i]);
    }
    return kept;
  }
}
