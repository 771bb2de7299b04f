package org.familyview.frontdoor;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A family written straight into the linkage and source tables, as the nightly pipeline would leave
 * it: a mother known to police and health with three police domestic abuse incidents in the last
 * year, her eight-year-old son known to health, the council and his school, living with her; and a
 * man known only to the police, in no family. Ids are unique per instance.
 */
final class FrontDoorWorld {

  final String tag = UUID.randomUUID().toString().substring(0, 8);
  final String family = "F-" + tag;
  final String mother = "P-" + tag + "-m";
  final String child = "P-" + tag + "-c";
  final String loner = "P-" + tag + "-l";
  final UUID extract = UUID.randomUUID();
  final LocalDate today = LocalDate.now();

  private final JdbcClient jdbc;
  private final Instant now = Instant.now();

  FrontDoorWorld(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String record(String agency, String who) {
    return agency.substring(0, 1).toUpperCase() + "-" + tag + "-" + who;
  }

  String event(String id) {
    return id + "-" + tag;
  }

  FrontDoorWorld build() {
    jdbc.sql(
            """
            insert into extract (id, agency, status, source, uploaded_by, persons_file, events_file,
              received_at, started_at, finished_at)
            values (?, 'POLICE', 'COMPLETED', 'UPLOAD', 'frontdoor-it', 'persons.csv', 'events.csv',
              ?, ?, ?)
            """)
        .params(extract, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
        .update();
    for (String p : new String[] {mother, child, loner}) {
      jdbc.sql("insert into person (id, created_at) values (?, ?)")
          .params(p, Timestamp.from(now))
          .update();
    }
    person("POLICE", "m", mother, "Jolene", "1990-04-02");
    person("HEALTH", "m", mother, "Jolene", "1990-04-02");
    person("HEALTH", "c", child, "Kai", today.minusYears(8).toString());
    person("COUNCIL", "c", child, "Kai", today.minusYears(8).toString());
    person("EDUCATION", "c", child, "Kai", today.minusYears(8).toString());
    person("POLICE", "l", loner, "Dean", "1985-01-20");
    event(
        "POLICE",
        "da1",
        "m",
        today.minusMonths(10),
        "police.domestic_abuse_incident",
        "Officers attended");
    event(
        "POLICE",
        "da2",
        "m",
        today.minusMonths(5),
        "police.domestic_abuse_incident",
        "Officers attended again");
    event(
        "POLICE",
        "da3",
        "m",
        today.minusDays(3),
        "police.domestic_abuse_incident",
        "Third call-out");
    event(
        "HEALTH",
        "gp",
        "c",
        today.minusMonths(2),
        "health.gp_registration_change",
        "Registered with a new GP");
    event(
        "EDUCATION",
        "abs",
        "c",
        today.minusMonths(1),
        "education.persistent_absence",
        "Persistent absence");
    jdbc.sql("insert into family (id, created_at) values (?, ?)")
        .params(family, Timestamp.from(now))
        .update();
    member(mother, "PARENT_OR_CARER");
    member(child, "CHILD");
    jdbc.sql(
            "insert into household (id, family_id, address, postcode, from_date) values (?, ?, '1 Old Road', 'LS6 1AA', ?)")
        .params("H-" + tag, family, Date.valueOf(today.minusYears(5)))
        .update();
    return this;
  }

  private void person(String agency, String who, String personId, String given, String dob) {
    String recordId = record(agency.toLowerCase(), who);
    jdbc.sql(
            """
            insert into source_person (agency, record_id, given_name, family_name, date_of_birth,
              postcode, content_hash, current, needs_matching, extract_id, source_file, source_line,
              loaded_at, first_extract_id)
            values (?, ?, ?, 'Tagg', ?, 'LS6 1AA', ?, true, false, ?, 'persons.csv', 2, ?, ?)
            """)
        .params(
            agency,
            recordId,
            given,
            Date.valueOf(dob),
            "0".repeat(32),
            extract,
            Timestamp.from(now),
            extract)
        .update();
    jdbc.sql(
            """
            insert into person_record (agency, record_id, person_id, link_type, linked_at)
            values (?, ?, ?, 'SOLE', ?)
            """)
        .params(agency, recordId, personId, Timestamp.from(now))
        .update();
  }

  private void event(
      String agency, String id, String who, LocalDate on, String type, String summary) {
    jdbc.sql(
            """
            insert into source_event (agency, event_id, record_id, occurred_on, type, role, summary,
              sensitivity, content_hash, current, extract_id, source_file, source_line, loaded_at,
              first_extract_id)
            values (?, ?, ?, ?, ?, 'subject', ?, 'STANDARD', ?, true, ?, 'events.csv', 7, ?, ?)
            """)
        .params(
            agency,
            event(id),
            record(agency.toLowerCase(), who),
            Date.valueOf(on),
            type,
            summary,
            "0".repeat(32),
            extract,
            Timestamp.from(now),
            extract)
        .update();
  }

  private void member(String person, String role) {
    jdbc.sql(
            "insert into family_member (family_id, person_id, role, from_date, basis) values (?, ?, ?, ?, 'household id')")
        .params(family, person, role, Date.valueOf(today.minusYears(5)))
        .update();
  }
}
