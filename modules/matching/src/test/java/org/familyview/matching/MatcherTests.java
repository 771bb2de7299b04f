package org.familyview.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.familyview.matching.estimate.DefaultModel;
import org.familyview.matching.estimate.ModelParameters;
import org.familyview.matching.estimate.TermFrequencies;
import org.familyview.matching.evaluate.BlockingRecall;
import org.familyview.matching.evaluate.Calibration;
import org.familyview.matching.evaluate.LinkageMetrics;
import org.familyview.matching.explain.Explainer;
import org.familyview.matching.explain.Explanation;
import org.familyview.matching.score.PairScorer;
import org.junit.jupiter.api.Test;

/**
 * The facade gives what its callers used to assemble from the library's parts themselves: the
 * workbench's recomputed explanation, a pair's weight in it, and the command line's evaluation of a
 * run against truth.
 */
class MatcherTests {

  static final ModelParameters MODEL = DefaultModel.forPopulation(DefaultModel.SMALL_POPULATION);

  static SourceRecord record(String agency, String id, String given, String dob, String postcode) {
    return new SourceRecord(
        agency, id, given, null, "Tagg", List.of(), dob, "F", null, postcode, null, null, null,
        null, null, null);
  }

  final Matcher matcher = Matcher.of(MatchingConfig.standard());
  final SourceRecord health = record("health", "H1", "Jolene", "1990-04-02", "LS6 1AA");
  final SourceRecord police = record("police", "P1", "Joleen", "1990-04-02", "LS6 1AA");
  final SourceRecord stranger = record("police", "P2", "Dean", "1985-01-20", "BD7 2XX");

  @Test
  void anExplanationIsTheOneTheLibrarysPartsGiveForThePair() {
    Linker linker = new Linker(MatchingConfig.standard());
    PairScorer scorer =
        new PairScorer(
            MODEL,
            linker.comparisons(),
            TermFrequencies.of(linker.comparisons(), List.of()),
            linker.config().thresholds(),
            true);
    Explanation byHand =
        new Explainer(scorer)
            .explain(
                linker.standardiser().standardise(health),
                linker.standardiser().standardise(police));

    Explanation explained = matcher.explain(health, police, MODEL);

    assertThat(explained).isEqualTo(byHand);
  }

  @Test
  void theSamePersonWeighsMoreThanAStranger() {
    assertThat(matcher.explain(health, police, MODEL).matchWeight())
        .isGreaterThan(matcher.explain(health, stranger, MODEL).matchWeight());
  }

  @Test
  void anEvaluationIsTheOneTheLibrarysPartsGiveForTheRun() {
    Linkage linkage =
        matcher.link(List.of(health, police, stranger), MODEL, Constraints.NONE, Progress.SILENT);
    int[] truth = new int[linkage.recordCount()];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = linkage.key(i).recordId().equals("P2") ? 1 : 0;
    }

    Matcher.Evaluation evaluation = Matcher.evaluate(linkage, truth);

    // The true pair shares a date of birth and an initial, so blocking proposes it.
    assertThat(evaluation.blockingRecall()).isEqualTo(1.0);
    assertThat(evaluation.blockingRecall())
        .isEqualTo(BlockingRecall.of(truth, linkage::isCandidate));
    assertThat(evaluation.keptRecall())
        .isEqualTo(BlockingRecall.of(truth, linkage.keptPairPositions()));
    assertThat(evaluation.metrics())
        .isEqualTo(LinkageMetrics.of(linkage.clustering().clusterOf(), truth));
    assertThat(evaluation.calibration()).isEqualTo(Calibration.ofKeptPairs(linkage, truth));
  }

  @Test
  void personIdsAreTheMatchersNumbering() {
    assertThat(Matcher.personId(42)).isEqualTo("P0000042");
  }
}
