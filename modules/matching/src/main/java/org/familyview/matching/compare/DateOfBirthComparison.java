package org.familyview.matching.compare;

import java.util.List;
import org.familyview.matching.standardise.DateOfBirth;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * Date of birth: exact; a typing slip (day and month swapped, one digit wrong, or two adjacent
 * digits transposed); two of year, month and day equal (which includes the year one out); born
 * within five years; else. The last split matters in families: a parent and child with the same
 * name at the same address differ only in the date of birth, and by decades.
 */
public final class DateOfBirthComparison implements Comparison {

  static final int TYPO = 2;
  static final int PARTIAL = 3;
  static final int WITHIN_FIVE_YEARS = 4;
  static final int ELSE = 5;

  @Override
  public String name() {
    return "date_of_birth";
  }

  @Override
  public List<String> levels() {
    return List.of(
        "missing",
        "exact",
        "day/month swapped, one digit wrong or two digits transposed",
        "two of year, month, day equal",
        "different, born within five years",
        "born more than five years apart");
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
    boolean swapped = ly == ry && lm == rd && ld == rm;
    if (swapped || differInOneDigit(a, b) || adjacentTransposition(a, b)) {
      return TYPO;
    }
    int same = (ly == ry ? 1 : 0) + (lm == rm ? 1 : 0) + (ld == rd ? 1 : 0);
    if (same >= 2) {
      return PARTIAL;
    }
    return Math.abs(ly - ry) <= 5 ? WITHIN_FIVE_YEARS : ELSE;
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
   * this comparison's tolerance: the same, a typing slip, or two of year, month and day equal.
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
  private static final boolean[] DEFAULT_TOLERANCE = {true, true, true, true, false, false};

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
