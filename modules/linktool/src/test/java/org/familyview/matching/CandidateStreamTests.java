package org.familyview.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.familyview.linktool.SyntheticPopulation;
import org.familyview.matching.cluster.Clusterer;
import org.familyview.matching.score.PairScorer;
import org.familyview.matching.standardise.StandardisedRecord;
import org.junit.jupiter.api.Test;

/**
 * A run scores its candidates as blocking streams them and keeps only those that can matter; this
 * holds it to the run that scores and decides every candidate at once (as the matcher did before).
 */
class CandidateStreamTests {

  @Test
  void decidingOnTheKeptPairsGivesExactlyWhatDecidingOnEveryCandidateGives() {
    // Households (the guard may switch), twins (cannot-link rules), shared NHS numbers (must-link).
    SyntheticPopulation population = SyntheticPopulation.generate(23, 2.0, 4000);
    Linker linker = new Linker(MatchingConfig.standard());
    List<StandardisedRecord> records = linker.standardise(population.records());
    Linkage streamed = linker.linkStandardised(records, null, Constraints.NONE, Progress.SILENT);

    long[] every = streamed.blockIndex().allPairs().pairs();
    PairScorer scorer = streamed.scorer();
    Linker.Scored scored =
        Linker.score(scorer.withHouseholdGuard(false), records, every, Progress.SILENT);
    Linker.Decided all = Linker.decide(scorer, records, every, scored, Constraints.NONE);

    assertThat(streamed.candidatePairs()).isEqualTo(every.length);
    assertThat(every.length).isGreaterThan(all.pairs().length);
    assertThat(streamed.keptPairPositions()).isEqualTo(all.pairs());
    for (int i = 0; i < all.pairs().length; i++) {
      Linkage.KeptPair kept = streamed.keptPair(i);
      assertThat(kept.matchWeight()).isEqualTo((double) all.weights()[i]);
      assertThat(kept.decision()).isEqualTo(all.decision(i));
      assertThat(kept.rule()).isEqualTo(all.rule(i));
    }
    assertThat(streamed.clustering().clusterOf())
        .isEqualTo(new Clusterer(linker.config().clustering()).cluster(all.graph()).clusterOf());
  }
}
