package org.familyview.matching.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.familyview.matching.SourceRecord;
import org.familyview.matching.compare.Comparison;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.standardise.StandardisedRecord;
import org.familyview.matching.standardise.Standardiser;
import org.junit.jupiter.api.Test;

class HouseholdInteractionTests {

  private final ComparisonSet comparisons = ComparisonSet.standard();
  private final Standardiser standardiser = Standardiser.standard();

  /** Strangers' u as a trained model has them: surname exact 0.01, date of birth exact 0.00005. */
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
    u[comparisons.indexOf("surname")][Comparison.EXACT] = 0.01;
    u[comparisons.indexOf("date_of_birth")][Comparison.EXACT] = 0.00005;
    List<String> names = comparisons.comparisons().stream().map(Comparison::name).toList();
    return ModelParameters.of("2026-12-07T00:00:00Z", names, m, u, 1e-6);
  }

  private StandardisedRecord member(int house, String forename, String middle, String born) {
    return standardiser.standardise(
        SourceRecord.builder("council", house + forename)
            .name(forename, "Hall")
            .middleNames(middle)
            .born(born)
            .address(house + " Mill Lane, Leeds")
            .postcode("LS13 2AB")
            .build());
  }

  /** Households of a parent and two children; every tenth pair of children are twins. */
  private List<StandardisedRecord> households(int count) {
    List<StandardisedRecord> records = new ArrayList<>();
    for (int h = 1; h <= count; h++) {
      records.add(member(h, "Sarah", "Jane", "1980-03-02"));
      records.add(member(h, "Jack", "Oscar", "2010-06-11"));
      records.add(member(h, "Emily", "Rose", h % 10 == 0 ? "2010-06-11" : "2012-09-30"));
    }
    return records;
  }

  private int[] levels(StandardisedRecord left, StandardisedRecord right) {
    int[] levels = new int[comparisons.size()];
    comparisons.compare(left, right, levels);
    return levels;
  }

  @Test
  void twinsAtOneAddressLoseTheBitsStrangersWouldEarnFromSurnameAndBirthDate() {
    HouseholdInteraction household =
        HouseholdInteraction.of(comparisons, model(), households(100), 0.10);
    StandardisedRecord jack = member(10, "Jack", "Oscar", "2010-06-11");
    StandardisedRecord emily = member(10, "Emily", "Rose", "2010-06-11");
    int[] levels = levels(jack, emily);
    assertThat(household.householdPairs()).isEqualTo(300);
    assertThat(household.applies(levels, jack, emily)).isTrue();
    // strangers: 0.01 x 0.00005; households: 10 of 300 pairs share surname and birth date
    assertThat(household.correction(levels))
        .isCloseTo(Math.log(0.01 * 0.00005 / (10.0 / 300)) / Math.log(2), within(0.01));
  }

  @Test
  void theSameMiddleNamesOrTheSameForenameAreNotAHouseholdPair() {
    HouseholdInteraction household =
        HouseholdInteraction.of(comparisons, model(), households(100), 0.10);
    StandardisedRecord jack = member(10, "Jack", "Oscar", "2010-06-11");
    StandardisedRecord kit = member(10, "Kit", "Oscar", "2010-06-11");
    StandardisedRecord jackAgain = member(10, "Jack", "", "2010-06-11");
    assertThat(household.applies(levels(jack, kit), jack, kit)).isFalse();
    assertThat(household.applies(levels(jack, jackAgain), jack, jackAgain)).isFalse();
  }

  @Test
  void withoutHouseholdsThereIsNothingToCorrect() {
    List<StandardisedRecord> strangers = new ArrayList<>();
    for (int h = 1; h <= 50; h++) {
      strangers.add(member(h, "Sarah", "Jane", "1980-03-02"));
    }
    HouseholdInteraction household = HouseholdInteraction.of(comparisons, model(), strangers, 0.10);
    assertThat(household.householdPairs()).isZero();
    assertThat(household.sameSurnameAndBirth()).isZero();
  }

  @Test
  void whereRecordsAtOneAddressAreOnePersonThereIsNoHouseholdToCorrectFor() {
    List<StandardisedRecord> duplicates = new ArrayList<>();
    for (int h = 1; h <= 50; h++) {
      duplicates.add(member(h, "Sarah", "Jane", "1980-03-02"));
      duplicates.add(member(h, "Xqzt", "Jane", "1980-03-02"));
    }
    HouseholdInteraction household =
        HouseholdInteraction.of(comparisons, model(), duplicates, 0.10);
    assertThat(household).isSameAs(HouseholdInteraction.NONE);
  }
}
