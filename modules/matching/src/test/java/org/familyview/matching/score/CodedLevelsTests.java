package org.familyview.matching.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.familyview.matching.SourceRecord;
import org.familyview.matching.compare.Comparison;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.estimate.ModelParameters;
import org.familyview.matching.estimate.TermFrequencies;
import org.familyview.matching.standardise.StandardisedRecord;
import org.familyview.matching.standardise.Standardiser;
import org.junit.jupiter.api.Test;

/**
 * Scoring a population reads coded comparisons from packed codes, and decides middle names from
 * codes where it can (issue 14): it must give exactly the levels and weights of comparing the
 * records, pair by pair.
 */
class CodedLevelsTests {

  /**
   * Middle names as agencies give them: the same names several times, missing, initials (alone, on
   * both sides, several, with a full stop), typing slips, another order, one name more, a second
   * given name typed into the given-name field, and names sharing only an initial.
   */
  private static final List<String> MIDDLE_NAMES =
      List.of(
          "James",
          "James",
          "james",
          "",
          "",
          "J",
          "J",
          "J.",
          "J P",
          "J P",
          "P J",
          "James Paul",
          "James Paul",
          "Paul James",
          "Paul",
          "Jmaes",
          "Jamie",
          "Mary",
          "Martha",
          "Marta",
          "Mary Anne",
          "Anne Mary",
          "Anne",
          "M",
          "A M",
          "Oluwaseun",
          "Oluwasuen");

  private final ComparisonSet comparisons = ComparisonSet.standard();
  private final Standardiser standardiser = Standardiser.standard();

  private List<StandardisedRecord> population() {
    List<StandardisedRecord> records = new ArrayList<>();
    for (int i = 0; i < MIDDLE_NAMES.size(); i++) {
      String middle = MIDDLE_NAMES.get(i);
      String given = i % 5 == 0 && !middle.isEmpty() ? "Mia " + middle : "Mia";
      SourceRecord.Builder record =
          SourceRecord.builder(i % 2 == 0 ? "health" : "council", "r" + i)
              .name(given, i % 3 == 0 ? "Smith" : "Smyth")
              .born(i % 4 == 0 ? "2014-02-28" : "2014-02-29")
              .sex("F")
              .postcode("LS13 2AB")
              .address(i % 2 + " Mill Lane, Leeds")
              .nhsNumber(i % 7 == 0 ? "9434765919" : null);
      if (i % 5 != 0) {
        record.middleNames(middle.isEmpty() ? null : middle);
      }
      records.add(standardiser.standardise(record.build()));
    }
    return records;
  }

  @Test
  void preparedScoringGivesTheLevelsAndWeightsOfComparingRecordsForEveryPair() {
    List<StandardisedRecord> records = population();
    PairScorer scorer =
        new PairScorer(
            model(),
            comparisons,
            TermFrequencies.of(comparisons, records),
            Thresholds.standard(),
            true);
    PairScorer.Prepared prepared = scorer.prepare(records);
    int[] expected = new int[comparisons.size()];
    int[] levels = new int[comparisons.size()];
    int middle = comparisons.indexOf("middle_names");
    int[] seen = new int[comparisons.get(middle).levelCount()];
    for (int l = 0; l < records.size(); l++) {
      for (int r = 0; r < records.size(); r++) {
        double weight = scorer.bayesWeight(records.get(l), records.get(r), expected);
        assertThat(prepared.bayesWeight(l, r, levels)).isEqualTo(weight);
        assertThat(levels).as("pair %d, %d", l, r).containsExactly(expected);
        assertThat(prepared.personalEvidence(l, levels))
            .isEqualTo(scorer.personalEvidence(records.get(l), levels));
        seen[levels[middle]]++;
      }
    }
    assertThat(seen).as("pairs at each middle-name level").doesNotContain(0);
  }

  /** The codes decide the common pairs, and never call initials the same ("J" beside "J"). */
  @Test
  void middleNameCodesDecideMissingAndTheSameButNotInitials() {
    List<StandardisedRecord> records =
        List.of(
            middleNamed(null),
            middleNamed("James"),
            middleNamed("james"),
            middleNamed("J"),
            middleNamed("J"),
            middleNamed("Paul"));
    Comparison middle = comparisons.get(comparisons.indexOf("middle_names"));
    int[] codes = middle.codes(records);
    assertThat(codes).isNotNull();
    assertThat(middle.level(codes[0], codes[1])).isEqualTo(Comparison.MISSING);
    assertThat(middle.level(codes[3], codes[0])).isEqualTo(Comparison.MISSING);
    assertThat(middle.level(codes[1], codes[2])).isEqualTo(Comparison.EXACT);
    assertThat(middle.level(codes[3], codes[4])).isEqualTo(Comparison.UNDECIDED);
    assertThat(middle.level(codes[1], codes[5])).isEqualTo(Comparison.UNDECIDED);
    assertThat(middle.level(records.get(3), records.get(4))).isNotEqualTo(Comparison.EXACT);
  }

  private StandardisedRecord middleNamed(String middle) {
    return standardiser.standardise(
        SourceRecord.builder("a", "x" + middle).name("Mia", "Smith").middleNames(middle).build());
  }

  /** Weights that differ by level, so that a wrong level shows in the weight too. */
  private ModelParameters model() {
    double[][] m = new double[comparisons.size()][];
    double[][] u = new double[comparisons.size()][];
    for (int k = 0; k < comparisons.size(); k++) {
      int levels = comparisons.get(k).levelCount();
      m[k] = new double[levels];
      u[k] = new double[levels];
      double total = levels * (levels + 1) / 2.0;
      for (int level = 0; level < levels; level++) {
        m[k][level] = (levels - level) / total;
        u[k][level] = (level + 1) / total;
      }
    }
    List<String> names = comparisons.comparisons().stream().map(Comparison::name).toList();
    return ModelParameters.of("2026-12-07T00:00:00Z", names, m, u, 1e-6);
  }
}
