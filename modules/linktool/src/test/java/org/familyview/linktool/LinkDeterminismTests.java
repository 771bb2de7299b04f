package org.familyview.linktool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.familyview.matching.Constraints;
import org.familyview.matching.Linkage;
import org.familyview.matching.Linker;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.Progress;
import org.familyview.matching.RecordKey;
import org.familyview.matching.block.CandidatePairs;
import org.familyview.matching.evaluate.BlockingRecall;
import org.familyview.matching.evaluate.LinkageMetrics;
import org.familyview.matching.score.PairScorer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The batch run uses every core; its results must not depend on how many there are or how the work
 * was split, and the shortcuts taken for speed must give exactly what the plain code gives.
 */
class LinkDeterminismTests {

  private static SyntheticPopulation population;

  @BeforeAll
  static void generate() {
    // Three times the standard error rates: at the standard rates blocking misses no true pair of
    // these 4,000 records, and the recall comparison below needs some missed.
    population = SyntheticPopulation.generate(17, 3.0, 4000);
  }

  private static Linkage linkWith(int threads) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(
              () ->
                  new Linker(MatchingConfig.standard())
                      .link(population.records(), null, Constraints.NONE, Progress.SILENT))
          .get();
    } finally {
      pool.shutdown();
    }
  }

  private static List<String> keptPairs(Linkage linkage) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < linkage.keptPairCount(); i++) {
      pairs.add(linkage.keptPair(i).toString());
    }
    return pairs;
  }

  @Test
  void sameClustersAndPairsOnOneThreadAsOnFour() throws Exception {
    Linkage one = linkWith(1);
    Linkage four = linkWith(4);

    assertThat(four.personIds()).isEqualTo(one.personIds());
    assertThat(keptPairs(four)).isEqualTo(keptPairs(one));
    assertThat(four.candidatePairPositions()).isEqualTo(one.candidatePairPositions());
    assertThat(four.scorer().parameters().version()).isEqualTo(one.scorer().parameters().version());
  }

  @Test
  void positionScoringGivesExactlyThePlainWeights() throws Exception {
    Linkage linkage = linkWith(2);
    PairScorer scorer = linkage.scorer();
    PairScorer.Prepared prepared = scorer.prepare(linkage.records());
    int n = scorer.comparisons().size();
    int[] plainLevels = new int[n];
    int[] levels = new int[n];
    long[] pairs = linkage.candidatePairPositions();
    assertThat(pairs).hasSizeGreaterThan(1000);
    for (long pair : pairs) {
      int l = CandidatePairs.left(pair);
      int r = CandidatePairs.right(pair);
      double plain =
          scorer.bayesWeight(linkage.records().get(l), linkage.records().get(r), plainLevels);
      assertThat(prepared.bayesWeight(l, r, levels)).isEqualTo(plain);
      assertThat(levels).isEqualTo(plainLevels);
      assertThat(prepared.weakPersonal(l, levels))
          .isEqualTo(scorer.weakPersonal(linkage.records().get(l), levels));
    }
  }

  @Test
  void scoresAgainstTruthFromPositionsEqualThoseFromMaps() throws Exception {
    Linkage linkage = linkWith(2);
    Map<RecordKey, String> truth = population.truth();
    int[] truthCluster = LinkCommand.truthClusters(linkage.recordCount(), linkage::key, truth);

    LinkageMetrics fromMaps = LinkageMetrics.of(linkage.personIds(), truth);
    LinkageMetrics fromPositions =
        LinkageMetrics.of(linkage.clustering().clusterOf(), truthCluster);
    assertThat(fromPositions.predictedPairs()).isEqualTo(fromMaps.predictedPairs());
    assertThat(fromPositions.truePairs()).isEqualTo(fromMaps.truePairs());
    assertThat(fromPositions.correctPairs()).isEqualTo(fromMaps.correctPairs());
    assertThat(fromPositions.pairwiseF1()).isEqualTo(fromMaps.pairwiseF1());
    assertThat(fromPositions.bcubedF1()).isCloseTo(fromMaps.bcubedF1(), within(1e-12));

    List<RecordKey> keys = linkage.records().stream().map(r -> r.key()).toList();
    assertThat(BlockingRecall.of(truthCluster, linkage.candidatePairPositions()))
        .isEqualTo(BlockingRecall.of(keys, linkage.candidatePairPositions(), truth))
        .isLessThan(1.0);
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
