package org.familyview.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.PersonColumn;
import org.junit.jupiter.api.Test;

class HardCasesTests {

  private static String[] row() {
    String[] f = new String[PersonColumn.values().length];
    f[PersonColumn.GIVEN_NAME.ordinal()] = "Chloe";
    f[PersonColumn.FAMILY_NAME.ordinal()] = "Wright";
    f[PersonColumn.SEX.ordinal()] = "F";
    f[PersonColumn.DATE_OF_BIRTH.ordinal()] = "2016-07-29";
    f[PersonColumn.EMAIL.ordinal()] = "chloe.wright@example.net";
    return f;
  }

  @Test
  void anHonorificGoesBeforeTheGivenNameOrAfterTheFamilyName() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 50; i++) {
      String[] f = row();
      assertThat(HardCases.honorific(f, r)).isTrue();
      String given = f[PersonColumn.GIVEN_NAME.ordinal()];
      String family = f[PersonColumn.FAMILY_NAME.ordinal()];
      assertThat(given.equals("Chloe") ^ family.equals("Wright")).as(given + " " + family).isTrue();
      assertThat(given).doesNotStartWith("Sir").doesNotStartWith("Lord");
    }
  }

  @Test
  void aYearOnlyDateIsTheFirstOfJanuaryAndAnEmailTypoChangesOneLetter() {
    String[] f = row();
    assertThat(HardCases.yearOnly(f)).isTrue();
    assertThat(f[PersonColumn.DATE_OF_BIRTH.ordinal()]).isEqualTo("2016-01-01");
    assertThat(HardCases.yearOnly(f)).as("already 1 January").isFalse();

    HardCases.emailTypo(f, new SplittableRandom(1));
    String typed = f[PersonColumn.EMAIL.ordinal()];
    String original = "chloe.wright@example.net";
    assertThat(typed).hasSameSizeAs(original).endsWith("@example.net");
    int differences = 0;
    for (int i = 0; i < original.length(); i++) {
      differences += typed.charAt(i) == original.charAt(i) ? 0 : 1;
    }
    assertThat(differences).isLessThanOrEqualTo(1);
  }

  @Test
  void theHardProfileSwitchesTheCasesOnForEveryAgency() {
    Map<PartnerId, ErrorProfile> profiles = new LinkedHashMap<>();
    for (PartnerId agency : PartnerId.V1) {
      profiles.put(agency, ErrorProfile.defaults(agency));
      assertThat(profiles.get(agency).rate(ErrorKind.HONORIFIC)).isZero();
    }
    HardCases.switchOn(profiles);
    for (PartnerId agency : PartnerId.V1) {
      assertThat(profiles.get(agency).rate(ErrorKind.HONORIFIC))
          .isEqualTo(HardCases.HONORIFIC_RATE);
      assertThat(profiles.get(agency).rate(ErrorKind.YEAR_ONLY_DATE))
          .isEqualTo(HardCases.YEAR_ONLY_RATE);
      assertThat(profiles.get(agency).rate(ErrorKind.EMAIL_TYPO))
          .isEqualTo(HardCases.EMAIL_TYPO_RATE);
      assertThat(profiles.get(agency).rate(ErrorKind.DATE_OF_BIRTH_SLIP))
          .isEqualTo(HardCases.DATE_OF_BIRTH_SLIP_RATE);
      assertThat(profiles.get(agency).rate(ErrorKind.PHONE_TYPO))
          .isEqualTo(HardCases.PHONE_TYPO_RATE);
      assertThat(profiles.get(agency).rate(ErrorKind.MIDDLE_NAME_SLIP))
          .isEqualTo(HardCases.MIDDLE_NAME_SLIP_RATE);
    }
  }

  @Test
  void aDateOfBirthSlipsByOneDayOneMonthOrOneYear() {
    SplittableRandom r = new SplittableRandom(5);
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < 60; i++) {
      String[] f = row();
      assertThat(HardCases.dateOfBirthSlip(f, r)).isTrue();
      String slipped = f[PersonColumn.DATE_OF_BIRTH.ordinal()];
      assertThat(slipped)
          .isIn("2016-07-28", "2016-07-30", "2016-06-29", "2016-08-29", "2015-07-29", "2017-07-29");
      seen.add(slipped);
    }
    assertThat(seen).hasSize(6);
    String[] none = row();
    none[PersonColumn.DATE_OF_BIRTH.ordinal()] = null;
    assertThat(HardCases.dateOfBirthSlip(none, r)).isFalse();
  }

  @Test
  void aPhoneTypoChangesOneDigitOrSwapsTwo() {
    SplittableRandom r = new SplittableRandom(7);
    String original = "07700900123";
    for (int i = 0; i < 60; i++) {
      String[] f = row();
      f[PersonColumn.PHONE.ordinal()] = original;
      if (!HardCases.phoneTypo(f, r)) {
        continue;
      }
      String typed = f[PersonColumn.PHONE.ordinal()];
      assertThat(typed).hasSameSizeAs(original).startsWith("0").isNotEqualTo(original);
      int differences = 0;
      for (int k = 0; k < original.length(); k++) {
        differences += typed.charAt(k) == original.charAt(k) ? 0 : 1;
      }
      assertThat(differences).as(typed).isBetween(1, 2);
    }
  }

  @Test
  void aMiddleNameSlipGivesInitialsDropsTheSecondOrSwapsTwoLetters() {
    SplittableRandom r = new SplittableRandom(11);
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < 60; i++) {
      String[] f = row();
      f[PersonColumn.MIDDLE_NAMES.ordinal()] = "Louise Anne";
      if (HardCases.middleNameSlip(f, r)) {
        seen.add(f[PersonColumn.MIDDLE_NAMES.ordinal()]);
      }
    }
    assertThat(seen).contains("L A", "Louise").hasSizeGreaterThan(2);
    assertThat(seen)
        .allSatisfy(
            m ->
                assertThat(
                        m.equals("L A")
                            || m.equals("Louise")
                            || (m.endsWith(" Anne") && m.length() == "Louise Anne".length()))
                    .as(m)
                    .isTrue());
    String[] none = row();
    assertThat(HardCases.middleNameSlip(none, r)).isFalse();
  }
}
