package org.familyview.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A possible match as the nightly pipeline leaves it for a data steward — two adults' records from
 * health and the council, each in a person of its own, and the review task with the waterfall of
 * their match weight — written straight into the running portal's PostgreSQL.
 */
final class StewardTask {

  final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  final UUID task = UUID.randomUUID();
  final String health = "H-e2e-" + tag;
  final String council = "C-e2e-" + tag;
  final String healthPerson = "P-e2e-" + tag + "-h";
  final String councilPerson = "P-e2e-" + tag + "-c";

  StewardTask seed() throws Exception {
    Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS);
    try (Connection db =
        DriverManager.getConnection(
            System.getenv()
                .getOrDefault("FV_DB_URL", "jdbc:postgresql://localhost:5432/familyview"),
            System.getenv().getOrDefault("FV_DB_USER", "familyview"),
            System.getenv().getOrDefault("FV_DB_PASSWORD", "familyview"))) {
      db.setAutoCommit(false);
      record(db, "HEALTH", health, "Rebecca", "Adeyemi-Clarke", "1987-02-11", "LS6 2AB");
      record(db, "COUNCIL", council, "Becky", "Adeyemi", "1987-11-02", "LS6 2AB");
      person(db, healthPerson, "HEALTH", health, lastWeek);
      person(db, councilPerson, "COUNCIL", council, lastWeek);
      update(
          db,
          """
          insert into review_task (id, kind, status, priority, involves_child, involves_police,
            match_weight, match_probability, records, person_ids, agencies, detail, model_version,
            dedupe_key, raised_by, raised_at)
          values (?, 'POSSIBLE_MATCH', 'OPEN', 100, false, false, 0.41, 0.57, ?::jsonb,
            ?::text[], '{HEALTH,COUNCIL}', ?::jsonb, 'fs1-e2e', ?, 'pipeline', now())
          """,
          task,
          "[{\"agency\":\"HEALTH\",\"recordId\":\""
              + health
              + "\"},{\"agency\":\"COUNCIL\",\"recordId\":\""
              + council
              + "\"}]",
          "{" + healthPerson + "," + councilPerson + "}",
          """
          {"modelVersion": "fs1-e2e", "priorWeight": -13.31, "contributions": [
            {"comparison": "forename", "levelDescription": "nickname or alias", "weight": 5.18, "termFrequencyAdjustment": 0},
            {"comparison": "surname", "levelDescription": "part of a double-barrelled name", "weight": 4.02, "termFrequencyAdjustment": 0},
            {"comparison": "date_of_birth", "levelDescription": "day and month swapped", "weight": 4.9, "termFrequencyAdjustment": 0},
            {"comparison": "residence", "levelDescription": "same postcode", "weight": -0.38, "termFrequencyAdjustment": 0}],
           "matchWeight": 0.41, "matchProbability": 0.57, "decision": "REVIEW", "rule": ""}
          """,
          "e2e-" + tag);
      db.commit();
    }
    return this;
  }

  private static void record(
      Connection db,
      String agency,
      String id,
      String given,
      String family,
      String born,
      String postcode)
      throws Exception {
    UUID extract = UUID.randomUUID();
    update(
        db,
        """
        insert into source_person (agency, record_id, given_name, family_name, date_of_birth, sex,
          address, postcode, content_hash, current, needs_matching, extract_id, source_file,
          source_line, loaded_at, first_extract_id)
        values (?, ?, ?, ?, ?::date, 'F', '14 Cardigan Road', ?, md5(?), true, false, ?,
          'persons.csv', 2, now(), ?)
        """,
        agency,
        id,
        given,
        family,
        born,
        postcode,
        agency + id,
        extract,
        extract);
  }

  private static void person(Connection db, String person, String agency, String id, Instant at)
      throws Exception {
    update(db, "insert into person (id, created_at) values (?, ?)", person, Timestamp.from(at));
    update(
        db,
        "insert into person_record (agency, record_id, person_id, link_type, linked_at)"
            + " values (?, ?, ?, 'SOLE', ?)",
        agency,
        id,
        person,
        Timestamp.from(at));
    update(
        db,
        "insert into person_link_event (person_id, agency, record_id, action, link_type, at)"
            + " values (?, ?, ?, 'LINKED', 'SOLE', ?)",
        person,
        agency,
        id,
        Timestamp.from(at));
  }

  private static void update(Connection db, String sql, Object... params) throws Exception {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }
}
