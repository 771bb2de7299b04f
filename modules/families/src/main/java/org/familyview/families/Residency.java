package org.familyview.families;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A person's time in a household, as one source record shows it. */
public record Residency(
    String personId,
    String agency,
    String recordId,
    @Nullable LocalDate from,
    @Nullable LocalDate to) {

  public boolean on(LocalDate day) {
    return Periods.contains(from, to, day);
  }
}
