package org.familyview.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.familyview.matching.RecordKey;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds the state the nightly run would leave: source records, people holding them (with their
 * link events), merges as lineage, review tasks. Every id is unique to the test that made it.
 */
public final class World {

  private final JdbcClient jdbc;
  final String tag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

  public World(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A record id unique to this test. */
  RecordKey ref(String agency, String id) {
    return new RecordKey(agency.toUpperCase(java.util.Locale.ROOT), id + "-" + tag);
  }

  RecordBuilder record(String agency, String id) {
    return new RecordBuilder(ref(agency, id));
  }

  final class RecordBuilder {
    final RecordKey ref;
    String given = "Sam";
    String family = "Okafor";
    LocalDate born = LocalDate.of(1980, 5, 17);
    String sex = "M";
    String postcode = "LS6 2AB";
    @Nullable String nhs;

    RecordBuilder(RecordKey ref) {
      this.ref = ref;
    }

    RecordBuilder named(String given, String family) {
      this.given = given;
      this.family = family;
      return this;
    }

    RecordBuilder born(LocalDate day) {
      this.born = day;
      return this;
    }

    RecordBuilder postcode(String value) {
      this.postcode = value;
      return this;
    }

    RecordKey save() {
      UUID extract = UUID.randomUUID();
      jdbc.sql(
              """
              insert into source_person (agency, record_id, given_name, family_name, date_of_birth,
                sex, address, postcode, nhs_number, content_hash, current, needs_matching,
                extract_id, source_file, source_line, loaded_at, first_extract_id)
              values (?, ?, ?, ?, ?, ?, '1 Test Street', ?, ?, md5(?), true, false, ?, 'persons.csv',
                2, now(), ?)
              """)
          .param(ref.agency())
          .param(ref.recordId())
          .param(given)
          .param(family)
          .param(java.sql.Date.valueOf(born))
          .param(sex)
          .param(postcode)
          .param(nhs)
          .param(ref.toString())
          .param(extract)
          .param(extract)
          .update();
      return ref;
    }
  }

  void event(RecordKey record, String eventId, String type, String sensitivity) {
    UUID extract = UUID.randomUUID();
    jdbc.sql(
            """
            insert into source_event (agency, event_id, record_id, occurred_on, type, role, summary,
              sensitivity, content_hash, current, extract_id, source_file, source_line, loaded_at,
              first_extract_id)
            values (?, ?, ?, date '2025-03-01', ?, 'subject', 'a summary', ?, md5(?), true, ?,
              'events.csv', 2, now(), ?)
            """)
        .param(record.agency())
        .param(eventId + "-" + tag)
        .param(record.recordId())
        .param(type)
        .param(sensitivity)
        .param(eventId + tag)
        .param(extract)
        .param(extract)
        .update();
  }

  /** A person id unique to this test, in the matcher's format. */
  String newPersonId() {
    return String.format("P%07d", ThreadLocalRandom.current().nextInt(1_000_000, 9_000_000));
  }

  /** A person holding these records since {@code at}, each with a LINKED event. */
  String person(Instant at, RecordKey... records) {
    String id = newPersonId();
    jdbc.sql("insert into person (id, created_at) values (?, ?)")
        .param(id)
        .param(Timestamp.from(at))
        .update();
    for (int i = 0; i < records.length; i++) {
      RecordKey r = records[i];
      jdbc.sql(
              """
              insert into person_record (agency, record_id, person_id, link_type, linked_to_agency,
                linked_to_record_id, match_probability, model_version, linked_at)
              values (?, ?, ?, ?, ?, ?, ?, 'fs1-test', ?)
              """)
          .param(r.agency())
          .param(r.recordId())
          .param(id)
          .param(i == 0 ? "SOLE" : "PROBABILISTIC")
          .param(i == 0 ? null : records[0].agency())
          .param(i == 0 ? null : records[0].recordId())
          .param(i == 0 ? null : 0.97)
          .param(Timestamp.from(at))
          .update();
      linkEvent(id, r, "LINKED", at);
    }
    return id;
  }

  /** The nightly run merged {@code from} into {@code into} at {@code at}. */
  void merged(String from, String into, Instant at) {
    List<RecordKey> moving = new ArrayList<>();
    jdbc.sql("select agency, record_id from person_record where person_id = ?")
        .param(from)
        .query((rs, n) -> new RecordKey(rs.getString(1), rs.getString(2)))
        .list()
        .forEach(moving::add);
    for (RecordKey r : moving) {
      jdbc.sql(
              "update person_record set person_id = ?, linked_at = ? where agency = ? and record_id = ?")
          .param(into)
          .param(Timestamp.from(at))
          .param(r.agency())
          .param(r.recordId())
          .update();
      linkEvent(from, r, "UNLINKED", at);
      linkEvent(into, r, "LINKED", at);
    }
    jdbc.sql("update person set retired_at = ? where id = ?")
        .param(Timestamp.from(at))
        .param(from)
        .update();
    jdbc.sql(
            "insert into person_lineage (kind, from_person, to_person, run_id, at) values ('MERGE', ?, ?, ?, ?)")
        .param(from)
        .param(into)
        .param(UUID.randomUUID())
        .param(Timestamp.from(at))
        .update();
  }

  private void linkEvent(String person, RecordKey r, String action, Instant at) {
    jdbc.sql(
            """
            insert into person_link_event (person_id, agency, record_id, action, link_type,
              model_version, run_id, at)
            values (?, ?, ?, ?, 'PROBABILISTIC', 'fs1-test', ?, ?)
            """)
        .param(person)
        .param(r.agency())
        .param(r.recordId())
        .param(action)
        .param(UUID.randomUUID())
        .param(Timestamp.from(at))
        .update();
  }

  /** A family holding these people. */
  String family(String... personIds) {
    String id = "F-" + tag + "-" + ThreadLocalRandom.current().nextInt(1000);
    jdbc.sql("insert into family (id, created_at) values (?, now())").param(id).update();
    for (int i = 0; i < personIds.length; i++) {
      jdbc.sql(
              "insert into family_member (family_id, person_id, role, basis) values (?, ?, ?, 'household id')")
          .param(id)
          .param(personIds[i])
          .param(i == 0 ? "PARENT_OR_CARER" : "CHILD")
          .update();
    }
    return id;
  }

  public TaskBuilder task(RecordKey... records) {
    return new TaskBuilder(List.of(records));
  }

  public final class TaskBuilder {
    final List<RecordKey> records;
    String kind = "POSSIBLE_MATCH";
    boolean child;
    boolean police;
    double probability = 0.6;
    int priority = 0;
    @Nullable String detail;

    TaskBuilder(List<RecordKey> records) {
      this.records = records;
    }

    TaskBuilder kind(String value) {
      kind = value;
      return this;
    }

    TaskBuilder child() {
      child = true;
      return this;
    }

    public TaskBuilder police() {
      police = true;
      return this;
    }

    TaskBuilder probability(double value) {
      probability = value;
      return this;
    }

    TaskBuilder detail(String json) {
      detail = json;
      return this;
    }

    public UUID save() {
      UUID id = UUID.randomUUID();
      List<String> agencies = records.stream().map(RecordKey::agency).distinct().toList();
      jdbc.sql(
              """
              insert into review_task (id, kind, status, priority, involves_child, involves_police,
                match_weight, match_probability, records, agencies, detail, model_version,
                dedupe_key, raised_by, raised_at)
              values (?, ?, 'OPEN', ?, ?, ?, 0.58, ?, ?::jsonb, ?, ?::jsonb, 'fs1-test', ?,
                'pipeline', now())
              """)
          .param(id)
          .param(kind)
          .param(priority)
          .param(child)
          .param(police)
          .param(probability)
          .param(org.familyview.linkage.ReviewTasks.json(records))
          .param(agencies.toArray(String[]::new))
          .param(detail)
          .param(id.toString())
          .update();
      return id;
    }
  }
}
