package org.familyview.families;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Periods whose null start means "as far back as the records go" and null end "still". */
final class Periods {

  private Periods() {}

  static boolean overlap(
      @Nullable LocalDate aFrom,
      @Nullable LocalDate aTo,
      @Nullable LocalDate bFrom,
      @Nullable LocalDate bTo) {
    boolean aStartsAfterB = aFrom != null && bTo != null && aFrom.isAfter(bTo);
    boolean bStartsAfterA = bFrom != null && aTo != null && bFrom.isAfter(aTo);
    return !aStartsAfterB && !bStartsAfterA;
  }

  static boolean contains(@Nullable LocalDate from, @Nullable LocalDate to, LocalDate day) {
    return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
  }

  /** The earlier start; an open start wins. */
  static @Nullable LocalDate earliest(@Nullable LocalDate a, @Nullable LocalDate b) {
    if (a == null || b == null) {
      return null;
    }
    return a.isBefore(b) ? a : b;
  }

  /** The later end; an open end wins. */
  static @Nullable LocalDate latest(@Nullable LocalDate a, @Nullable LocalDate b) {
    if (a == null || b == null) {
      return null;
    }
    return a.isAfter(b) ? a : b;
  }
}
