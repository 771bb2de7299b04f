package org.familyview.casefile.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.familyview.casefile.CaseFlags;
import org.familyview.casefile.CaseRecords;
import org.familyview.casefile.Casefiles;
import org.familyview.casefile.Chronology;
import org.familyview.casefile.ChronologyEntry;
import org.familyview.casefile.ChronologyFilter;
import org.familyview.casefile.FeedCoverage;
import org.familyview.casefile.Link;
import org.familyview.casefile.Provenance;
import org.familyview.casefile.SourceRecord;

/** The API's JSON, spelt out field by field so that the contract is visible in one place. */
final class CaseJson {

  private CaseJson() {}

  static Map<String, Object> person(Casefiles.PersonCase person, List<FeedCoverage.Feed> coverage) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", person.id());
    json.put("name", person.name());
    json.put("dateOfBirth", person.dateOfBirth());
    json.put("age", person.age());
    json.put("records", person.records().stream().map(CaseJson::record).toList());
    json.put(
        "families",
        person.families().stream()
            .map(
                m -> {
                  Map<String, Object> f = new LinkedHashMap<>();
                  f.put("familyId", m.familyId());
                  f.put("role", m.role());
                  f.put("from", m.from());
                  f.put("to", m.to());
                  f.put("basis", m.basis());
                  return f;
                })
            .toList());
    json.put("coverage", coverage.stream().map(CaseJson::feed).toList());
    return json;
  }

  /** Adds {@code "flags": [{"type", "since", "until", "owner", "contact"}]} (issue 17). */
  static Map<String, Object> withFlags(Map<String, Object> json, List<CaseFlags.Flag> flags) {
    json.put(
        "flags",
        flags.stream()
            .map(
                f -> {
                  Map<String, Object> flag = new LinkedHashMap<>();
                  flag.put("type", f.type());
                  flag.put("since", f.since());
                  flag.put("until", f.until());
                  flag.put(
                      "owner",
                      Map.of("authority", f.owner().authority(), "team", f.owner().team()));
                  flag.put(
                      "contact",
                      Map.of(
                          "officeHours",
                          f.contact().officeHours(),
                          "outOfHours",
                          f.contact().outOfHours()));
                  return flag;
                })
            .toList());
    return json;
  }

  static Map<String, Object> family(Casefiles.FamilyCase family, List<FeedCoverage.Feed> coverage) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", family.id());
    json.put(
        "members",
        family.members().stream()
            .map(
                m -> {
                  Map<String, Object> p = new LinkedHashMap<>();
                  p.put("personId", m.personId());
                  p.put("name", m.name());
                  p.put("dateOfBirth", m.dateOfBirth());
                  p.put("age", m.age());
                  p.put("role", m.role());
                  p.put("from", m.from());
                  p.put("to", m.to());
                  p.put("basis", m.basis());
                  p.put("agencies", m.agencies());
                  return p;
                })
            .toList());
    json.put(
        "households", family.households().stream().map(h -> household(h, family.names())).toList());
    json.put("coverage", coverage.stream().map(CaseJson::feed).toList());
    json.put("criteria", "/families/" + family.id() + "/criteria");
    return json;
  }

  static Map<String, Object> household(CaseRecords.Household h, Map<String, String> names) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", h.id());
    json.put("address", h.address());
    json.put("postcode", h.postcode());
    json.put("from", h.from());
    json.put("to", h.to());
    json.put(
        "members",
        h.members().stream()
            .map(
                m -> {
                  Map<String, Object> r = new LinkedHashMap<>();
                  r.put("personId", m.personId());
                  r.put("name", names.getOrDefault(m.personId(), m.personId()));
                  r.put("from", m.from());
                  r.put("to", m.to());
                  return r;
                })
            .toList());
    return json;
  }

  static Map<String, Object> chronology(
      String subjectType,
      String subjectId,
      Chronology chronology,
      ChronologyFilter filter,
      List<FeedCoverage.Feed> coverage,
      Function<String, String> partnerNames) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("subject", Map.of("type", subjectType, "id", subjectId));
    json.put("filter", filter.describe());
    json.put("events", chronology.events().stream().map(e -> entry(e, partnerNames)).toList());
    json.put("undated", chronology.undated().stream().map(e -> entry(e, partnerNames)).toList());
    json.put("coverage", coverage.stream().map(CaseJson::feed).toList());
    return json;
  }

  /** One entry; {@code partnerName} is the configured name of the partner that recorded it. */
  static Map<String, Object> entry(ChronologyEntry e, Function<String, String> partnerNames) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("occurredAt", e.occurredAt());
    json.put("agency", e.agency());
    json.put("partnerName", partnerNames.apply(e.agency()));
    json.put("type", e.type());
    json.put("typeLabel", e.typeLabel());
    json.put("role", e.role());
    json.put("summary", e.shownText());
    json.put("sensitivity", e.sensitivity());
    json.put("significant", e.significant());
    json.put("redacted", e.redacted());
    json.put("personId", e.personId());
    json.put("personName", e.personName());
    if (!e.household().isEmpty()) {
      json.put(
          "household",
          e.household().stream()
              .map(
                  h -> {
                    Map<String, Object> on = new LinkedHashMap<>();
                    on.put("householdId", h.householdId());
                    on.put("postcode", h.postcode());
                    on.put(
                        "residents",
                        h.residents().stream()
                            .map(r -> Map.of("personId", r.personId(), "name", r.name()))
                            .toList());
                    return on;
                  })
              .toList());
    }
    json.put("provenance", provenance(e.provenance()));
    return json;
  }

  static Map<String, Object> provenance(Provenance p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("agency", p.agency());
    json.put("recordId", p.recordId());
    json.put("eventId", p.eventId());
    json.put("extractId", p.extractId());
    json.put("file", p.file());
    json.put("line", p.line());
    json.put("loadedAt", p.loadedAt());
    json.put("current", p.current());
    json.put("link", link(p.link()));
    return json;
  }

  static Map<String, Object> link(Link l) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", l.type());
    if (l.linkedToAgency() != null) {
      json.put(
          "linkedTo",
          Map.of(
              "agency",
              org.familyview.casefile.Agencies.code(l.linkedToAgency()),
              "recordId",
              String.valueOf(l.linkedToRecordId())));
    }
    json.put("matchProbability", l.matchProbability());
    json.put("matchWeight", l.matchWeight());
    json.put("reason", l.reason());
    json.put("modelVersion", l.modelVersion());
    json.put("linkedAt", l.linkedAt());
    json.put("description", l.describe());
    return json;
  }

  static Map<String, Object> record(SourceRecord r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("agency", r.agency());
    json.put("recordId", r.recordId());
    json.put("name", r.name());
    json.put("givenName", r.givenName());
    json.put("middleNames", r.middleNames());
    json.put("familyName", r.familyName());
    json.put("aliases", r.aliases());
    json.put("dateOfBirth", r.dateOfBirth());
    json.put("sex", r.sex());
    json.put("address", r.address());
    json.put("postcode", r.postcode());
    json.put("nhsNumber", r.nhsNumber());
    json.put("upn", r.upn());
    json.put("pncId", r.pncId());
    json.put("current", r.current());
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("extractId", r.extractId());
    provenance.put("file", r.file());
    provenance.put("loadedAt", r.loadedAt());
    provenance.put("link", link(r.link()));
    json.put("provenance", provenance);
    return json;
  }

  static Map<String, Object> feed(FeedCoverage.Feed f) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("agency", f.agency());
    json.put("state", f.state());
    json.put("lastDelivered", f.lastDelivered());
    json.put("lastLoaded", f.lastLoaded());
    json.put("dataFrom", f.dataFrom());
    json.put("expectedEvery", f.expectedEvery().toString());
    json.put("recordsHere", f.recordsHere());
    json.put("warning", f.warning());
    return json;
  }
}
