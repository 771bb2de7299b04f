package org.familyview.extracts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Dates as the contract writes them: yyyy-mm-dd, and for events also ISO-8601 date-times. */
final class ContractDates {

  static final ZoneId UK = ZoneId.of("Europe/London");

  /** A parsed date, with the time of day when a date-time was given. */
  record Parsed(LocalDate date, @Nullable LocalDateTime dateTime) {}

  /** Why a value is not a date: a different shape, or the right shape but no such day. */
  enum Failure {
    NOT_A_DATE,
    NO_SUCH_DAY
  }

  private ContractDates() {}

  /** Parses yyyy-mm-dd without exceptions on the common path; returns a Failure otherwise. */
  static Object parseDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return Failure.NOT_A_DATE;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    if (year < 0 || month < 0 || day < 0) {
      return Failure.NOT_A_DATE;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return Failure.NO_SUCH_DAY;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return Failure.NO_SUCH_DAY;
    }
  }

  /**
   * Parses yyyy-mm-dd, a local ISO date-time (UK time) or an ISO date-time with an offset or Z
   * (converted to UK time).
   */
  static Object parseDateOrDateTime(String s) {
    if (s.length() == 10) {
      Object date = parseDate(s);
      return date instanceof LocalDate d ? new Parsed(d, null) : date;
    }
    if (s.length() < 16 || s.charAt(10) != 'T') {
      return Failure.NOT_A_DATE;
    }
    Object date = parseDate(s.substring(0, 10));
    if (!(date instanceof LocalDate)) {
      return date;
    }
    try {
      char last = s.charAt(s.length() - 1);
      boolean offset = last == 'Z' || s.indexOf('+', 10) > 0 || s.indexOf('-', 10) > 0;
      LocalDateTime local =
          offset
              ? OffsetDateTime.parse(s).atZoneSameInstant(UK).toLocalDateTime()
              : LocalDateTime.parse(s);
      return new Parsed(local.toLocalDate(), local);
    } catch (DateTimeParseException e) {
      return Failure.NOT_A_DATE;
    }
  }

  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
