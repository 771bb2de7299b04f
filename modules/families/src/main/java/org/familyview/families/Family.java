package org.familyview.families;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A family as one run derives it: its members (with dates and evidence) and its households. */
public record Family(List<Member> members, List<Household> households) {

  public Family {
    members = List.copyOf(members);
    households = List.copyOf(households);
  }

  /** Everyone who was ever a member: what a family id follows from run to run. */
  public Set<String> personIds() {
    Set<String> ids = new TreeSet<>();
    members.forEach(m -> ids.add(m.personId()));
    return ids;
  }

  /** The members on the day. */
  public Set<String> membersOn(LocalDate day) {
    Set<String> ids = new TreeSet<>();
    for (Member member : members) {
      if (member.on(day)) {
        ids.add(member.personId());
      }
    }
    return ids;
  }

  public boolean hasChild() {
    return members.stream().anyMatch(m -> m.role() == FamilyRole.CHILD);
  }
}
