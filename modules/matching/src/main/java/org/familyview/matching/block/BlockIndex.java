package org.familyview.matching.block;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.familyview.matching.standardise.StandardisedRecord;

/**
 * Blocking keys of a population, kept so that both the batch (all pairs) and the incremental run
 * (the records sharing a key with one new record) use the same rules. Each key is hashed to 39 bits
 * and packed with a 24-bit record position into one long, so a million records' keys sort in a
 * primitive array; a hash collision only adds a harmless extra candidate. Hence at most 16,777,215
 * records per index.
 */
public final class BlockIndex {

  static final int MAX_RECORDS = (1 << 24) - 1;
  private static final long POSITION_MASK = (1L << 24) - 1;

  private final List<BlockingRule> rules;
  private final int maxBlockSize;
  private final long[][] entries;
  private final int recordCount;
  private final List<Map<Long, List<Integer>>> added;

  private BlockIndex(
      List<BlockingRule> rules, int maxBlockSize, long[][] entries, int recordCount) {
    this.rules = rules;
    this.recordCount = recordCount;
    this.maxBlockSize = maxBlockSize;
    this.entries = entries;
    this.added = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      added.add(new HashMap<>());
    }
  }

  public static BlockIndex build(BlockingConfig config, List<StandardisedRecord> records) {
    if (records.size() > MAX_RECORDS) {
      throw new IllegalArgumentException("at most " + MAX_RECORDS + " records per run");
    }
    List<BlockingRule> rules = config.selectedRules();
    long[][] entries = new long[rules.size()][];
    IntStream.range(0, rules.size())
        .parallel()
        .forEach(k -> entries[k] = entriesFor(k, rules.get(k), records));
    return new BlockIndex(rules, config.maxBlockSize(), entries, records.size());
  }

  private static long[] entriesFor(int ruleIndex, BlockingRule rule, List<StandardisedRecord> rs) {
    LongList list = new LongList(rs.size());
    // One sink for the whole population rather than a capturing lambda per record.
    int[] position = new int[1];
    BlockingRule.KeySink sink = key -> list.add((hash40(ruleIndex, key) << 24) | position[0]);
    for (int i = 0; i < rs.size(); i++) {
      position[0] = i;
      rule.keysOf(rs.get(i), sink);
    }
    long[] sorted = list.toArray();
    Arrays.sort(sorted);
    return sorted;
  }

  /**
   * A 64-bit FNV-1a hash of rule and key, mixed (SplitMix64 finaliser) and cut to 39 bits, so that
   * packed entries stay non-negative and sort as unsigned.
   */
  static long hash40(int rule, String key) {
    long h = 0xcbf29ce484222325L ^ rule;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h >>> 25;
  }

  public List<String> ruleNames() {
    return rules.stream().map(BlockingRule::name).toList();
  }

  /**
   * Every candidate pair of the indexed population, de-duplicated across rules, in one array: for
   * reports and tests. A run over a whole population streams them with {@link #streamPairs}.
   */
  public CandidatePairs allPairs() {
    LongList all = new LongList(1024);
    CandidatePairs.Summary summary =
        streamPairs(
            (pairs, count) -> {
              for (int i = 0; i < count; i++) {
                all.add(pairs[i]);
              }
            });
    return new CandidatePairs(all.toArray(), summary.rules());
  }

  /**
   * Streams every candidate pair of the indexed population to {@code sink}, de-duplicated across
   * rules and in ascending order across batches, holding at most about {@link #BATCH_PAIRS} pairs
   * at a time: memory does not grow with the number of candidate pairs (docs/matching.md).
   */
  public CandidatePairs.Summary streamPairs(PairBatches sink) {
    return streamPairs(BATCH_PAIRS, sink);
  }

  /** As {@link #streamPairs(PairBatches)} with batches of about {@code batchPairs} pairs. */
  CandidatePairs.Summary streamPairs(int batchPairs, PairBatches sink) {
    return new PairStream(this, batchPairs).run(sink);
  }

  /**
   * Receives the candidate pairs a batch at a time; the array is reused for the next batch, so a
   * receiver copies what it keeps.
   */
  @FunctionalInterface
  public interface PairBatches {
    void accept(long[] pairs, int count);
  }

  /** Pairs (before de-duplication) in one batch: 4 Mi pairs, 32 MiB, and as much to sort them. */
  static final int BATCH_PAIRS = 1 << 22;

  int recordCount() {
    return recordCount;
  }

  int ruleCount() {
    return rules.size();
  }

  String ruleName(int k) {
    return rules.get(k).name();
  }

  int maxBlockSize() {
    return maxBlockSize;
  }

  long[] entries(int k) {
    return entries[k];
  }

  static int position(long entry) {
    return (int) (entry & POSITION_MASK);
  }

  /**
   * Whether blocking proposes the pair of the records at {@code leftPosition} and {@code
   * rightPosition} (given the left one's record): exactly the test "is it among {@link
   * #streamPairs}", answered from the index without holding the pairs, so that reports against
   * truth (blocking recall, missed links) need no array of every candidate.
   */
  public boolean isCandidate(StandardisedRecord left, int leftPosition, int rightPosition) {
    if (leftPosition == rightPosition) {
      return false;
    }
    boolean[] found = new boolean[1];
    for (int k = 0; k < rules.size() && !found[0]; k++) {
      int rule = k;
      long[] sorted = entries[k];
      rules
          .get(k)
          .keysOf(
              left,
              key -> {
                long hash = hash40(rule, key);
                int from = lowerBound(sorted, hash << 24);
                int to = lowerBound(sorted, (hash + 1) << 24);
                if (to - from <= maxBlockSize
                    && Arrays.binarySearch(sorted, from, to, (hash << 24) | rightPosition) >= 0) {
                  found[0] = true;
                }
              });
    }
    return found[0];
  }

  /** The pairs of one rule alone, for reporting each rule's recall. */
  public long[] pairsOfRule(String ruleName) {
    int k = ruleNames().indexOf(ruleName);
    LongList pairs = new LongList(1024);
    forEachBlock(
        entries[k],
        (from, to) -> {
          if (to - from > maxBlockSize) {
            return;
          }
          for (int a = from; a < to; a++) {
            for (int b = a + 1; b < to; b++) {
              int left = (int) (entries[k][a] & POSITION_MASK);
              int right = (int) (entries[k][b] & POSITION_MASK);
              if (left != right) {
                pairs.add(CandidatePairs.pair(left, right));
              }
            }
          }
        });
    return union(new long[][] {pairs.toArray()});
  }

  interface BlockVisitor {
    void visit(int from, int to);
  }

  static void forEachBlock(long[] sorted, BlockVisitor visitor) {
    int start = 0;
    for (int i = 1; i <= sorted.length; i++) {
      if (i == sorted.length || (sorted[i] >>> 24) != (sorted[start] >>> 24)) {
        if (i - start > 1) {
          visitor.visit(start, i);
        }
        start = i;
      }
    }
  }

  private static long[] union(long[][] parts) {
    long total = 0;
    for (long[] part : parts) {
      total += part.length;
    }
    long[] all = new long[Math.toIntExact(total)];
    int at = 0;
    for (long[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    sortPairs(all);
    int unique = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[unique++] = all[i];
      }
    }
    return Arrays.copyOf(all, unique);
  }

  /**
   * Sorts packed pairs by radix: both positions are below 2^24, so a pair is a 48-bit key and three
   * passes of 16 bits sort tens of millions of them several times faster than a comparison sort.
   */
  static void sortPairs(long[] pairs) {
    if (pairs.length < 1 << 16) {
      Arrays.sort(pairs);
      return;
    }
    sortPairs(pairs, pairs.length, new long[pairs.length]);
  }

  /**
   * Sorts the first {@code count} pairs, using {@code scratch} (at least as long) as the buffer.
   */
  static void sortPairs(long[] pairs, int count, long[] scratch) {
    if (count < 1 << 12) {
      Arrays.sort(pairs, 0, count);
      return;
    }
    long[] source = pairs;
    long[] target = scratch;
    int[] start = new int[(1 << 16) + 1];
    for (int shift = 0; shift < 48; shift += 16) {
      Arrays.fill(start, 0);
      for (int i = 0; i < count; i++) {
        start[digit(source[i], shift) + 1]++;
      }
      if (start[digit(source[0], shift) + 1] == count) {
        continue; // one digit throughout: this pass would not move anything
      }
      for (int d = 0; d < 1 << 16; d++) {
        start[d + 1] += start[d];
      }
      for (int i = 0; i < count; i++) {
        long pair = source[i];
        target[start[digit(pair, shift)]++] = pair;
      }
      long[] swap = source;
      source = target;
      target = swap;
    }
    if (source != pairs) {
      System.arraycopy(source, 0, pairs, 0, count);
    }
  }

  /** 16 bits of the pair's 48-bit key (left position above right position). */
  private static int digit(long pair, int shift) {
    long key = ((pair >>> 32) << 24) | (pair & POSITION_MASK);
    return (int) ((key >>> shift) & 0xFFFF);
  }

  /** Adds a record that arrived after the index was built (an incremental run). */
  public synchronized void add(int position, StandardisedRecord record) {
    for (int k = 0; k < rules.size(); k++) {
      Map<Long, List<Integer>> delta = added.get(k);
      int rule = k;
      rules
          .get(k)
          .keysOf(
              record,
              key ->
                  delta.computeIfAbsent(hash40(rule, key), h -> new ArrayList<>()).add(position));
    }
  }

  /**
   * Positions of records sharing any key with {@code record} (possibly repeated, possibly the
   * record itself); blocks bigger than the cap are skipped as in the batch.
   */
  public void forEachCandidate(StandardisedRecord record, IntConsumer sink) {
    for (int k = 0; k < rules.size(); k++) {
      int rule = k;
      long[] sorted = entries[k];
      Map<Long, List<Integer>> delta = added.get(k);
      rules
          .get(k)
          .keysOf(
              record,
              key -> {
                long hash = hash40(rule, key);
                int from = lowerBound(sorted, hash << 24);
                int to = from;
                while (to < sorted.length && (sorted[to] >>> 24) == hash) {
                  if (++to - from > maxBlockSize) {
                    return;
                  }
                }
                List<Integer> extra = delta.getOrDefault(hash, List.of());
                if (to - from + extra.size() > maxBlockSize) {
                  return;
                }
                for (int i = from; i < to; i++) {
                  sink.accept((int) (sorted[i] & POSITION_MASK));
                }
                extra.forEach(sink::accept);
              });
    }
  }

  private static int lowerBound(long[] sorted, long value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
