package org.familyview.matching.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.familyview.matching.SourceRecord;
import org.familyview.matching.compare.Comparison;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.estimate.ModelParameters;
import org.familyview.matching.estimate.TermFrequencies;
import org.familyview.matching.standardise.Standardiser;
import org.junit.jupiter.api.Test;

class CorroborationTests {

  private final ComparisonSet comparisons = ComparisonSet.standard();
  private final Standardiser standardiser = Standardiser.standard();
  private final PairScorer scorer =
      new PairScorer(
          model(),
          comparisons,
          TermFrequencies.of(comparisons, List.of()),
          Thresholds.standard(),
          false);

  /** Any model will do: the rule looks at levels, not weights. */
  private ModelParameters model() {
    double[][] m = new double[comparisons.size()][];
    double[][] u = new double[comparisons.size()][];
    for (int k = 0; k < comparisons.size(); k++) {
      int levels = comparisons.get(k).levelCount();
      m[k] = new double[levels];
      u[k] = new double[levels];
      Arrays.fill(m[k], 1.0 / levels);
      Arrays.fill(u[k], 1.0 / levels);
    }
    List<String> names = comparisons.comparisons().stream().map(Comparison::name).toList();
    return ModelParameters.of("2026-12-07T00:00:00Z", names, m, u, 1e-6);
  }

  private static SourceRecord.Builder ethan(String agency, String id) {
    return SourceRecord.builder(agency, id)
        .name("Ethan", "O'Neill")
        .middleNames("Matthew")
        .born("1990-01-14")
        .sex("M");
  }

  private RuleOutcome judge(SourceRecord left, SourceRecord right) {
    return scorer.score(standardiser.standardise(left), standardiser.standardise(right)).rule();
  }

  @Test
  void nameAndBirthDateAloneWithAddressesInDifferentTownsIsAtMostAReview() {
    RuleOutcome outcome =
        judge(
            ethan("council", "1").address("4 Mill Lane, Leeds").postcode("LS13 2AB").build(),
            ethan("police", "2").address("77 Manor Road, Bradford").postcode("BD1 5QT").build());
    assertThat(outcome).isEqualTo(PairScorer.UNCORROBORATED);
  }

  @Test
  void anUncorroboratedPairLinksOnlyFromSixBitsAndIsOtherwiseAReviewTask() {
    assertThat(scorer.decide(6.0, PairScorer.UNCORROBORATED)).isEqualTo(LinkDecision.LINK);
    assertThat(scorer.decide(5.9, PairScorer.UNCORROBORATED)).isEqualTo(LinkDecision.REVIEW);
    assertThat(scorer.decide(1.0, PairScorer.UNCORROBORATED)).isEqualTo(LinkDecision.REVIEW);
    assertThat(scorer.decide(-1.0, PairScorer.UNCORROBORATED)).isEqualTo(LinkDecision.NO_LINK);
  }

  @Test
  void aSharedPhoneOrIdentifierOrANearbyAddressCorroborates() {
    SourceRecord leeds =
        ethan("council", "1")
            .address("4 Mill Lane, Leeds")
            .postcode("LS13 2AB")
            .phone("07700 900123")
            .build();
    SourceRecord bradford =
        ethan("police", "2").address("77 Manor Road, Bradford").postcode("BD1 5QT").build();
    assertThat(judge(leeds, bradford.toBuilder().phone("07700 900123").build()))
        .isEqualTo(RuleOutcome.NONE);
    assertThat(judge(leeds, bradford.toBuilder().postcode("LS13 4ZZ").address("9 Elm Row").build()))
        .isEqualTo(RuleOutcome.NONE);
    assertThat(judge(leeds, bradford.toBuilder().address(null).postcode(null).build()))
        .as("a missing address is no evidence either way")
        .isEqualTo(RuleOutcome.NONE);
  }

  @Test
  void theRuleIsOffWhereNoRecordCanCarryCorroboration() {
    SourceRecord a = ethan("a", "1").address("4 Mill Lane, Leeds").postcode("LS13 2AB").build();
    SourceRecord b = ethan("b", "2").address("77 Manor Road, Bradford").postcode("BD1 5QT").build();
    List<org.familyview.matching.standardise.StandardisedRecord> records =
        List.of(standardiser.standardise(a), standardiser.standardise(b));
    assertThat(PairScorer.corroborationPossible(records)).isFalse();
    PairScorer off = scorer.withCorroboration(false);
    assertThat(off.score(records.get(0), records.get(1)).rule()).isEqualTo(RuleOutcome.NONE);
  }

  @Test
  void namesAloneWithoutABirthDateAreNotEvenAReviewTask() {
    SourceRecord leeds =
        SourceRecord.builder("council", "1")
            .name("Luke", "Hirst")
            .born("1999-08-27")
            .sex("M")
            .address("4 Mill Lane, Leeds")
            .postcode("LS13 2AB")
            .build();
    SourceRecord bradford =
        SourceRecord.builder("police", "2")
            .name("Hirst", "Luke")
            .sex("M")
            .address("77 Manor Road, Bradford")
            .postcode("BD1 5QT")
            .build();
    assertThat(judge(leeds, bradford)).isEqualTo(PairScorer.NAMES_ONLY);
    assertThat(scorer.decide(9.0, PairScorer.NAMES_ONLY)).isEqualTo(LinkDecision.NO_LINK);
    assertThat(judge(leeds, bradford.toBuilder().born("1999-08-27").build()))
        .as("with a date of birth it is the ordinary corroboration rule")
        .isEqualTo(PairScorer.UNCORROBORATED);
  }
}
