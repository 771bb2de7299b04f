package org.familyview.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UpnTests {

  @ParameterizedTest(name = "{0} is valid as {1}")
  @CsvSource({
    "B801200005001, B801200005001",
    "b801200005001, B801200005001",
    "'B801 2000 05001', B801200005001",
    "M80120000500A, M80120000500A"
  })
  void validUpnsAreNormalisedToUpperCaseWithoutSpaces(String raw, String value) {
    assertThat(Upn.read(raw)).isEqualTo(new Reading.Valid<>(new Upn(value)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "A801200005001, has the wrong check letter",
    "B801200005002, has the wrong check letter",
    "B80120000500, is not 13 characters",
    "X80120000A001, is not a check letter followed by 11 digits and a digit or letter",
    "I801200005001, is not a check letter followed by 11 digits and a digit or letter",
    "M80120000500O, is not a check letter followed by 11 digits and a digit or letter"
  })
  void invalidUpnsSayWhatIsWrong(String raw, String reason) {
    assertThat(Upn.read(raw)).isEqualTo(Reading.invalid(reason));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void blankIsMissing(String raw) {
    assertThat(Upn.read(raw)).isEqualTo(Reading.missing());
  }

  @ParameterizedTest(name = "{0} gets check letter {1}")
  @CsvSource({"801200005001, B", "80120000500A, M"})
  void generatorsPrefixTheCheckLetter(String twelve, char letter) {
    Upn upn = Upn.withCheckLetter(twelve);
    assertThat(upn.value()).isEqualTo(letter + twelve);
    assertThat(Upn.isValid(upn.value())).isTrue();
  }

  @Test
  void exposesTheLocalAuthorityAndTemporaryStatus() {
    assertThat(new Upn("B801200005001").localAuthority()).isEqualTo("801");
    assertThat(new Upn("B801200005001").isTemporary()).isFalse();
    assertThat(new Upn("M80120000500A").isTemporary()).isTrue();
  }

  @Test
  void everySingleCharacterChangeInTheBodyIsCaught() {
    String valid = "B801200005001";
    for (int i = 1; i < 12; i++) {
      for (char d = '0'; d <= '9'; d++) {
        if (d != valid.charAt(i)) {
          String changed = valid.substring(0, i) + d + valid.substring(i + 1);
          assertThat(Upn.isValid(changed)).as(changed).isFalse();
        }
      }
    }
  }
}
