package org.familyview.casefile;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small family written straight into the V12 tables, as the nightly pipeline would leave it: a
 * mother known to police and health, her child known to health, the council and the school, her
 * partner who joined the household later, and a retired person id merged into the mother. Ids are
 * unique per instance so that runs never collide in the shared test schema.
 */
final class CaseWorld {

  final String tag = UUID.randomUUID().toString().substring(0, 8);
  final String family = "F-" + tag;
  final String mother = "P-" + tag + "-m";
  final String child = "P-" + tag + "-c";
  final String partner = "P-" + tag + "-p";
  final String retired = "P-" + tag + "-old";
  final String outsider = "P-" + tag + "-x";
  final String firstHome = "H-" + tag + "-1";
  final String secondHome = "H-" + tag + "-2";
  final UUID policeExtract = UUID.randomUUID();
  final UUID healthExtract = UUID.randomUUID();
  final UUID councilExtract = UUID.randomUUID();
  final UUID educationExtract = UUID.randomUUID();
  final UUID educationFailed = UUID.randomUUID();

  private final JdbcClient jdbc;
  private final Instant now = Instant.now();

  CaseWorld(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String record(String agency, String who) {
    return agency.substring(0, 1).toUpperCase() + "-" + tag + "-" + who;
  }

  CaseWorld build() {
    // Police and health delivered today; the council's last load is five days old (late against
    // its two-day cadence); education's latest extract failed.
    extract(policeExtract, "POLICE", "COMPLETED", now.minus(Duration.ofHours(2)));
    extract(healthExtract, "HEALTH", "COMPLETED", now.minus(Duration.ofHours(3)));
    extract(councilExtract, "COUNCIL", "COMPLETED", now.minus(Duration.ofDays(5)));
    extract(educationExtract, "EDUCATION", "COMPLETED", now.minus(Duration.ofDays(1)));
    extract(educationFailed, "EDUCATION", "FAILED", now.minus(Duration.ofHours(1)));

    person(mother);
    person(child);
    person(partner);
    person(outsider);
    person(retired);
    jdbc.sql("update person set retired_at = ? where id = ?")
        .params(Timestamp.from(now), retired)
        .update();
    jdbc.sql(
            "insert into person_lineage (kind, from_person, to_person, decided_by, at) values ('MERGE', ?, ?, 'steward', ?)")
        .params(retired, mother, Timestamp.from(now))
        .update();

    sourcePerson(
        "POLICE", record("police", "m"), "Jolene", "Tagg", "1990-04-02", "LS6 1AA", policeExtract);
    sourcePerson(
        "HEALTH", record("health", "m"), "Jolene", "Tagg", "1990-04-02", "LS6 1AA", healthExtract);
    sourcePerson(
        "HEALTH", record("health", "c"), "Kai", "Tagg", "2015-06-10", "LS6 1AA", healthExtract);
    sourcePerson(
        "COUNCIL", record("council", "c"), "Kai", "Tagg", "2015-06-10", "LS6 1AA", councilExtract);
    sourcePerson(
        "EDUCATION",
        record("education", "c"),
        "Kai",
        "Tagg",
        "2015-06-10",
        "LS6 1AA",
        educationExtract);
    sourcePerson(
        "POLICE", record("police", "p"), "Dean", "Marsh", "1985-01-20", "LS6 2BB", policeExtract);
    sourcePerson(
        "HEALTH", record("health", "x"), "Someone", "Else", "1970-01-01", "LS1 1AA", healthExtract);

    link("POLICE", record("police", "m"), mother, "SOLE", null, null, null);
    link(
        "HEALTH",
        record("health", "m"),
        mother,
        "PROBABILISTIC",
        "POLICE",
        record("police", "m"),
        0.973);
    link("HEALTH", record("health", "c"), child, "SOLE", null, null, null);
    link(
        "COUNCIL",
        record("council", "c"),
        child,
        "IDENTIFIER",
        "HEALTH",
        record("health", "c"),
        null);
    link(
        "EDUCATION",
        record("education", "c"),
        child,
        "PROBABILISTIC",
        "HEALTH",
        record("health", "c"),
        0.91);
    link("POLICE", record("police", "p"), partner, "SOLE", null, null, null);
    link("HEALTH", record("health", "x"), outsider, "SOLE", null, null, null);

    event(
        "POLICE",
        "ev-da",
        record("police", "m"),
        "2023-05-01",
        "22:15",
        "police.domestic_abuse_incident",
        "victim",
        "Officers attended a domestic incident at the home",
        "SENSITIVE",
        policeExtract);
    event(
        "POLICE",
        "ev-crime",
        record("police", "p"),
        "2023-05-02",
        null,
        "police.crime",
        "offender",
        "Partner charged with assault",
        "SENSITIVE",
        policeExtract);
    event(
        "HEALTH",
        "ev-ae",
        record("health", "c"),
        "2021-02-14",
        null,
        "health.ae_attendance",
        "subject",
        "A&E attendance: fall from a climbing frame",
        "STANDARD",
        healthExtract);
    event(
        "COUNCIL",
        "ev-cp",
        record("council", "c"),
        "2023-05-10",
        null,
        "council.child_protection_plan_start",
        "subject",
        "Child protection plan started",
        "STANDARD",
        councilExtract);
    event(
        "EDUCATION",
        "ev-abs",
        record("education", "c"),
        "2022-11-03",
        null,
        "education.persistent_absence",
        "subject",
        "Persistent absence, autumn term",
        "STANDARD",
        educationExtract);
    event(
        "COUNCIL",
        "ev-undated",
        record("council", "c"),
        null,
        null,
        "council.early_help_assessment",
        "subject",
        "Early help assessment (date not recorded)",
        "STANDARD",
        councilExtract);
    event(
        "HEALTH",
        "ev-outsider",
        record("health", "x"),
        "2022-01-01",
        null,
        "health.ae_attendance",
        "subject",
        "Not in this family",
        "STANDARD",
        healthExtract);

    jdbc.sql("insert into family (id, created_at) values (?, ?)")
        .params(family, Timestamp.from(now))
        .update();
    member(mother, "PARENT_OR_CARER", "2015-06-10", null);
    member(child, "CHILD", "2015-06-10", null);
    member(partner, "OTHER_ADULT", "2023-01-01", null);
    household(firstHome, "1 Old Road", "LS6 1AA", "2015-06-10", "2022-12-31");
    household(secondHome, "2 New Street", "LS6 2BB", "2023-01-01", null);
    resident(firstHome, mother, "2015-06-10", "2022-12-31");
    resident(firstHome, child, "2015-06-10", "2022-12-31");
    resident(secondHome, mother, "2023-01-01", null);
    resident(secondHome, child, "2023-01-01", null);
    resident(secondHome, partner, "2023-03-01", null);
    return this;
  }

  /**
   * Makes this a big family: {@code count} more dated records over ten years across the four
   * partners, and the domestic abuse call-out of 1 May 2023 recorded for the partner too (as the
   * police record an incident once per person involved).
   */
  CaseWorld withManyEvents(int count) {
    event(
        "POLICE",
        "ev-da-p",
        record("police", "p"),
        "2023-05-01",
        "22:15",
        "police.domestic_abuse_incident",
        "perpetrator",
        "Officers attended a domestic incident at the home",
        "SENSITIVE",
        policeExtract);
    String[][] kinds = {
      {"HEALTH", "health", "c", "health.ae_attendance", "A&E attendance"},
      {"EDUCATION", "education", "c", "education.unauthorised_absence", "Unauthorised absence"},
      {"COUNCIL", "council", "c", "council.early_help_assessment", "Early help assessment"},
      {"HEALTH", "health", "m", "health.ae_attendance", "A&E attendance"}
    };
    UUID[] extracts = {healthExtract, educationExtract, councilExtract, healthExtract};
    LocalDate start = LocalDate.of(2015, 1, 5);
    for (int i = 0; i < count; i++) {
      String[] kind = kinds[i % kinds.length];
      event(
          kind[0],
          "ev-many-" + i,
          record(kind[1], kind[2]),
          start.plusDays(18L * i).toString(),
          null,
          kind[3],
          "subject",
          kind[4] + " number " + i,
          "STANDARD",
          extracts[i % kinds.length]);
    }
    return this;
  }

  private void extract(UUID id, String agency, String status, Instant at) {
    jdbc.sql(
            """
            insert into extract (id, agency, status, source, uploaded_by, persons_file, events_file,
              received_at, started_at, finished_at, failure_reason)
            values (?, ?, ?, 'UPLOAD', 'casefile-it', 'persons.csv', 'events.csv', ?, ?, ?, ?)
            """)
        .params(
            id,
            agency,
            status,
            Timestamp.from(at),
            Timestamp.from(at),
            Timestamp.from(at.plusSeconds(30)),
            "FAILED".equals(status) ? "persons.csv: header missing" : null)
        .update();
  }

  private void person(String id) {
    jdbc.sql("insert into person (id, created_at) values (?, ?)")
        .params(id, Timestamp.from(now))
        .update();
  }

  private void sourcePerson(
      String agency,
      String recordId,
      String given,
      String family,
      String dob,
      String postcode,
      UUID extract) {
    jdbc.sql(
            """
            insert into source_person (agency, record_id, given_name, family_name, date_of_birth,
              postcode, content_hash, current, needs_matching, extract_id, source_file, source_line,
              loaded_at, first_extract_id)
            values (?, ?, ?, ?, ?, ?, ?, true, false, ?, 'persons.csv', 2, ?, ?)
            """)
        .params(
            agency,
            recordId,
            given,
            family,
            Date.valueOf(dob),
            postcode,
            "0".repeat(32),
            extract,
            Timestamp.from(now),
            extract)
        .update();
  }

  private void link(
      String agency,
      String recordId,
      String person,
      String type,
      String toAgency,
      String toRecord,
      Double probability) {
    jdbc.sql(
            """
            insert into person_record (agency, record_id, person_id, link_type, linked_to_agency,
              linked_to_record_id, match_probability, reason, model_version, linked_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'it-1', ?)
            """)
        .params(
            agency,
            recordId,
            person,
            type,
            toAgency,
            toRecord,
            probability,
            "IDENTIFIER".equals(type) ? "NHS number" : null,
            Timestamp.from(now))
        .update();
  }

  private void event(
      String agency,
      String eventId,
      String recordId,
      String date,
      String time,
      String type,
      String role,
      String summary,
      String sensitivity,
      UUID extract) {
    jdbc.sql(
            """
            insert into source_event (agency, event_id, record_id, occurred_on, occurred_time, type,
              role, summary, sensitivity, content_hash, current, extract_id, source_file,
              source_line, loaded_at, first_extract_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, 'events.csv', 7, ?, ?)
            """)
        .params(
            agency,
            eventId + "-" + tag,
            recordId,
            date == null ? null : Date.valueOf(date),
            time == null ? null : Time.valueOf(LocalTime.parse(time)),
            type,
            role,
            summary,
            sensitivity,
            "0".repeat(32),
            extract,
            Timestamp.from(now),
            extract)
        .update();
  }

  private void member(String person, String role, String from, String to) {
    jdbc.sql(
            "insert into family_member (family_id, person_id, role, from_date, to_date, basis) values (?, ?, ?, ?, ?, 'household id')")
        .params(family, person, role, date(from), date(to))
        .update();
  }

  private void household(String id, String address, String postcode, String from, String to) {
    jdbc.sql(
            "insert into household (id, family_id, address, postcode, from_date, to_date) values (?, ?, ?, ?, ?, ?)")
        .params(id, family, address, postcode, date(from), date(to))
        .update();
  }

  private void resident(String household, String person, String from, String to) {
    jdbc.sql(
            "insert into household_member (household_id, person_id, from_date, to_date) values (?, ?, ?, ?)")
        .params(household, person, date(from), date(to))
        .update();
  }

  private static Date date(String text) {
    return text == null ? null : Date.valueOf(LocalDate.parse(text));
  }
}
