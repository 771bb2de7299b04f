package org.familyview.pipeline.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.familyview.linktool.SyntheticPopulation;
import org.familyview.matching.Constraints;
import org.familyview.matching.Linkage;
import org.familyview.matching.Linker;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The prerequisite for running the matching step as Spring Batch partitions on remote workers
 * (docs/scaling.md): split by blocking key into N partitions, the partitions together propose
 * exactly the candidate pairs of one run, as the same sorted array, so the scoring, decisions and
 * clustering that follow get the same input (and give the same pairs and people: the engine is
 * deterministic on its input, LinkDeterminismTests). What is not shown here: workers scoring their
 * own share, which needs the engine to take a candidate list (docs/scaling.md, "Not yet").
 */
class BlockPartitionsTests {

  private static Linkage oneRun;

  @BeforeAll
  static void linkOnce() {
    // Twice the standard error rates, so that some pairs are proposed by several rules (and so
    // by several partitions) and the review band is not empty.
    SyntheticPopulation population = SyntheticPopulation.generate(23, 2.0, 4000);
    oneRun =
        new Linker(MatchingConfig.standard())
            .link(population.records(), null, Constraints.NONE, Progress.SILENT);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 8})
  void thePartitionsTogetherProposeExactlyTheCandidatePairsOfOneRun(int count) {
    List<long[]> partitions = partitions(count);

    long[] merged = BlockPartitions.union(partitions);

    assertThat(oneRun.candidatePairPositions().length).isGreaterThan(1_000);
    assertSame(merged, oneRun.candidatePairPositions());
  }

  @Test
  void eachPartitionDoesPartOfTheWorkAndTheMergeRemovesPairsProposedTwice() {
    List<long[]> partitions = partitions(4);

    long proposed = partitions.stream().mapToLong(p -> p.length).sum();
    int total = oneRun.candidatePairPositions().length;
    assertThat(partitions).allSatisfy(p -> assertThat(p.length).isBetween(1, total - 1));
    assertThat(proposed).isGreaterThan(total);
  }

  /** Equal as sorted arrays; on failure the sizes and how many of each side the other lacks. */
  private static void assertSame(long[] partitioned, long[] oneRun) {
    java.util.Set<Long> mine =
        java.util.Arrays.stream(partitioned).boxed().collect(java.util.stream.Collectors.toSet());
    java.util.Set<Long> theirs =
        java.util.Arrays.stream(oneRun).boxed().collect(java.util.stream.Collectors.toSet());
    long missing = theirs.stream().filter(p -> !mine.contains(p)).count();
    long extra = mine.stream().filter(p -> !theirs.contains(p)).count();
    assertThat(Arrays.equals(partitioned, oneRun))
        .as(
            "%d pairs partitioned, %d in one run: %d missing, %d extra",
            partitioned.length, oneRun.length, missing, extra)
        .isTrue();
  }

  private static List<long[]> partitions(int count) {
    BlockPartitions split = new BlockPartitions(MatchingConfig.standard().blocking(), count);
    List<long[]> partitions = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      partitions.add(split.pairsOf(p, oneRun.records()));
    }
    return partitions;
  }
}
