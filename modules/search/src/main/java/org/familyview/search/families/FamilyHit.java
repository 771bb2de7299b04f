package org.familyview.search.families;

import java.util.List;

/**
 * One family found: its id, its members' family names, the districts they live in, how many members
 * it has and the agencies that know them. No names of individual members: the family page shows
 * those to whoever may open it.
 */
public record FamilyHit(
    String familyId,
    List<String> familyNames,
    List<String> districts,
    int members,
    List<String> agencies,
    double score) {

  public FamilyHit {
    familyNames = List.copyOf(familyNames);
    districts = List.copyOf(districts);
    agencies = List.copyOf(agencies);
  }
}
