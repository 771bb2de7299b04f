package org.familyview.families;

import java.util.List;

/** What one run of {@link FamilyGrouper} derived. */
public record Grouping(List<Family> families, List<HouseholdConflict> conflicts) {

  public Grouping {
    families = List.copyOf(families);
    conflicts = List.copyOf(conflicts);
  }
}
