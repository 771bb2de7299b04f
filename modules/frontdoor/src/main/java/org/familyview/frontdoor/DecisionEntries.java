package org.familyview.frontdoor;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.familyview.casefile.CaseRecords;
import org.familyview.casefile.Link;
import org.familyview.casefile.Provenance;
import org.familyview.casefile.RecordedEntries;
import org.springframework.stereotype.Component;

/**
 * Front-door decisions in the family chronology: one entry per decided contact, dated when it was
 * decided, with the outcome and reasons. The hub is the council's, so the entry is the council's;
 * its provenance names the contact (record) and who decided, not an extract, and its link type
 * {@code FRONT_DOOR} says it was recorded here rather than linked from a partner's record.
 */
@Component
class DecisionEntries implements RecordedEntries {

  /** The entry's type code, shown as its label where the vocabulary has none. */
  static final String TYPE = "council.front_door_decision";

  static final String FILE = "front door decision";

  private final Contacts contacts;
  private final ZoneId zone;

  DecisionEntries(Contacts contacts, FrontDoorProperties properties) {
    this.contacts = contacts;
    this.zone = properties.workingHours().zone();
  }

  @Override
  public List<CaseRecords.EventRow> about(String familyId, Set<String> personIds) {
    return contacts.decidedAbout(familyId, personIds).stream()
        .filter(c -> personIds.contains(personOf(c, personIds)))
        .map(c -> row(c, personOf(c, personIds)))
        .toList();
  }

  /** The subject if it is a person of the family; else the family's first member. */
  private static String personOf(Contact c, Set<String> personIds) {
    return c.subject().kind() == Contact.Subject.Kind.PERSON && personIds.contains(c.subject().id())
        ? c.subject().id()
        : personIds.stream().findFirst().orElse("");
  }

  private CaseRecords.EventRow row(Contact c, String personId) {
    Contact.Decision d = c.decision();
    LocalDateTime at = LocalDateTime.ofInstant(d.decidedAt(), zone);
    String summary =
        "Front door decision: "
            + d.outcome().label()
            + ". Reason: "
            + d.reason()
            + " (contact from "
            + c.source()
            + ", rated "
            + c.rag()
            + (c.rule() == null ? "" : "; raised by concern rule " + c.rule().ruleId())
            + ")";
    return new CaseRecords.EventRow(
        personId,
        "council",
        "front-door-" + c.id(),
        c.id().toString(),
        at.toLocalDate(),
        at.toLocalTime().withSecond(0).withNano(0),
        TYPE,
        null,
        summary,
        "STANDARD",
        new Provenance(
            "council",
            c.id().toString(),
            "front-door-" + c.id(),
            c.id(),
            FILE,
            0,
            d.decidedAt(),
            true,
            new Link(
                "FRONT_DOOR",
                null,
                null,
                null,
                null,
                "decided by " + d.decidedBy(),
                null,
                d.decidedAt())));
  }
}
