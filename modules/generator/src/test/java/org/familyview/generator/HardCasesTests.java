package org.familyview.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
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
    }
  }
}
