package org.familyview.casefile.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Times on the pages, in UTC and to the minute, as {@code when.of(...)} in the templates. */
public final class Formats {

  static final Formats UTC = new Formats();

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Formats() {}

  public String of(@Nullable Instant instant) {
    return instant == null ? "—" : MINUTE.format(instant);
  }
}
