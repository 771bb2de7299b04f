package org.familyview.matching.block;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Generates a population's candidate pairs in bounded memory. A pair is filed under its left
 * (lower) record position. One counting pass over the blocks tells how many pairs (before
 * de-duplication) each position is left of; the positions are then cut into ranges of at most a
 * batch's pairs, and each range is generated from every rule's blocks, sorted and de-duplicated on
 * its own. Every copy of a pair has the same left position, so it falls into the same range:
 * de-duplication within a range is exact, and the ranges in order give the sorted union — the same
 * pairs, in the same order, as sorting all rules' pairs at once, without ever holding them all (or
 * spilling them to disk).
 *
 * <p>Within a block the entries are sorted by position (the position is the low bits of the packed
 * entry), so the left record of entries {@code a < b} is entry {@code a}.
 */
final class PairStream {

  private final BlockIndex index;
  private final int batchPairs;

  PairStream(BlockIndex index, int batchPairs) {
    this.index = index;
    this.batchPairs = batchPairs;
  }

  /** The blocks one rule expands: {@code from, to} index pairs into its entries. */
  private record RuleBlocks(int[] bounds, CandidatePairs.RuleCount count) {}

  CandidatePairs.Summary run(BlockIndex.PairBatches sink) {
    int rules = index.ruleCount();
    long[] perLeft = new long[index.recordCount() + 1];
    List<RuleBlocks> blocks = new ArrayList<>();
    for (int k = 0; k < rules; k++) {
      blocks.add(blocksOf(k, perLeft));
    }
    List<CandidatePairs.RuleCount> counts = blocks.stream().map(RuleBlocks::count).toList();
    int[] cuts = cuts(perLeft);
    long largest = largestBatch(perLeft, cuts);
    long[] batch = new long[Math.toIntExact(Math.max(1, largest))];
    long[] scratch = new long[batch.length];
    LongList[] perRule = new LongList[rules];
    for (int k = 0; k < rules; k++) {
      perRule[k] = new LongList(1024);
    }
    long distinct = 0;
    for (int c = 0; c + 1 < cuts.length; c++) {
      int lo = cuts[c];
      int hi = cuts[c + 1];
      IntStream.range(0, rules)
          .parallel()
          .forEach(k -> generate(index.entries(k), blocks.get(k).bounds(), lo, hi, perRule[k]));
      int count = 0;
      for (LongList list : perRule) {
        count = list.drainTo(batch, count);
      }
      int unique = sortedUnique(batch, count, scratch);
      if (unique > 0) {
        sink.accept(batch, unique);
      }
      distinct += unique;
    }
    return new CandidatePairs.Summary(counts, distinct);
  }

  /**
   * The blocks of rule {@code k} worth expanding, with the rule's counts; adds to {@code perLeft}
   * each position's number of pairs as the left record.
   */
  private RuleBlocks blocksOf(int k, long[] perLeft) {
    long[] entries = index.entries(k);
    IntList bounds = new IntList();
    long[] pairs = new long[1];
    long[] oversized = new long[2];
    BlockIndex.forEachBlock(
        entries,
        (from, to) -> {
          if (to - from > index.maxBlockSize()) {
            oversized[0]++;
            oversized[1] += to - from;
            return;
          }
          bounds.add(from);
          bounds.add(to);
          for (int a = from; a < to - 1; a++) {
            int left = BlockIndex.position(entries[a]);
            int same = 0;
            while (a + 1 + same < to && BlockIndex.position(entries[a + 1 + same]) == left) {
              same++;
            }
            int partners = to - a - 1 - same;
            perLeft[left] += partners;
            pairs[0] += partners;
          }
        });
    return new RuleBlocks(
        bounds.toArray(),
        new CandidatePairs.RuleCount(index.ruleName(k), pairs[0], oversized[0], oversized[1]));
  }

  /** Position ranges {@code [cuts[i], cuts[i + 1])} of at most a batch's pairs each (or one). */
  private int[] cuts(long[] perLeft) {
    IntList cuts = new IntList();
    cuts.add(0);
    long inBatch = 0;
    for (int p = 0; p < perLeft.length; p++) {
      if (inBatch > 0 && inBatch + perLeft[p] > batchPairs) {
        cuts.add(p);
        inBatch = 0;
      }
      inBatch += perLeft[p];
    }
    cuts.add(perLeft.length);
    return cuts.toArray();
  }

  private static long largestBatch(long[] perLeft, int[] cuts) {
    long largest = 0;
    for (int c = 0; c + 1 < cuts.length; c++) {
      long sum = 0;
      for (int p = cuts[c]; p < cuts[c + 1]; p++) {
        sum += perLeft[p];
      }
      largest = Math.max(largest, sum);
    }
    return largest;
  }

  /** One rule's pairs whose left position is in {@code [lo, hi)}. */
  private static void generate(long[] entries, int[] bounds, int lo, int hi, LongList out) {
    for (int i = 0; i < bounds.length; i += 2) {
      int from = bounds[i];
      int to = bounds[i + 1];
      if (BlockIndex.position(entries[from]) >= hi || BlockIndex.position(entries[to - 2]) < lo) {
        continue;
      }
      for (int a = from; a < to - 1; a++) {
        int left = BlockIndex.position(entries[a]);
        if (left >= hi) {
          break;
        }
        if (left < lo) {
          continue;
        }
        for (int b = a + 1; b < to; b++) {
          int right = BlockIndex.position(entries[b]);
          if (right != left) {
            out.add(((long) left << 32) | right);
          }
        }
      }
    }
  }

  /** Sorts the first {@code count} pairs and removes repeats; returns how many remain. */
  static int sortedUnique(long[] pairs, int count, long[] scratch) {
    BlockIndex.sortPairs(pairs, count, scratch);
    int unique = 0;
    for (int i = 0; i < count; i++) {
      if (unique == 0 || pairs[i] != pairs[unique - 1]) {
        pairs[unique++] = pairs[i];
      }
    }
    return unique;
  }

  /** A growable array of ints, for block bounds and range cuts. */
  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
