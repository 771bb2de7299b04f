package org.familyview.criteria;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A person in the family being evaluated.
 *
 * @param personId the person's id
 * @param dateOfBirth the best known date of birth; without one, {@code listedAsChild} decides
 * @param listedAsChild whether the family lists them as a child (used only without a date of birth)
 * @param from when they joined the family, if known
 * @param to when they left it; {@code null} while they still belong
 */
public record FamilyMember(
    String personId,
    @Nullable LocalDate dateOfBirth,
    boolean listedAsChild,
    @Nullable LocalDate from,
    @Nullable LocalDate to) {

  /** Whether they are a child (under 18) on a day. */
  public boolean childOn(LocalDate day) {
    if (dateOfBirth == null) {
      return listedAsChild;
    }
    return dateOfBirth.plusYears(Members.ADULT_AGE).isAfter(day);
  }

  /**
   * Whether their events on a day count for the family evaluated on {@code evaluationDate}. A
   * current member's whole history counts (a parent's earlier history is part of the family's
   * needs); a former member's only up to the day they left.
   */
  public boolean countsOn(LocalDate day, LocalDate evaluationDate) {
    return to == null || !to.isBefore(evaluationDate) || !day.isAfter(to);
  }
}
