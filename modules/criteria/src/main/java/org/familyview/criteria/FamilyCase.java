package org.familyview.criteria;

import java.util.List;

/** A family to evaluate: its members and every event about them. */
public record FamilyCase(String familyId, List<FamilyMember> members, List<FamilyEvent> events) {

  public FamilyCase {
    members = List.copyOf(members);
    events = List.copyOf(events);
  }
}
