package org.familyview.casefile.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.familyview.portal.web.Readable;
import org.jspecify.annotations.Nullable;

/** Times on the pages, in UK time and to the minute, as {@code when.of(...)} in the templates. */
public final class Formats {

  static final Formats UTC = new Formats();

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Formats() {}

  /** "3 Mar 2025, 14:05" in UK time, as every page writes it (see {@link Readable}). */
  public String of(@Nullable Instant instant) {
    return Readable.UK.dateTime(instant);
  }

  /** ISO to the minute in UTC, where a machine-sortable form is wanted (provenance). */
  public String iso(@Nullable Instant instant) {
    return instant == null ? "—" : MINUTE.format(instant);
  }
}
