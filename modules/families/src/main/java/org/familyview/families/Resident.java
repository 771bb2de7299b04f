package org.familyview.families;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person as the matcher made them, with every sighting of their source records.
 *
 * @param personId the stable person id (P0000001)
 * @param dateOfBirth the person's date of birth if any record gives one
 * @param sightings where each of their records placed them, and when
 */
public record Resident(String personId, @Nullable LocalDate dateOfBirth, List<Sighting> sightings) {

  public Resident {
    Objects.requireNonNull(personId, "personId");
    sightings = List.copyOf(sightings);
  }

  /** Whole years of age on the day, or -1 if the date of birth is not known. */
  int ageOn(LocalDate day) {
    if (dateOfBirth == null) {
      return -1;
    }
    return java.time.Period.between(dateOfBirth, day).getYears();
  }
}
