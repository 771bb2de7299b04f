package org.familyview.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceholdersTests {

  @ParameterizedTest(name = "{0} is a placeholder date: {1}")
  @CsvSource({
    "1900-01-01, true",
    "1901-01-01, true",
    "1899-12-31, true",
    "1753-01-01, true",
    "9999-12-31, true",
    "0001-01-01, true",
    "1970-01-01, false",
    "2014-02-28, false",
    "1900-01-02, false"
  })
  void defaultDatesArePlaceholders(LocalDate date, boolean placeholder) {
    assertThat(Placeholders.isPlaceholderDate(date)).isEqualTo(placeholder);
  }

  @ParameterizedTest(name = "''{0}'' is a placeholder name: {1}")
  @CsvSource({
    "UNKNOWN, true",
    "unknown, true",
    "' Not  Known ', true",
    "N/K, true",
    "TBC, true",
    "XXX, true",
    "xx, true",
    "BABY, true",
    "Baby Of Smith, true",
    "BABY BOY, true",
    "Twin 1, true",
    "?, true",
    "'', true",
    "'   ', true",
    "Smith, false",
    "Xavier, false",
    "X, false",
    "Babyface, false",
    "Tobias, false",
    "Nadia, false",
    "O'Neill, false"
  })
  void notKnownSpellingsAndBabyNamesArePlaceholders(String name, boolean placeholder) {
    assertThat(Placeholders.isPlaceholderName(name)).isEqualTo(placeholder);
  }

  @ParameterizedTest(name = "''{0}'' is placeholder text: {1}")
  @CsvSource({
    "NOT KNOWN, true",
    "N/A, true",
    "'---', true",
    "00000, true",
    "NONE, true",
    "1 High Street, false",
    "07700 900123, false",
    "BABY, false"
  })
  void freeTextPlaceholders(String text, boolean placeholder) {
    assertThat(Placeholders.isPlaceholderText(text)).isEqualTo(placeholder);
  }
}
