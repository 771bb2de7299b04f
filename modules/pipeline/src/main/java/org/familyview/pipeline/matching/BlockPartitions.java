package org.familyview.pipeline.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyview.matching.block.BlockingConfig;
import org.familyview.matching.block.BlockingRule;
import org.familyview.matching.block.BlockingRules;
import org.familyview.matching.block.CandidatePairs;
import org.familyview.matching.standardise.StandardisedRecord;

/**
 * The matching step's candidate pairs split by blocking key into {@code count} partitions, as the
 * Spring Batch partitions of a region's matching step would split them across remote workers
 * (docs/scaling.md). Partition {@code p} owns every block (rule and key) whose key hashes to {@code
 * p}, and proposes the pairs inside its blocks, with the same block-size cap as one run. A block
 * lies wholly in one partition, so no pair one run proposes is lost; a pair that shares blocks
 * owned by two partitions is proposed by both, and the manager's sorted union removes the repeat.
 * The prerequisite this states, tested in {@code BlockPartitionsTests}: the union of the partitions
 * is exactly one run's candidate pairs, so scoring and clustering see the same input.
 */
final class BlockPartitions {

  private final List<BlockingRule> rules;
  private final int maxBlockSize;
  private final int count;

  BlockPartitions(BlockingConfig config, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one partition, not " + count);
    }
    this.rules =
        config.rules().stream()
            .map(
                name ->
                    BlockingRules.standard().stream()
                        .filter(rule -> rule.name().equals(name))
                        .findFirst()
                        .orElseThrow(
                            () -> new IllegalArgumentException("no blocking rule " + name)))
            .toList();
    this.maxBlockSize = config.maxBlockSize();
    this.count = count;
  }

  /** Which partition owns a rule's key: stable across runs and machines (String's own hash). */
  int owner(int rule, String key) {
    return Math.floorMod(31 * key.hashCode() + rule, count);
  }

  /** The pairs of one partition's blocks, sorted and without repeats, packed as one run's. */
  long[] pairsOf(int partition, List<StandardisedRecord> records) {
    List<Long> pairs = new ArrayList<>();
    for (int k = 0; k < rules.size(); k++) {
      for (List<Integer> block : blocksOf(partition, k, records).values()) {
        if (block.size() > maxBlockSize) {
          continue;
        }
        for (int a = 0; a < block.size(); a++) {
          for (int b = a + 1; b < block.size(); b++) {
            if (!block.get(a).equals(block.get(b))) {
              pairs.add(CandidatePairs.pair(block.get(a), block.get(b)));
            }
          }
        }
      }
    }
    return sortedUnique(pairs.stream().mapToLong(Long::longValue).toArray());
  }

  private Map<String, List<Integer>> blocksOf(
      int partition, int rule, List<StandardisedRecord> records) {
    Map<String, List<Integer>> blocks = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      int position = i;
      rules
          .get(rule)
          .keysOf(
              records.get(i),
              key -> {
                if (owner(rule, key) == partition) {
                  blocks.computeIfAbsent(key, x -> new ArrayList<>()).add(position);
                }
              });
    }
    return blocks;
  }

  /** The manager's merge: every partition's pairs, sorted, each once. */
  static long[] union(List<long[]> partitions) {
    return sortedUnique(partitions.stream().flatMapToLong(Arrays::stream).toArray());
  }

  private static long[] sortedUnique(long[] pairs) {
    return Arrays.stream(pairs).sorted().distinct().toArray();
  }
}
