package org.familyview.testsupport;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of a test world as the load and the nightly pipeline leave them, written straight into
 * the extract, source, link and family tables: one place for the SQL that the worlds of several
 * modules' integration tests (the front door's, the authorities') share. Every row is stamped with
 * the same instant.
 */
public final class LinkedRows {

  private final JdbcClient jdbc;
  private final Instant now;

  public LinkedRows(JdbcClient jdbc, Instant now) {
    this.jdbc = jdbc;
    this.now = now;
  }

  /** A completed upload of an agency's extract. */
  public void extract(UUID id, String agency, String uploadedBy) {
    jdbc.sql(
            """
            insert into extract (id, agency, status, source, uploaded_by, persons_file, events_file,
              received_at, started_at, finished_at)
            values (?, ?, 'COMPLETED', 'UPLOAD', ?, 'persons.csv', 'events.csv', ?, ?, ?)
            """)
        .params(id, agency, uploadedBy, stamp(), stamp(), stamp())
        .update();
  }

  public void person(String personId) {
    jdbc.sql("insert into person (id, created_at) values (?, ?)")
        .params(personId, stamp())
        .update();
  }

  /** A current source record, already matched, at line 2 of the extract's persons file. */
  public void sourcePerson(
      String agency,
      String recordId,
      String given,
      String family,
      LocalDate dateOfBirth,
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
            Date.valueOf(dateOfBirth),
            postcode,
            "0".repeat(32),
            extract,
            stamp(),
            extract)
        .update();
  }

  /** The record linked on its own into the person (a {@code SOLE} link). */
  public void link(String agency, String recordId, String personId, @Nullable String modelVersion) {
    jdbc.sql(
            """
            insert into person_record (agency, record_id, person_id, link_type, model_version,
              linked_at)
            values (?, ?, ?, 'SOLE', ?, ?)
            """)
        .params(agency, recordId, personId, modelVersion, stamp())
        .update();
  }

  /** A current standard event about a record, the record its subject. */
  public void event(
      String agency,
      String eventId,
      String recordId,
      LocalDate on,
      String type,
      String summary,
      UUID extract,
      int line) {
    jdbc.sql(
            """
            insert into source_event (agency, event_id, record_id, occurred_on, type, role, summary,
              sensitivity, content_hash, current, extract_id, source_file, source_line, loaded_at,
              first_extract_id)
            values (?, ?, ?, ?, ?, 'subject', ?, 'STANDARD', ?, true, ?, 'events.csv', ?, ?, ?)
            """)
        .params(
            agency,
            eventId,
            recordId,
            Date.valueOf(on),
            type,
            summary,
            "0".repeat(32),
            extract,
            line,
            stamp(),
            extract)
        .update();
  }

  public void family(String familyId) {
    jdbc.sql("insert into family (id, created_at) values (?, ?)")
        .params(familyId, stamp())
        .update();
  }

  /** A member of a family found by a shared household id. */
  public void member(String familyId, String personId, String role, LocalDate from) {
    jdbc.sql(
            "insert into family_member (family_id, person_id, role, from_date, basis)"
                + " values (?, ?, ?, ?, 'household id')")
        .params(familyId, personId, role, Date.valueOf(from))
        .update();
  }

  private Timestamp stamp() {
    return Timestamp.from(now);
  }
}
