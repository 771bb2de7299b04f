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
    Linker.Decided all =
        Linker.decide(
            scorer, records, KeptPairs.of(every, scored, 16), scored.outcomes(), Constraints.NONE);

    assertThat(streamed.candidatePairs()).isEqualTo(every.length);
    assertThat(every.length).isGreaterThan(all.pairs().size());
    assertThat(streamed.keptPairPositions()).isEqualTo(all.pairs().pairs());
    for (int i = 0; i < all.pairs().size(); i++) {
      Linkage.KeptPair kept = streamed.keptPair(i);
      assertThat(kept.matchWeight()).isEqualTo((double) all.weight(i));
      assertThat(kept.decision()).isEqualTo(all.decision(i));
      assertThat(kept.rule()).isEqualTo(all.rule(i));
    }
    assertThat(streamed.clustering().clusterOf())
        .isEqualTo(new Clusterer(linker.config().clustering()).cluster(all.graph()).clusterOf());
  }

  @Test
  void decidingPairsHeldInSmallChunksGivesWhatDecidingThemInOneChunkGives() {
    SyntheticPopulation population = SyntheticPopulation.generate(29, 2.0, 3000);
    Linker linker = new Linker(MatchingConfig.standard());
    List<StandardisedRecord> records = linker.standardise(population.records());
    Linkage run = linker.linkStandardised(records, null, Constraints.NONE, Progress.SILENT);
    long[] every = run.blockIndex().allPairs().pairs();
    PairScorer scorer = run.scorer();
    Linker.Scored scored =
        Linker.score(scorer.withHouseholdGuard(false), records, every, Progress.SILENT);

    // 8 pairs a chunk: thousands of chunk boundaries, each released as the decided pairs are
    // copied.
    Linker.Decided small =
        Linker.decide(
            scorer, records, KeptPairs.of(every, scored, 3), scored.outcomes(), Constraints.NONE);
    Linker.Decided one =
        Linker.decide(
            scorer, records, KeptPairs.of(every, scored, 24), scored.outcomes(), Constraints.NONE);

    assertThat(small.pairs().size()).isGreaterThan(100).isEqualTo(one.pairs().size());
    assertThat(small.pairs().pairs()).isEqualTo(one.pairs().pairs());
    for (int i = 0; i < one.pairs().size(); i++) {
      assertThat(small.weight(i)).isEqualTo(one.weight(i));
      assertThat(small.decision(i)).isEqualTo(one.decision(i));
      assertThat(small.rule(i)).isEqualTo(one.rule(i));
    }
    assertThat(new Clusterer(linker.config().clustering()).cluster(small.graph()).clusterOf())
        .isEqualTo(run.clustering().clusterOf());
  }

  @Test
  void theStreamKeepsExactlyThePairsDecidingKeepsWithTheGuardOnOrOff() {
    SyntheticPopulation population = SyntheticPopulation.generate(31, 2.0, 3000);
    Linker linker = new Linker(MatchingConfig.standard());
    List<StandardisedRecord> records = linker.standardise(population.records());
    List<String> messages = new java.util.ArrayList<>();
    Linkage run = linker.linkStandardised(records, null, Constraints.NONE, messages::add);
    long[] every = run.blockIndex().allPairs().pairs();
    PairScorer scorer = run.scorer();
    Linker.Scored scored =
        Linker.score(scorer.withHouseholdGuard(false), records, every, Progress.SILENT);

    java.util.Set<Long> either = new java.util.HashSet<>();
    for (boolean guard : new boolean[] {false, true}) {
      Linker.Decided decided =
          Linker.decide(
              scorer.withHouseholdGuard(guard),
              records,
              KeptPairs.of(every, scored, 16),
              scored.outcomes(),
              Constraints.NONE);
      for (long pair : decided.pairs().pairs()) {
        either.add(pair);
      }
    }

    String line =
        messages.stream()
            .filter(m -> m.contains("candidate pairs scored"))
            .findFirst()
            .orElseThrow();
    long streamKept = Long.parseLong(line.replaceAll(".*scored, (\\d+) kept.*", "$1"));
    assertThat(streamKept).isEqualTo(either.size());
    assertThat(every.length).isGreaterThan(either.size());
  }
}
