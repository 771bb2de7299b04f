package org.familyview.matching.standardise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.familyview.matching.SourceRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardiserTests {

  private final Standardiser standardiser = Standardiser.standard();

  private StandardisedRecord named(String given, String family) {
    return standardiser.standardise(
        SourceRecord.builder("police", "1").name(given, family).build());
  }

  @ParameterizedTest(name = "{0} {1} -> forename {2}, surname {3}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "John, Smith, john, smith",
        "  JOHN , SMITH , john, smith",
        "Mr John, Smith, john, smith",
        "Dr. Amélie, Lefèvre, amelie, lefevre",
        "Siobhán, O'Brien, siobhan, obrien",
        "Mary, Smith-Jones, mary, smithjones",
        "Mary, Smith Jones Jr, mary, smithjones",
        "UNKNOWN, Smith, NULL, smith",
        "Baby, Smith, NULL, smith",
        "John Smith, NULL, john, smith",
        "Zoë, Ng, zoe, ng",
        "Miss, Hall, NULL, hall"
      })
  void cleansNames(String given, String family, String forename, String surname) {
    StandardisedRecord r = named(given, family);
    assertThat(r.forename()).isEqualTo(forename);
    assertThat(r.surname()).isEqualTo(surname);
  }

  @ParameterizedTest(name = "{0} is known as {1}")
  @CsvSource({
    "Bill, william",
    "Billy, william",
    "Peggy, margaret",
    "Jack, john",
    "Liz, elizabeth",
    "Bob, robert",
    "William, william",
    "Okonkwo, okonkwo"
  })
  void mapsNicknamesToFormalNames(String given, String formal) {
    assertThat(named(given, "Smith").forenameForms()).contains(formal);
  }

  @ParameterizedTest(name = "{0}: surname parts {1}")
  @CsvSource({"Smith-Jones, smith|jones", "Bonham Carter, bonham|carter", "van der Berg, berg"})
  void splitsDoubleBarrelledSurnamesIntoDistinctiveParts(String family, String parts) {
    assertThat(named("Ann", family).surnameParts()).containsExactly(parts.split("\\|"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "2014-02-29, 20140229",
        "1985-13-40, 19851340",
        "29/02/2016, 20160229",
        "20101231, 20101231",
        "1900-01-01, NULL",
        "9999-12-31, NULL",
        "not a date, NULL",
        "'', NULL"
      })
  void readsDatesOfBirthIncludingImpossibleOnesButNotPlaceholders(String raw, String digits) {
    DateOfBirth dob = DateOfBirth.parse(raw);
    if (digits == null) {
      assertThat(dob).isNull();
    } else {
      assertThat(dob).isNotNull();
      assertThat(Integer.toString(dob.digits())).isEqualTo(digits);
    }
  }

  @ParameterizedTest(name = "postcode {0} -> {1} / {2} / {3}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "sw1a 1aa, SW1A1AA, SW1A1, SW1A",
        "LS25 6LR, LS256LR, LS256, LS25",
        "2615, 2615, NULL, NULL",
        "ZZ99 3VZ, NULL, NULL, NULL",
        "UNKNOWN, NULL, NULL, NULL"
      })
  void keepsInvalidPostcodesAsStringsAndSplitsUkOnes(
      String raw, String postcode, String sector, String district) {
    StandardisedRecord r =
        standardiser.standardise(SourceRecord.builder("health", "1").postcode(raw).build());
    assertThat(r.postcode()).isEqualTo(postcode);
    assertThat(r.postcodeSector()).isEqualTo(sector);
    assertThat(r.postcodeDistrict()).isEqualTo(district);
  }

  @ParameterizedTest(name = "NHS number {0} -> {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "943 476 5919, 9434765919",
        "9434765918, NULL",
        "0000000000, NULL",
        "1111111111, NULL",
        "12345, NULL"
      })
  void ignoresInvalidAndPlaceholderNhsNumbers(String raw, String expected) {
    StandardisedRecord r =
        standardiser.standardise(SourceRecord.builder("health", "1").nhsNumber(raw).build());
    assertThat(r.nhsNumber()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "phone {0} -> {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {"07700 900123, 07700900123", "+44 7700 900123, 07700900123", "0000000000, NULL"})
  void normalisesPhones(String raw, String expected) {
    assertThat(standardiser.standardise(SourceRecord.builder("c", "1").phone(raw).build()).phone())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "email {0} -> {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {"Jo.Bloggs@Example.org, jo.bloggs@example.org", "none@none.com, NULL", "x, NULL"})
  void normalisesEmails(String raw, String expected) {
    assertThat(standardiser.standardise(SourceRecord.builder("c", "1").email(raw).build()).email())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "aliases {0}")
  @CsvSource({"Smith, smith", "Jane Smith, smith"})
  void readsAliasesAsOtherNames(String alias, String surname) {
    StandardisedRecord r =
        standardiser.standardise(
            SourceRecord.builder("c", "1").name("Jane", "Jones").aliases(List.of(alias)).build());
    assertThat(r.otherSurnames()).contains(surname);
  }
}
