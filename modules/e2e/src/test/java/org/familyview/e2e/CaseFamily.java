package org.familyview.e2e;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.familyview.search.people.PeopleIndex;
import org.familyview.search.people.PersonDocument;

/**
 * A family as the nightly pipeline leaves it — source records from three agencies linked into
 * persons, a family, its households, and the people index — written straight into the running
 * portal's PostgreSQL and Elasticsearch, on keyworker1's caseload. Names are unique per run.
 */
final class CaseFamily {

  final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  final String surname =
      "Pemberton" + tag.replaceAll("[0-9]", "").toLowerCase(java.util.Locale.ROOT);
  final String family = "F-e2e-" + tag;
  final String mother = "P-e2e-" + tag + "-m";
  final String child = "P-e2e-" + tag + "-c";

  /** Whose caseload the family is on; {@code null}: nobody's (break-glass and assignment walks). */
  private @org.jspecify.annotations.Nullable String keyworker = "keyworker1";

  /** A family no keyworker holds. */
  CaseFamily onNobodysCaseload() {
    keyworker = null;
    return this;
  }

  CaseFamily seed() throws Exception {
    Instant now = Instant.now();
    UUID police = UUID.randomUUID();
    UUID health = UUID.randomUUID();
    UUID council = UUID.randomUUID();
    try (Connection db =
        DriverManager.getConnection(
            System.getenv()
                .getOrDefault("FV_DB_URL", "jdbc:postgresql://localhost:5432/familyview"),
            System.getenv().getOrDefault("FV_DB_USER", "familyview"),
            System.getenv().getOrDefault("FV_DB_PASSWORD", "familyview"))) {
      db.setAutoCommit(false);
      for (Object[] e :
          new Object[][] {{police, "POLICE"}, {health, "HEALTH"}, {council, "COUNCIL"}}) {
        update(
            db,
            "insert into extract (id, agency, status, source, uploaded_by, persons_file, events_file,"
                + " received_at, started_at, finished_at) values (?, ?, 'COMPLETED', 'UPLOAD', 'e2e',"
                + " 'persons.csv', 'events.csv', ?, ?, ?)",
            e[0],
            e[1],
            ts(now),
            ts(now),
            ts(now));
      }
      for (String p : List.of(mother, child)) {
        update(db, "insert into person (id, created_at) values (?, ?)", p, ts(now));
      }
      person(db, "POLICE", "m", "Jolene", "1990-04-02", police, now);
      person(db, "HEALTH", "m", "Jolene", "1990-04-02", health, now);
      person(db, "HEALTH", "c", "Kai", "2015-06-10", health, now);
      person(db, "COUNCIL", "c", "Kai", "2015-06-10", council, now);
      link(db, "POLICE", "m", mother, "SOLE", null, null, now);
      link(db, "HEALTH", "m", mother, "PROBABILISTIC", "POLICE", 0.97, now);
      link(db, "HEALTH", "c", child, "SOLE", null, null, now);
      link(db, "COUNCIL", "c", child, "IDENTIFIER", "HEALTH", null, now);
      event(
          db,
          "POLICE",
          "m",
          "2023-05-01",
          "police.domestic_abuse_incident",
          "victim",
          "Officers attended a domestic incident at the home",
          "SENSITIVE",
          police,
          now);
      event(
          db,
          "POLICE",
          "m",
          "2023-06-02",
          "police.crime",
          "victim",
          "Crime recorded: assault",
          "SENSITIVE",
          police,
          now);
      event(
          db,
          "HEALTH",
          "c",
          "2021-02-14",
          "health.ae_attendance",
          "subject",
          "A&E attendance: fall from a climbing frame",
          "STANDARD",
          health,
          now);
      event(
          db,
          "COUNCIL",
          "c",
          "2023-05-10",
          "council.child_protection_plan_start",
          "subject",
          "Child protection plan started",
          "STANDARD",
          council,
          now);
      update(db, "insert into family (id, created_at) values (?, ?)", family, ts(now));
      update(
          db,
          "insert into family_member (family_id, person_id, role, from_date, basis)"
              + " values (?, ?, 'PARENT_OR_CARER', ?, 'household id')",
          family,
          mother,
          date("2015-06-10"));
      update(
          db,
          "insert into family_member (family_id, person_id, role, from_date, basis)"
              + " values (?, ?, 'CHILD', ?, 'household id')",
          family,
          child,
          date("2015-06-10"));
      update(
          db,
          "insert into household (id, family_id, address, postcode, from_date)"
              + " values (?, ?, '1 Old Road', 'LS6 1AA', ?)",
          "H-e2e-" + tag,
          family,
          date("2015-06-10"));
      for (String p : List.of(mother, child)) {
        update(
            db,
            "insert into household_member (household_id, person_id, from_date) values (?, ?, ?)",
            "H-e2e-" + tag,
            p,
            date("2015-06-10"));
      }
      if (keyworker != null) {
        update(
            db,
            "insert into caseload_assignment (id, keyworker, family_id, starts_on, assigned_by,"
                + " assigned_at) values (?, ?, ?, ?, 'lead', ?)",
            UUID.randomUUID(),
            keyworker,
            family,
            date(LocalDate.now().minusDays(1).toString()),
            ts(now));
      }
      db.commit();
    }
    index(now);
    return this;
  }

  private void index(Instant now) throws Exception {
    String credentials =
        System.getenv().getOrDefault("FV_ES_USER", "familyview")
            + ":"
            + System.getenv().getOrDefault("FV_ES_PASSWORD", "");
    try (Rest5Client rest =
        Rest5Client.builder(
                HttpHost.create(System.getenv().getOrDefault("FV_ES_URL", "http://localhost:9200")))
            .setDefaultHeaders(
                new Header[] {
                  new BasicHeader(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                })
            .build()) {
      ElasticsearchClient client =
          new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
      PeopleIndex people = new PeopleIndex(client, "familyview", Clock.systemUTC());
      List<PersonDocument> documents =
          List.of(
              new PersonDocument(
                  mother,
                  "Jolene " + surname,
                  List.of("Jolene", surname),
                  List.of(surname),
                  LocalDate.parse("1990-04-02"),
                  "LS6 1AA",
                  Set.of(),
                  family,
                  Set.of("police", "health")),
              new PersonDocument(
                  child,
                  "Kai " + surname,
                  List.of("Kai", surname),
                  List.of(surname),
                  LocalDate.parse("2015-06-10"),
                  "LS6 1AA",
                  Set.of(),
                  family,
                  Set.of("health", "council")));
      // Add to the live index if the pipeline has built one; never replace the demo world's.
      if (client.indices().existsAlias(e -> e.name(people.alias())).value()) {
        for (PersonDocument d : documents) {
          people.upsert(d);
        }
        people.refresh();
      } else {
        people.rebuild(documents.stream());
      }
    }
  }

  private void person(
      Connection db, String agency, String who, String given, String dob, UUID extract, Instant now)
      throws Exception {
    update(
        db,
        "insert into source_person (agency, record_id, given_name, family_name, date_of_birth,"
            + " postcode, content_hash, current, needs_matching, extract_id, source_file, source_line,"
            + " loaded_at, first_extract_id) values (?, ?, ?, ?, ?, 'LS6 1AA', ?, true, false, ?,"
            + " 'persons.csv', 2, ?, ?)",
        agency,
        record(agency, who),
        given,
        surname,
        date(dob),
        "0".repeat(32),
        extract,
        ts(now),
        extract);
  }

  private void link(
      Connection db,
      String agency,
      String who,
      String person,
      String type,
      String toAgency,
      Double probability,
      Instant now)
      throws Exception {
    update(
        db,
        "insert into person_record (agency, record_id, person_id, link_type, linked_to_agency,"
            + " linked_to_record_id, match_probability, linked_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        agency,
        record(agency, who),
        person,
        type,
        toAgency,
        toAgency == null ? null : record(toAgency, who),
        probability,
        ts(now));
  }

  private void event(
      Connection db,
      String agency,
      String who,
      String date,
      String type,
      String role,
      String summary,
      String sensitivity,
      UUID extract,
      Instant now)
      throws Exception {
    update(
        db,
        "insert into source_event (agency, event_id, record_id, occurred_on, type, role, summary,"
            + " sensitivity, content_hash, current, extract_id, source_file, source_line, loaded_at,"
            + " first_extract_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, 'events.csv', 3, ?, ?)",
        agency,
        "E-" + tag + "-" + type,
        record(agency, who),
        date(date),
        type,
        role,
        summary,
        sensitivity,
        "0".repeat(32),
        extract,
        ts(now),
        extract);
  }

  String record(String agency, String who) {
    return agency.charAt(0) + "-e2e-" + tag + "-" + who;
  }

  private static void update(Connection db, String sql, Object... params) throws Exception {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }

  private static Date date(String text) {
    return Date.valueOf(LocalDate.parse(text));
  }

  static Stream<String> agencies() {
    return Stream.of("police", "health", "council");
  }
}
