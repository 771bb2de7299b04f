package org.familyview.frontdoor.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.familyview.frontdoor.Board;
import org.familyview.frontdoor.Contact;
import org.familyview.frontdoor.Subjects;

/** The API's JSON for contacts, checks and the board, as plain maps (field order kept). */
final class FrontDoorJson {

  private FrontDoorJson() {}

  static Map<String, Object> of(FrontDoorGate.View view) {
    return switch (view) {
      case FrontDoorGate.View.Full full -> full(full.contact(), full.names());
      case FrontDoorGate.View.ForChecker checker -> checker(checker);
    };
  }

  static Map<String, Object> full(Contact c, Map<String, String> names) {
    Map<String, Object> json = head(c, names);
    json.put("concern", c.concern());
    json.put("source", c.source());
    json.put("raisedAt", c.raisedAt().toString());
    json.put("raisedBy", c.raisedBy());
    json.put("familyId", c.familyId());
    json.put("checks", c.checks().stream().map(FrontDoorJson::check).toList());
    json.put("rule", c.rule() == null ? null : rule(c.rule()));
    json.put("decision", c.decision() == null ? null : decision(c.decision()));
    return json;
  }

  /** The checker's view: the subject, the question, their own check and records; nothing else. */
  static Map<String, Object> checker(FrontDoorGate.View.ForChecker v) {
    Contact c = v.contact();
    Map<String, Object> json = head(c, v.names());
    json.put("concern", c.rule() == null ? c.concern() : c.rule().label());
    json.put("checks", c.check(v.partner()).stream().map(FrontDoorJson::check).toList());
    json.put("records", v.records().stream().map(FrontDoorJson::record).toList());
    return json;
  }

  private static Map<String, Object> head(Contact c, Map<String, String> names) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", c.id().toString());
    json.put("rag", c.rag().name());
    json.put("dueAt", c.dueAt().toString());
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put(
        c.subject().kind() == Contact.Subject.Kind.PERSON ? "personId" : "familyId",
        c.subject().id());
    subject.put(
        "persons",
        names.entrySet().stream()
            .map(e -> Map.of("personId", e.getKey(), "name", e.getValue()))
            .toList());
    json.put("subject", subject);
    return json;
  }

  static Map<String, Object> check(Contact.Check k) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("partner", k.partner());
    json.put("dueAt", k.dueAt().toString());
    json.put("status", k.status().name());
    json.put("linkedRecords", k.linked());
    json.put("response", k.response());
    json.put("nothingKnown", k.nothingKnown());
    json.put("answeredAt", k.answeredAt() == null ? null : k.answeredAt().toString());
    json.put("answeredBy", k.answeredBy());
    return json;
  }

  private static Map<String, Object> rule(Contact.Fired f) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", f.ruleId());
    json.put("version", f.version());
    json.put("label", f.label());
    json.put(
        "evidence",
        f.evidence().stream()
            .map(
                e -> {
                  Map<String, Object> ev = new LinkedHashMap<>();
                  ev.put("agency", e.agency());
                  ev.put("eventId", e.eventId());
                  ev.put("type", e.type());
                  ev.put("occurredOn", e.occurredOn());
                  ev.put("personId", e.personId());
                  ev.put(
                      "provenance",
                      Map.of(
                          "recordId", e.recordId(),
                          "extractId", e.extractId(),
                          "file", e.file(),
                          "line", e.line()));
                  return ev;
                })
            .toList());
    return json;
  }

  private static Map<String, Object> decision(Contact.Decision d) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("outcome", d.outcome().name());
    json.put("reason", d.reason());
    json.put("decidedAt", d.decidedAt().toString());
    json.put("decidedBy", d.decidedBy());
    return json;
  }

  private static Map<String, Object> record(Subjects.PartnerEvent e) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("recordId", e.recordId());
    json.put("eventId", e.eventId());
    json.put("occurredOn", e.occurredOn() == null ? null : e.occurredOn().toString());
    json.put("type", e.type());
    json.put("summary", e.summary());
    return json;
  }

  static Map<String, Object> board(Board b) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("from", b.from().toString());
    json.put("asOf", b.asOf().toString());
    json.put("contacts", b.contacts());
    json.put("bySourceAndRag", b.bySourceAndRag());
    json.put("timeliness", b.timeliness());
    json.put("checksByPartner", b.checksByPartner());
    json.put("noFurtherAction", b.noFurtherAction());
    json.put("repeatContacts", b.repeats());
    return json;
  }

  static List<Map<String, Object>> list(List<Contact> contacts) {
    return contacts.stream()
        .map(
            c -> {
              Map<String, Object> json = head(c, Map.of());
              json.put("source", c.source());
              json.put("raisedAt", c.raisedAt().toString());
              json.put("decided", c.decision() != null);
              return json;
            })
        .toList();
  }
}
