package org.familyview.alerts;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A family written straight into the tables the nightly pipeline leaves: a mother and her child,
 * the child on a child protection plan since {@link #planStart}, and a police domestic abuse
 * incident about the mother two days ago; every event delivered for the first time just now. Ids
 * are unique per instance so that runs never collide in the shared test schema.
 */
public final class AlertsWorld {

  public final String tag = UUID.randomUUID().toString().substring(0, 8);
  public final String family = "F-" + tag;
  public final String mother = "P-" + tag + "-m";
  public final String child = "P-" + tag + "-c";
  public final LocalDate planStart = LocalDate.now().minusMonths(3);
  public final LocalDate incident = LocalDate.now().minusDays(2);
  final UUID police = UUID.randomUUID();
  final UUID council = UUID.randomUUID();

  private final JdbcClient jdbc;
  private final Instant now = Instant.now();

  public AlertsWorld(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public AlertsWorld build() {
    extract(police, "POLICE");
    extract(council, "COUNCIL");
    person(mother);
    person(child);
    link("POLICE", "PM-" + tag, mother);
    link("COUNCIL", "CC-" + tag, child);
    event("POLICE", "PM-" + tag, incident, "police.domestic_abuse_incident", police);
    event("COUNCIL", "CC-" + tag, planStart, "council.child_protection_plan_start", council);
    jdbc.sql("insert into family (id, created_at) values (?, ?)")
        .params(family, Timestamp.from(now))
        .update();
    member(mother, "PARENT_OR_CARER");
    member(child, "CHILD");
    return this;
  }

  private void extract(UUID id, String agency) {
    jdbc.sql(
            """
            insert into extract (id, agency, status, source, uploaded_by, persons_file, events_file,
              received_at, started_at, finished_at)
            values (?, ?, 'COMPLETED', 'UPLOAD', 'alerts-it', 'persons.csv', 'events.csv', ?, ?, ?)
            """)
        .params(id, agency, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
        .update();
  }

  private void person(String id) {
    jdbc.sql("insert into person (id, created_at) values (?, ?)")
        .params(id, Timestamp.from(now))
        .update();
  }

  private void link(String agency, String recordId, String person) {
    jdbc.sql(
            """
            insert into source_person (agency, record_id, given_name, family_name, date_of_birth,
              postcode, content_hash, current, needs_matching, extract_id, source_file, source_line,
              loaded_at, first_extract_id)
            values (?, ?, 'Test', 'Person', ?, 'LS6 1AA', ?, true, false, ?, 'persons.csv', 2, ?, ?)
            """)
        .params(
            agency,
            recordId,
            Date.valueOf("2015-06-10"),
            "0".repeat(32),
            agency.equals("POLICE") ? police : council,
            Timestamp.from(now),
            agency.equals("POLICE") ? police : council)
        .update();
    jdbc.sql(
            """
            insert into person_record (agency, record_id, person_id, link_type, model_version,
              linked_at)
            values (?, ?, ?, 'SOLE', 'it-1', ?)
            """)
        .params(agency, recordId, person, Timestamp.from(now))
        .update();
  }

  private void event(String agency, String recordId, LocalDate on, String type, UUID extract) {
    jdbc.sql(
            """
            insert into source_event (agency, event_id, record_id, occurred_on, type, role, summary,
              sensitivity, content_hash, current, extract_id, source_file, source_line, loaded_at,
              first_extract_id)
            values (?, ?, ?, ?, ?, 'subject', 'synthetic', 'STANDARD', ?, true, ?, 'events.csv', 2,
              ?, ?)
            """)
        .params(
            agency,
            "E-" + recordId,
            recordId,
            Date.valueOf(on),
            type,
            "0".repeat(32),
            extract,
            Timestamp.from(now),
            extract)
        .update();
  }

  private void member(String person, String role) {
    jdbc.sql(
            """
            insert into family_member (family_id, person_id, role, from_date, basis)
            values (?, ?, ?, ?, 'household id')
            """)
        .params(family, person, role, Date.valueOf("2015-06-10"))
        .update();
  }
}
