package org.familyview.matching.compare;

import java.util.List;
import org.familyview.matching.standardise.DateOfBirth;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * Date of birth as ordered levels: exact; the same year where one date is 1 January (a year-only
 * date, as many systems store an unknown day and month); the same day and month a year out; a
 * typing slip (day and month swapped, one digit wrong, or two adjacent digits transposed); out by
 * up to a month otherwise (a day across a month's end, the same day in the next month); two of
 * year, month and day otherwise equal; born within five years; else. The last split matters in
 * families: a parent and child with the same name at the same address differ only in the date of
 * birth, and by decades. Each level's m and u are estimated like any other's, so a population with
 * many year-only dates (a historical register) learns that agreeing on the year says little, and
 * one without them learns that such a pair is rare among the same person's records.
 */
public final class DateOfBirthComparison implements Comparison {

  static final int YEAR_ONLY = 2;
  static final int ONE_YEAR_OUT = 3;
  static final int TYPO = 4;
  static final int WITHIN_A_MONTH = 5;
  static final int PARTIAL = 6;

  /** The first level of clearly different dates: born within five years but not close. */
  public static final int WITHIN_FIVE_YEARS = 7;

  static final int ELSE = 8;

  /** Dates at most this many days apart are "out by a day or a month". */
  private static final int MONTH_DAYS = 31;

  @Override
  public String name() {
    return "date_of_birth";
  }

  @Override
  public List<String> levels() {
    return List.of(
        "missing",
        "exact",
        "same year, one date 1 January (year only)",
        "same day and month, year one out",
        "day/month swapped, one digit wrong or two digits transposed",
        "out by a day or a month (at most 31 days apart)",
        "two of year, month, day equal",
        "different, born within five years",
        "born more than five years apart");
  }

  /**
   * Whether a level says the two dates can be one person's without doubt: the same, a year-only
   * date of the same year, the same birthday a year out, or a typing slip (the decisive identifier
   * rules ask this). Dates a few weeks apart are not: two random people's often are.
   */
  public static boolean sameOrSlip(int level) {
    return level <= TYPO;
  }

  @Override
  public int level(StandardisedRecord left, StandardisedRecord right) {
    DateOfBirth l = left.dateOfBirth();
    DateOfBirth r = right.dateOfBirth();
    if (l == null || r == null) {
      return MISSING;
    }
    return level(l.year(), l.month(), l.day(), r.year(), r.month(), r.day());
  }

  private static int level(int ly, int lm, int ld, int ry, int rm, int rd) {
    int a = ly * 10000 + lm * 100 + ld;
    int b = ry * 10000 + rm * 100 + rd;
    if (a == b) {
      return EXACT;
    }
    if (ly == ry && (lm == 1 && ld == 1 || rm == 1 && rd == 1)) {
      return YEAR_ONLY;
    }
    if (lm == rm && ld == rd && Math.abs(ly - ry) == 1) {
      return ONE_YEAR_OUT;
    }
    boolean swapped = ly == ry && lm == rd && ld == rm;
    if (swapped || differInOneDigit(a, b) || adjacentTransposition(a, b)) {
      return TYPO;
    }
    if (withinAMonth(ly, lm, ld, ry, rm, rd)) {
      return WITHIN_A_MONTH;
    }
    int same = (ly == ry ? 1 : 0) + (lm == rm ? 1 : 0) + (ld == rd ? 1 : 0);
    if (same >= 2) {
      return PARTIAL;
    }
    return Math.abs(ly - ry) <= 5 ? WITHIN_FIVE_YEARS : ELSE;
  }

  /** Both dates real calendar days (months 1-12, days 1-31) at most a month apart. */
  static boolean withinAMonth(int ly, int lm, int ld, int ry, int rm, int rd) {
    if (Math.abs(ly - ry) > 1 || !plausible(lm, ld) || !plausible(rm, rd)) {
      return false;
    }
    return Math.abs(dayNumber(ly, lm, ld) - dayNumber(ry, rm, rd)) <= MONTH_DAYS;
  }

  private static boolean plausible(int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }

  /**
   * Days since a fixed epoch of the proleptic Gregorian calendar, by integer arithmetic (the "days
   * from civil" algorithm, H. Hinnant): this runs for most candidate pairs, tens of millions in a
   * large run, so it creates no objects.
   */
  static int dayNumber(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = y / 400;
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra;
  }

  /**
   * Dates of birth are not equally common: a placeholder such as 1 January, or a year-only date
   * stored as 1 January, is shared by far more people than a real birthday, and agreeing on it says
   * correspondingly less. The term-frequency adjustment measures that in the population.
   */
  @Override
  public boolean termFrequencyOnlyWeakens() {
    return true;
  }

  @Override
  public @Nullable String termFrequencyValue(StandardisedRecord record) {
    DateOfBirth d = record.dateOfBirth();
    return d == null ? null : Integer.toString(d.digits());
  }

  /**
   * Whether two dates of birth (yyyymmdd, -1 when missing) can both belong to one person within
   * this comparison's tolerance: the same, a year-only date of the same year, a typing slip, out by
   * a day, a month or a year, or two of year, month and day equal.
   */
  public static boolean compatible(int left, int right) {
    return compatible(left, right, DEFAULT_TOLERANCE);
  }

  /** The date as yyyymmdd for {@link #compatible}, -1 when missing or not of that form. */
  public static int code(@Nullable DateOfBirth d) {
    if (d == null
        || d.year() < 0
        || d.year() > 9999
        || d.month() < 0
        || d.month() > 99
        || d.day() < 0
        || d.day() > 99) {
      return -1;
    }
    return d.digits();
  }

  /** Beyond these levels dates are incompatible unless a model says otherwise. */
  private static final boolean[] DEFAULT_TOLERANCE = {
    true, true, true, true, true, true, true, false, false
  };

  /** The levels one person's records may show by default: up to two of the three parts equal. */
  public static boolean[] defaultTolerance() {
    return DEFAULT_TOLERANCE.clone();
  }

  /**
   * As {@link #compatible(int, int)}, with the levels that count as compatible given ({@code
   * tolerated[level]}): a population whose records of one person often differ more (a model's m
   * says how often) tolerates more.
   */
  public static boolean compatible(int left, int right, boolean[] tolerated) {
    if (left < 0 || right < 0) {
      return true;
    }
    return tolerated[
        level(
            left / 10000,
            left / 100 % 100,
            left % 100,
            right / 10000,
            right / 100 % 100,
            right % 100)];
  }

  /**
   * The levels a model tolerates within one person: always up to "two of year, month and day
   * equal"; a level beyond that only if at least {@code share} of the same person's record pairs
   * show it (its m).
   */
  public static boolean[] tolerance(double[] m, double share) {
    boolean[] tolerated = DEFAULT_TOLERANCE.clone();
    for (int level = WITHIN_FIVE_YEARS; level <= ELSE; level++) {
      tolerated[level] = m[level] >= share;
    }
    // A population that tolerates dates years apart tolerates nearer ones too.
    tolerated[WITHIN_FIVE_YEARS] |= tolerated[ELSE];
    return tolerated;
  }

  @Override
  public boolean comparesCodes() {
    return true;
  }

  /** The date as yyyymmdd, -1 when missing; null if a date does not fit that form. */
  @Override
  public int @Nullable [] codes(List<StandardisedRecord> records) {
    int[] codes = new int[records.size()];
    for (int i = 0; i < codes.length; i++) {
      DateOfBirth d = records.get(i).dateOfBirth();
      if (d == null) {
        codes[i] = -1;
      } else if (d.year() < 0
          || d.year() > 9999
          || d.month() < 0
          || d.month() > 99
          || d.day() < 0
          || d.day() > 99) {
        return null;
      } else {
        codes[i] = d.digits();
      }
    }
    return codes;
  }

  @Override
  public int level(int left, int right) {
    if (left < 0 || right < 0) {
      return MISSING;
    }
    return level(
        left / 10000, left / 100 % 100, left % 100, right / 10000, right / 100 % 100, right % 100);
  }

  static boolean differInOneDigit(int a, int b) {
    int differences = 0;
    for (int i = 0; i < 8; i++, a /= 10, b /= 10) {
      if (a % 10 != b % 10 && ++differences > 1) {
        return false;
      }
    }
    return differences == 1;
  }

  static boolean adjacentTransposition(int a, int b) {
    // Digits compared from the most significant of eight, without arrays: this runs for most
    // candidate pairs, tens of millions in a large run.
    for (int i = 0; i < 7; i++) {
      int xi = digit(a, i);
      int yi = digit(b, i);
      if (xi != yi) {
        if (xi != digit(b, i + 1) || digit(a, i + 1) != yi) {
          return false;
        }
        for (int j = i + 2; j < 8; j++) {
          if (digit(a, j) != digit(b, j)) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  private static final int[] POWERS = {10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

  /** The i-th of eight digits, most significant first, as the former digits() array held it. */
  private static int digit(int value, int i) {
    return value / POWERS[i] % 10;
  }
}
