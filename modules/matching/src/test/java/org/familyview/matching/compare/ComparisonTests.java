package org.familyview.matching.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyview.matching.SourceRecord;
import org.familyview.matching.standardise.StandardisedRecord;
import org.familyview.matching.standardise.Standardiser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonTests {

  private final Standardiser standardiser = Standardiser.standard();

  private StandardisedRecord person(
      String given, String family, String dob, String postcode, String address) {
    return standardiser.standardise(
        SourceRecord.builder("a", given + family + dob)
            .name(given, family)
            .born(dob)
            .postcode(postcode)
            .address(address)
            .build());
  }

  private StandardisedRecord named(String given, String family) {
    return person(given, family, null, null, null);
  }

  @ParameterizedTest(name = "{0} vs {1}: forename level {2}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "John, John, 1",
        "Bill, William, 2",
        "Peggy, Margaret, 2",
        "Jonh, John, 3",
        "Catherine, Katherine, 2",
        "Steven, Stephen, 2",
        "Jonathon, Jonathan, 3",
        "J, John, 4",
        "Geoff, Jeff, 2",
        "Jenifer, Jennifer, 3",
        "Dwayne, Duane, 4",
        "John, Mary, 5",
        "NULL, Mary, 0"
      })
  void comparesForenames(String left, String right, int level) {
    assertThat(new ForenameComparison().level(named(left, "Smith"), named(right, "Smith")))
        .isEqualTo(level);
  }

  @ParameterizedTest(name = "{0} vs {1}: middle names level {2}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "James, James, 1",
        "James Paul, james paul, 1",
        "James, James Paul, 2",
        "Paul James, James, 2",
        "Jmaes, James, 3",
        "Jamie, James, 5",
        "J, James, 4",
        "J P, James Paul, 4",
        "J., Paul, 5",
        "James, Paul, 5",
        "Mary, Martha, 5",
        "NULL, James, 0",
        "James, NULL, 0"
      })
  void comparesMiddleNames(String left, String right, int level) {
    MiddleNameComparison middle = new MiddleNameComparison();
    assertThat(middle.level(middleNamed(left), middleNamed(right))).isEqualTo(level);
    assertThat(middle.level(middleNamed(right), middleNamed(left))).isEqualTo(level);
  }

  @ParameterizedTest(name = "{0}: middle-name frequency value {1}")
  @CsvSource(
      nullValues = "NULL",
      value = {"James Paul, james paul", "J P, NULL", "NULL, NULL"})
  void weighsRareMiddleNamesButNotInitials(String middle, String value) {
    assertThat(new MiddleNameComparison().termFrequencyValue(middleNamed(middle))).isEqualTo(value);
  }

  /** A second given name typed into the given-name field is a middle name too. */
  @ParameterizedTest(name = "{0} vs middle names {1}: level {2}")
  @CsvSource({"Mia Oliwia, Oliwia, 1", "Mia Oliwia, Zofia, 5"})
  void readsGivenNamesAfterTheFirstAsMiddleNames(String given, String middle, int level) {
    StandardisedRecord typedTogether = named(given, "Thompson-Smith");
    StandardisedRecord apart =
        standardiser.standardise(
            SourceRecord.builder("b", "1")
                .name("Mia", "Thompson-Smith")
                .middleNames(middle)
                .build());
    assertThat(new MiddleNameComparison().level(typedTogether, apart)).isEqualTo(level);
  }

  private StandardisedRecord middleNamed(String middle) {
    return standardiser.standardise(
        SourceRecord.builder("a", "x" + middle).name("Mia", "Smith").middleNames(middle).build());
  }

  @ParameterizedTest(name = "{0} vs {1}: surname level {2}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "Smith, Smith, 1",
        "Smith-Jones, Smith Jones, 1",
        "Smith-Jones, Jones, 2",
        "Smith, Smyth, 4",
        "Smith, Smiht, 3",
        "Thompson, Thomson, 3",
        "Mohammed, Muhammad, 4",
        "Smith, Okonkwo, 5",
        "NULL, Smith, 0"
      })
  void comparesSurnames(String left, String right, int level) {
    assertThat(new SurnameComparison().level(named("Ann", left), named("Ann", right)))
        .isEqualTo(level);
  }

  @ParameterizedTest(name = "{0} vs {1}: names swapped, forename level {2}, surname level {3}")
  @CsvSource({"John, Smith, Smith, John, 1, 1", "Jon, Smith, Smith, John, 3, 1"})
  void comparesSwappedNamesCrosswise(
      String lf, String ls, String rf, String rs, int forename, int surname) {
    StandardisedRecord l = named(lf, ls);
    StandardisedRecord r = named(rf, rs);
    assertThat(new ForenameComparison().level(l, r)).isEqualTo(forename);
    assertThat(new SurnameComparison().level(l, r)).isEqualTo(surname);
  }

  @ParameterizedTest(name = "{0} vs {1}: date of birth level {2}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "2014-02-28, 2014-02-28, 1",
        "1850-01-01, 1850-06-12, 2",
        "1850-06-12, 1850-01-01, 2",
        "2019-02-28, 2020-02-28, 3",
        "1985-06-17, 1986-06-17, 3",
        "1849-01-01, 1850-01-01, 3",
        "2014-03-04, 2014-04-03, 4",
        "2014-02-11, 2014-11-02, 4",
        "2014-02-28, 2014-02-29, 4",
        "2014-02-28, 2041-02-28, 4",
        "2014-03-15, 2014-04-15, 4",
        "2014-03-15, 2014-08-15, 4",
        "1985-06-17, 1995-06-17, 4",
        "2014-01-31, 2014-02-01, 5",
        "2013-12-31, 2014-01-01, 5",
        "2014-09-15, 2014-10-15, 5",
        "2014-02-28, 2014-02-11, 5",
        "2014-02-28, 2014-11-28, 6",
        "2014-02-28, 1990-02-28, 6",
        "2014-02-28, 2016-07-11, 7",
        "1985-02-28, 2014-07-11, 8",
        "1985-13-40, 1985-13-40, 1",
        "1985-13-40, 1985-12-09, 7",
        "1900-01-01, 1900-01-01, 0",
        "NULL, 2014-02-28, 0"
      })
  void comparesDatesOfBirth(String left, String right, int level) {
    StandardisedRecord l = person("A", "B", left, null, null);
    StandardisedRecord r = person("A", "B", right, null, null);
    DateOfBirthComparison comparison = new DateOfBirthComparison();
    assertThat(comparison.level(l, r)).isEqualTo(level);
    assertThat(comparison.level(r, l)).isEqualTo(level);
    assertThat(
            comparison.level(
                DateOfBirthComparison.code(l.dateOfBirth()),
                DateOfBirthComparison.code(r.dateOfBirth())))
        .isEqualTo(level);
  }

  @ParameterizedTest(name = "{0} and {1} can be one person's: {2}")
  @CsvSource({
    "20140131, 20140201, true",
    "20190228, 20200228, true",
    "18500101, 18500612, true",
    "20140228, 20141128, true",
    "20140228, 20160711, false",
    "19850228, 20140711, false"
  })
  void toleratesCloseDatesButNotDatesYearsApart(int a, int b, boolean compatible) {
    assertThat(DateOfBirthComparison.compatible(a, b)).isEqualTo(compatible);
    assertThat(DateOfBirthComparison.compatible(b, a)).isEqualTo(compatible);
  }

  @ParameterizedTest(name = "{0} and {1}: {2} days apart")
  @CsvSource({
    "20140131, 20140201, 1",
    "20131231, 20140101, 1",
    "20160228, 20160301, 2",
    "20150228, 20150301, 1",
    "20000101, 20010101, 366",
    "19000101, 19010101, 365"
  })
  void countsCalendarDays(int a, int b, int days) {
    assertThat(
            DateOfBirthComparison.dayNumber(b / 10000, b / 100 % 100, b % 100)
                - DateOfBirthComparison.dayNumber(a / 10000, a / 100 % 100, a % 100))
        .isEqualTo(days);
  }

  @ParameterizedTest(name = "{0}: {1} vs {2}: level {3}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "email, amy.smith@example.org, AMY.SMITH@example.org, 1",
        "email, amy.smith@example.org, amy.smiht@example.org, 2",
        "email, amy.smith@example.org, amy.snith@example.org, 2",
        "email, amy.smith@example.org, amy.smth@example.org, 2",
        "email, amy.smith@example.org, amy.smith1@example.org, 2",
        "email, amy.smith@example.org, amy.smith12@example.org, 3",
        "email, amy.smith@example.org, ann.jones@example.org, 3",
        "email, NULL, ann.jones@example.org, 0",
        "phone, 07700 900123, 07700900123, 1",
        "phone, 07700 900123, 07700 900132, 2",
        "phone, 07700 900123, 07700 900124, 2",
        "phone, 07700 900123, 07700 900456, 3"
      })
  void comparesContactDetailsWithATypoLevel(String field, String left, String right, int level) {
    SourceRecord.Builder l = SourceRecord.builder("a", "1");
    SourceRecord.Builder r = SourceRecord.builder("b", "2");
    if (field.equals("email")) {
      l.email(left);
      r.email(right);
    } else {
      l.phone(left);
      r.phone(right);
    }
    StandardisedRecord a = standardiser.standardise(l.build());
    StandardisedRecord b = standardiser.standardise(r.build());
    Comparison comparison = ComparisonSet.standard().get(ComparisonSet.standard().indexOf(field));
    assertThat(comparison.level(a, b)).isEqualTo(level);
    assertThat(comparison.level(b, a)).isEqualTo(level);
  }

  @ParameterizedTest(name = "{0} vs {1}: one edit apart {2}")
  @CsvSource({
    "abcdef, abcdef, true",
    "abcdef, abcxef, true",
    "abcdef, abdcef, true",
    "abcdef, bacdef, true",
    "abcdef, abcdfe, true",
    "abcdef, abcde, true",
    "abcdef, bcdef, true",
    "abcdef, abcdefg, true",
    "abcdef, abxdxf, false",
    "abcdef, acbdfe, false",
    "abcdef, abcd, false",
    "abcdef, badcef, false"
  })
  void findsStringsOneEditApart(String a, String b, boolean oneEdit) {
    assertThat(TypoComparison.withinOneEdit(a, b)).isEqualTo(oneEdit);
    assertThat(TypoComparison.withinOneEdit(b, a)).isEqualTo(oneEdit);
  }

  @ParameterizedTest(name = "{0} / {1} vs {2} / {3}: residence level {4}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "12 High Street Leeds, LS1 4AB, 12 High St Leeds, LS1 4AB, 1",
        "12 High Street Leeds, LS1 4AB, 12 High Street Leeds, NULL, 2",
        "12 High Street Leeds, LS1 4AB, 14 High Street Leeds, LS1 4AB, 3",
        "NULL, LS1 4AB, NULL, LS1 4XY, 4",
        "NULL, LS1 4AB, NULL, LS1 7XY, 5",
        "NULL, 2615, NULL, 2651, 5",
        "NULL, 2615, NULL, 2616, 5",
        "NULL, LS1 4AB, NULL, BS8 1TH, 6",
        "NULL, NULL, 1 Road, NULL, 0"
      })
  void comparesResidenceAsAddressAndPostcodeTogether(
      String la, String lp, String ra, String rp, int level) {
    assertThat(
            new ResidenceComparison()
                .level(person("A", "B", null, lp, la), person("A", "B", null, rp, ra)))
        .isEqualTo(level);
  }

  @ParameterizedTest(name = "NHS {0} vs {1}: level {2}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "9434765919, 943 476 5919, 1",
        "9434765919, 4010232137, 2",
        "9434765919, 9434765918, 0",
        "NULL, 9434765919, 0"
      })
  void comparesIdentifiersExactlyAndIgnoresInvalidOnes(String left, String right, int level) {
    StandardisedRecord l =
        standardiser.standardise(SourceRecord.builder("h", "1").nhsNumber(left).build());
    StandardisedRecord r =
        standardiser.standardise(SourceRecord.builder("h", "2").nhsNumber(right).build());
    assertThat(
            ComparisonSet.standard()
                .get(ComparisonSet.standard().indexOf("nhs_number"))
                .level(l, r))
        .isEqualTo(level);
  }

  @ParameterizedTest(name = "{0} vs {1}: at least {2} -> {3}")
  @CsvSource({
    "martha, marhta, 0.8, true",
    "oliver, amelia, 0.8, false",
    "dwayne, duane, 0.8, true"
  })
  void similarityPrefilterNeverHidesAPairAboveTheFloor(
      String left, String right, double floor, boolean above) {
    assertThat(Similarity.jaroWinklerAtLeast(left, right, floor) >= floor).isEqualTo(above);
    assertThat(Similarity.jaroWinklerAtLeast(left, right, floor) >= floor)
        .isEqualTo(Similarity.jaroWinkler(left, right) >= floor);
  }

  @ParameterizedTest(name = "{0} and {1}: adjacent digits transposed = {2}")
  @CsvSource({
    "19800112, 19801012, true",
    "19800112, 19800121, true",
    "19800112, 91800112, true",
    "19800112, 19800112, false",
    "19800112, 19800211, false",
    "19800112, 19810112, false",
    "20011231, 20013121, false",
    "20011231, 20011213, true"
  })
  void adjacentTranspositionOfDigits(int a, int b, boolean transposed) {
    assertThat(DateOfBirthComparison.adjacentTransposition(a, b)).isEqualTo(transposed);
    assertThat(DateOfBirthComparison.adjacentTransposition(b, a)).isEqualTo(transposed);
  }

  @org.junit.jupiter.api.Test
  void adjacentTranspositionAgreesWithDigitByDigitArrays() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    for (int n = 0; n < 200_000; n++) {
      int a = 19000101 + random.nextInt(1_300_000);
      int b =
          random.nextBoolean()
              ? swapTwoAdjacentDigits(a, random.nextInt(7))
              : a + random.nextInt(50);
      assertThat(DateOfBirthComparison.adjacentTransposition(a, b))
          .as("%d %d", a, b)
          .isEqualTo(transposedByArrays(a, b));
    }
  }

  private static int swapTwoAdjacentDigits(int value, int i) {
    int[] d = digits(value);
    int t = d[i];
    d[i] = d[i + 1];
    d[i + 1] = t;
    int result = 0;
    for (int x : d) {
      result = result * 10 + x;
    }
    return result;
  }

  private static boolean transposedByArrays(int a, int b) {
    int[] x = digits(a);
    int[] y = digits(b);
    for (int i = 0; i < 7; i++) {
      if (x[i] != y[i]) {
        if (x[i] != y[i + 1] || x[i + 1] != y[i]) {
          return false;
        }
        for (int j = i + 2; j < 8; j++) {
          if (x[j] != y[j]) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  private static int[] digits(int value) {
    int[] d = new int[8];
    for (int i = 7; i >= 0; i--, value /= 10) {
      d[i] = value % 10;
    }
    return d;
  }
}
