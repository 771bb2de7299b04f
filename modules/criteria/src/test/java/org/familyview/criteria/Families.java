package org.familyview.criteria;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds families for tests: {@code Families.aFamily().withChild("C", 2015, 3, 1).event(...)}. */
final class Families {

  private final List<FamilyMember> members = new ArrayList<>();
  private final List<FamilyEvent> events = new ArrayList<>();
  private int nextEvent = 1;

  static Families aFamily() {
    return new Families();
  }

  Families withChild(String personId, int year, int month, int day) {
    members.add(new FamilyMember(personId, LocalDate.of(year, month, day), true, null, null));
    return this;
  }

  Families withAdult(String personId, int year, int month, int day) {
    members.add(new FamilyMember(personId, LocalDate.of(year, month, day), false, null, null));
    return this;
  }

  Families withMember(FamilyMember member) {
    members.add(member);
    return this;
  }

  Families event(String personId, String type, LocalDate on) {
    return event(personId, type, null, null, on);
  }

  Families event(String personId, String type, String detail, String role, LocalDate on) {
    events.add(new FamilyEvent("e" + nextEvent++, personId, type, detail, role, on));
    return this;
  }

  FamilyCase build() {
    return new FamilyCase("F0000001", members, events);
  }
}
