package org.familyview.frontdoor.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.familyview.frontdoor.Contact;

/** Builders of families in the states the concern rules look for. */
final class Families {

  private final String id;
  private final List<FamilyFacts.Member> members = new ArrayList<>();
  private final List<FamilyFacts.Event> events = new ArrayList<>();
  private final List<FamilyFacts.Household> households = new ArrayList<>();
  private int next = 1;

  private Families(String id) {
    this.id = id;
  }

  static Families aFamily(String id) {
    return new Families(id);
  }

  Families withChild(String personId, LocalDate born) {
    members.add(new FamilyFacts.Member(personId, born, true, null, null));
    return this;
  }

  Families withAdult(String personId, LocalDate born) {
    members.add(new FamilyFacts.Member(personId, born, false, null, null));
    return this;
  }

  Families withEvent(String personId, String type, LocalDate on) {
    String agency = type.substring(0, type.indexOf('.'));
    String eventId = "E" + next++;
    events.add(
        new FamilyFacts.Event(
            personId,
            type,
            on,
            new Contact.EvidenceEvent(
                agency,
                eventId,
                "R-" + personId,
                personId,
                type,
                on.toString(),
                "00000000-0000-0000-0000-000000000001",
                "events.csv",
                next)));
    return this;
  }

  Families livingAt(String householdId, String postcode, LocalDate from) {
    households.add(new FamilyFacts.Household(householdId, postcode, from, null));
    return this;
  }

  FamilyFacts build() {
    return new FamilyFacts(id, members, events, households);
  }
}
