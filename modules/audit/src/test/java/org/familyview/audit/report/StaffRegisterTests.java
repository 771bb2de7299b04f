package org.familyview.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaffRegisterTests {

  @Test
  void readsMembersNormalisedForMatching() {
    StaffRegister.Loaded loaded =
        StaffRegister.parse(
            List.of(
                "username,family_name,postcode",
                "keyworker1, O'Brien ,sw1a 1aa",
                "",
                "keyworker2,SMITH,M1  1AE"));

    assertThat(loaded)
        .isEqualTo(
            new StaffRegister.Loaded.Members(
                List.of(
                    new StaffMember("keyworker1", "o'brien", "SW1A1AA"),
                    new StaffMember("keyworker2", "smith", "M11AE"))));
  }

  @Test
  void namesEveryBadLineWithoutRepeatingItsContent() {
    StaffRegister.Loaded loaded =
        StaffRegister.parse(
            List.of(
                "username,family_name,postcode",
                "keyworker1,Smith",
                "keyworker2,,M1 1AE",
                "keyworker3,Jones,CF10 1AA"));

    assertThat(loaded)
        .isEqualTo(
            new StaffRegister.Loaded.Malformed(
                List.of("line 2: expected 3 fields, found 2", "line 3: every field is required")));
  }

  @Test
  void refusesAFileWithoutTheHeader() {
    assertThat(StaffRegister.parse(List.of("keyworker1,Smith,M1 1AE")))
        .isInstanceOf(StaffRegister.Loaded.Malformed.class);
  }

  @Test
  void aMissingFileIsAnEmptyRegisterThatSaysSo() {
    Path nowhere = Path.of("target", "no-such-register.csv");
    assertThat(StaffRegister.read(nowhere)).isEqualTo(new StaffRegister.Loaded.Missing(nowhere));
  }

  @ParameterizedTest
  @CsvSource({
    "'sw1a 1aa', SW1A1AA",
    "' M1  1AE ', M11AE",
    "'cf101aa', CF101AA",
  })
  void postcodesCompareWithoutCaseOrSpaces(String written, String normalised) {
    assertThat(StaffMember.normalisePostcode(written)).isEqualTo(normalised);
  }
}
