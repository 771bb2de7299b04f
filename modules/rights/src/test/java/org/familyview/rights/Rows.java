package org.familyview.rights;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes the rows a load and a nightly run would have left, named for what they hold. */
public final class Rows {

  private final JdbcClient jdbc;

  public Rows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A completed extract of the agency, applied at {@code appliedAt}. */
  public UUID extract(String agency, Instant appliedAt) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into extract (id, agency, status, source, uploaded_by, persons_file, received_at,
              applied_at, finished_at)
            values (?, ?, 'COMPLETED', 'UPLOAD', 'test', 'persons.csv', ?, ?, ?)
            """)
        .params(
            id,
            agency,
            Timestamp.from(appliedAt),
            Timestamp.from(appliedAt),
            Timestamp.from(appliedAt))
        .update();
    return id;
  }

  /**
   * A source record as its last extract left it; {@code droppedBy} is the extract that no longer
   * carried it (null: still current).
   */
  public void record(
      String agency,
      String recordId,
      String given,
      String family,
      String postcode,
      UUID extract,
      Instant loadedAt,
      UUID droppedBy) {
    jdbc.sql(
            """
            insert into source_person (agency, record_id, given_name, family_name, date_of_birth,
              address, postcode, content_hash, current, needs_matching, extract_id, source_file,
              source_line, loaded_at, first_extract_id, no_longer_current_since)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, 'persons.csv', 7, ?, ?, ?)
            """)
        .params(
            agency,
            recordId,
            given,
            family,
            Date.valueOf(LocalDate.of(2015, 5, 17)),
            "1 Test Street",
            postcode,
            "0".repeat(32),
            droppedBy == null,
            extract,
            Timestamp.from(loadedAt),
            extract,
            droppedBy)
        .update();
  }

  public void event(
      String agency,
      String eventId,
      String recordId,
      LocalDate on,
      String type,
      String role,
      String summary,
      UUID extract) {
    jdbc.sql(
            """
            insert into source_event (agency, event_id, record_id, occurred_on, type, role, summary,
              sensitivity, content_hash, current, extract_id, source_file, source_line, loaded_at,
              first_extract_id)
            values (?, ?, ?, ?, ?, ?, ?, 'STANDARD', ?, true, ?, 'events.csv', 3, ?, ?)
            """)
        .params(
            agency,
            eventId,
            recordId,
            Date.valueOf(on),
            type,
            role,
            summary,
            "0".repeat(32),
            extract,
            Timestamp.from(Instant.now()),
            extract)
        .update();
  }

  /** A person holding these records ({@code agency/recordId}), each with its link history. */
  public void person(String personId, String... records) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("insert into person (id, created_at) values (?, ?)").params(personId, now).update();
    for (String record : records) {
      String[] key = record.split("/", 2);
      jdbc.sql(
              """
              insert into person_record (agency, record_id, person_id, link_type, linked_at)
              values (?, ?, ?, 'SOLE', ?)
              """)
          .params(key[0], key[1], personId, now)
          .update();
      jdbc.sql(
              """
              insert into person_link_event (person_id, agency, record_id, action, link_type, at)
              values (?, ?, ?, 'LINKED', 'SOLE', ?)
              """)
          .params(personId, key[0], key[1], now)
          .update();
    }
  }

  public void family(String familyId, String... membersAsPersonAndRole) {
    jdbc.sql("insert into family (id, created_at) values (?, ?)")
        .params(familyId, Timestamp.from(Instant.now()))
        .update();
    for (String member : membersAsPersonAndRole) {
      String[] parts = member.split(":", 2);
      jdbc.sql(
              """
              insert into family_member (family_id, person_id, role, basis)
              values (?, ?, ?, 'household id')
              """)
          .params(familyId, parts[0], parts[1])
          .update();
    }
  }

  /** A household of the family; members as {@code personId:AGENCY/recordId}. */
  public void household(String householdId, String familyId, String postcode, String... members) {
    jdbc.sql("insert into household (id, family_id, address, postcode) values (?, ?, ?, ?)")
        .params(householdId, familyId, "1 Test Street", postcode)
        .update();
    for (String member : members) {
      String[] parts = member.split("[:/]", 3);
      jdbc.sql(
              """
              insert into household_member (household_id, person_id, agency, record_id)
              values (?, ?, ?, ?)
              """)
          .params(householdId, parts[0], parts[1], parts[2])
          .update();
    }
  }

  public void decision(String left, String right) {
    String[] l = left.split("/", 2);
    String[] r = right.split("/", 2);
    jdbc.sql(
            """
            insert into match_decision (id, kind, left_agency, left_record_id, right_agency,
              right_record_id, decided_by, decided_at)
            values (?, 'CANNOT_LINK', ?, ?, ?, ?, 'steward', ?)
            """)
        .params(UUID.randomUUID(), l[0], l[1], r[0], r[1], Timestamp.from(Instant.now()))
        .update();
  }

  public UUID reviewTask(String... records) {
    UUID id = UUID.randomUUID();
    StringBuilder json = new StringBuilder("[");
    for (String record : records) {
      String[] key = record.split("/", 2);
      if (json.length() > 1) {
        json.append(',');
      }
      json.append("{\"agency\":\"")
          .append(key[0])
          .append("\",\"recordId\":\"")
          .append(key[1])
          .append("\"}");
    }
    json.append(']');
    jdbc.sql(
            """
            insert into review_task (id, kind, status, priority, records, detail, raised_by,
              raised_at)
            values (?, 'POSSIBLE_MATCH', 'OPEN', 1, ?::jsonb, '{"waterfall": []}'::jsonb,
              'nightly', ?)
            """)
        .params(id, json.toString(), Timestamp.from(Instant.now()))
        .update();
    return id;
  }

  public void warning(UUID extract, String file, long line) {
    jdbc.sql(
            """
            insert into extract_warning (extract_id, file, line, field, code, reason)
            values (?, ?, ?, 'postcode', 'POSTCODE_UNKNOWN', 'not a known postcode')
            """)
        .params(extract, file, line)
        .update();
  }

  public void staged(UUID extract, String recordId) {
    jdbc.sql(
            """
            insert into extract_person_stage (extract_id, line, record_id, content_hash)
            values (?, 2, ?, ?)
            """)
        .params(extract, recordId, "0".repeat(32))
        .update();
  }

  public long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
