package org.familyview.matching.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.score.PairScorer;
import org.familyview.matching.score.Thresholds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13: a date of birth a year out, a year-only date or an email with one letter wrong is near
 * agreement, not disagreement. The shipped model (trained on the generator, which makes few such
 * slips) must still rank each above the disagreement of its comparison, and a model trained before
 * the levels existed must be refused rather than read with its levels shifted.
 */
class PartialAgreementLevelsTests {

  private static final ComparisonSet COMPARISONS = ComparisonSet.standard();

  @ParameterizedTest(name = "{0}: level {1} weighs more than level {2}")
  @CsvSource({
    "date_of_birth, 2, 7",
    "date_of_birth, 3, 7",
    "date_of_birth, 4, 7",
    "date_of_birth, 3, 6",
    "email, 2, 3",
    "phone, 2, 3"
  })
  void theShippedModelCountsASlipAsNearerAgreementThanDisagreement(
      String comparison, int slip, int disagreement) {
    ModelParameters model = DefaultModel.load();
    int k = COMPARISONS.indexOf(comparison);
    assertThat(model.m()[k]).hasSize(COMPARISONS.get(k).levelCount());
    assertThat(model.weight(k, slip)).isGreaterThan(model.weight(k, disagreement));
  }

  @ParameterizedTest(name = "a model whose {0} has one level fewer is refused")
  @CsvSource({"date_of_birth", "email"})
  void aModelTrainedBeforeTheLevelsExistedIsRefused(String comparison) {
    ModelParameters current = DefaultModel.load();
    int k = COMPARISONS.indexOf(comparison);
    double[][] m = current.m().clone();
    double[][] u = current.u().clone();
    m[k] = Arrays.copyOf(m[k], m[k].length - 1);
    u[k] = Arrays.copyOf(u[k], u[k].length - 1);
    ModelParameters older =
        ModelParameters.of(current.trainedAt(), current.comparisons(), m, u, current.prior());

    assertThatThrownBy(
            () ->
                new PairScorer(
                    older,
                    COMPARISONS,
                    TermFrequencies.of(COMPARISONS, List.of()),
                    Thresholds.standard(),
                    false))
        .hasMessageContaining("trained on different comparisons");
  }
}
