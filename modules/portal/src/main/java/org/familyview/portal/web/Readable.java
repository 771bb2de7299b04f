package org.familyview.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Dates, times and codes as people in a UK council read them: "3 Mar 2025", "3 Mar 2025, 14:05" (UK
 * time, so a 22:15 call-out in summer is not shown as 21:15), "awaiting approval" for
 * AWAITING_APPROVAL. Every page has it as {@code uk} (see {@link ReadableAdvice}); the stored
 * values and the API keep ISO and codes.
 */
public final class Readable {

  public static final Readable UK = new Readable();

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

  private Readable() {}

  /** "3 Mar 2025"; a dash for no date. */
  public String date(@Nullable LocalDate date) {
    // Locale.UK abbreviates September as "Sept"; the GOV.UK style is "Sep".
    return date == null ? "—" : DATE.format(date).replace("Sept", "Sep");
  }

  /** "3 Mar 2025, 14:05" in UK time; a dash for no instant. */
  public String dateTime(@Nullable Instant instant) {
    return instant == null ? "—" : DATE_TIME.format(instant.atZone(LONDON)).replace("Sept", "Sep");
  }

  /** An agency's local date and time as it recorded them: "1 May 2023, 22:15" or "1 May 2023". */
  public String dateTime(@Nullable LocalDate date, @Nullable LocalTime time) {
    if (date == null) {
      return "date not recorded";
    }
    return time == null ? date(date) : DATE_TIME.format(date.atTime(time)).replace("Sept", "Sep");
  }

  /** POSSIBLE_MATCH → "possible match", OTHER_ADULT → "other adult"; null → "". */
  public String words(@Nullable Object code) {
    if (code == null) {
      return "";
    }
    return code.toString().strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('.', ' ');
  }

  /** As {@link #words} with a capital first letter: "Possible match". */
  public String label(@Nullable Object code) {
    String words = words(code);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
