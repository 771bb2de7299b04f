package org.familyview.families;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A person's membership of a family.
 *
 * @param from the first day of membership; null: as far back as the records go
 * @param to the last day; null: still a member
 * @param basis the evidence, in words a steward can check against the records
 */
public record Member(
    String personId,
    FamilyRole role,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    String basis) {

  /** Whether the person was a member on the day. */
  public boolean on(LocalDate day) {
    return Periods.contains(from, to, day);
  }
}
