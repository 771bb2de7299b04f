package org.familyview.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTests {

  @ParameterizedTest(name = "{0} is valid as {1}")
  @CsvSource({
    "9434765919, 9434765919",
    "'943 476 5919', 9434765919",
    "943-476-5919, 9434765919",
    "' 4010232137 ', 4010232137",
    "9990000018, 9990000018"
  })
  void validNumbersAreNormalisedToTenDigits(String raw, String digits) {
    assertThat(NhsNumber.read(raw)).isEqualTo(new Reading.Valid<>(new NhsNumber(digits)));
    assertThat(NhsNumber.isValid(raw)).isTrue();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "9434765918, fails the modulus-11 check",
    "4010232138, fails the modulus-11 check",
    "1234567890, fails the modulus-11 check",
    "943476591, is not ten digits",
    "94347659190, is not ten digits",
    "943476591A, is not ten digits"
  })
  void invalidNumbersSayWhatIsWrongWithoutTheValue(String raw, String reason) {
    assertThat(NhsNumber.read(raw)).isEqualTo(Reading.invalid(reason));
    assertThat(NhsNumber.parse(raw)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "0000000000", "000 000 0000", "1111111111", "9999999999"})
  void blankAndRepeatedDigitPlaceholdersAreMissingEvenWhenTheyPassTheCheck(String raw) {
    assertThat(NhsNumber.read(raw)).isEqualTo(Reading.missing());
  }

  @ParameterizedTest(name = "{0} completes to {1}")
  @CsvSource({"943476591, 9434765919", "401023213, 4010232137", "999000001, 9990000018"})
  void generatorsCompleteNineDigitsWithTheCheckDigit(String nine, String ten) {
    assertThat(NhsNumber.withCheckDigit(nine)).contains(new NhsNumber(ten));
  }

  @Test
  void nineDigitsWhoseCheckDigitWouldBeTenAreNeverIssued() {
    assertThat(NhsNumber.withCheckDigit("123456789")).isEmpty();
  }

  @Test
  void everyGeneratedNumberValidates() {
    int issued = 0;
    for (int n = 999_000_000; n < 999_002_000; n++) {
      var number = NhsNumber.withCheckDigit(Integer.toString(n));
      if (number.isPresent()) {
        issued++;
        assertThat(NhsNumber.isValid(number.get().digits())).isTrue();
      }
    }
    // One in eleven prefixes gives check value 10 and is never issued.
    assertThat(issued).isBetween(1800, 1830);
  }

  @Test
  void constructorRefusesAWrongCheckDigit() {
    assertThatIllegalArgumentException().isThrownBy(() -> new NhsNumber("9434765918"));
  }

  @Test
  void formatsInThreeThreeFourGroups() {
    assertThat(new NhsNumber("9434765919").formatted()).isEqualTo("943 476 5919");
  }
}
