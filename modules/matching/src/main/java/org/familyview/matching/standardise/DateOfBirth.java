package org.familyview.matching.standardise;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.familyview.identifiers.Placeholders;
import org.jspecify.annotations.Nullable;

/**
 * A date of birth as three numbers. It need not be a real date: extracts contain impossible dates
 * (month 13, 31 February) that are typing errors of real ones and still worth comparing digit by
 * digit.
 */
public record DateOfBirth(int year, int month, int day) {

  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern UK = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

  /** Reads yyyy-mm-dd (the contract), dd/mm/yyyy or yyyymmdd; placeholders read as missing. */
  public static @Nullable DateOfBirth parse(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String value = raw.strip();
    DateOfBirth date = fastIso(value);
    if (date != null) {
      return date.isPlaceholder() ? null : date;
    }
    Matcher m;
    if ((m = ISO.matcher(value)).matches() || (m = COMPACT.matcher(value)).matches()) {
      date = of(m.group(1), m.group(2), m.group(3));
    } else if ((m = UK.matcher(value)).matches()) {
      date = of(m.group(3), m.group(2), m.group(1));
    }
    return date == null || date.isPlaceholder() ? null : date;
  }

  /** The contract's yyyy-mm-dd without a regular expression: a million of these per run. */
  private static @Nullable DateOfBirth fastIso(String v) {
    if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
      return null;
    }
    int year = number(v, 0, 4);
    int month = number(v, 5, 7);
    int day = number(v, 8, 10);
    return year < 0 || month < 0 || day < 0 ? null : new DateOfBirth(year, month, day);
  }

  private static int number(String v, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  private static DateOfBirth of(String year, String month, String day) {
    return new DateOfBirth(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
  }

  /** The date as the eight-digit number yyyymmdd, which the one-digit-typo rule works on. */
  public int digits() {
    return year * 10000 + month * 100 + day;
  }

  public boolean isRealDate() {
    try {
      LocalDate.of(year, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private boolean isPlaceholder() {
    return isRealDate() && Placeholders.isPlaceholderDate(LocalDate.of(year, month, day));
  }
}
