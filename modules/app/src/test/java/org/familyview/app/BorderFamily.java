package org.familyview.app;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.familyview.search.people.PersonDocument;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A mother and child as the nightly pipeline leaves them — health and council records linked into
 * two persons, a family, its households, one event from each agency dated while the family lived at
 * its first address — written straight into the V12 tables. {@code livedAt} lists the family's
 * addresses oldest first, each from a day to the day before the next; the last is still open. Names
 * and ids are unique per instance.
 */
final class BorderFamily {

  record Home(String postcode, LocalDate from) {}

  final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  final String surname = "Border" + tag.replaceAll("[0-9]", "").toLowerCase(Locale.ROOT);
  final String family = "F-border-" + tag;
  final String mother = "P-border-" + tag + "-m";
  final String child = "P-border-" + tag + "-c";
  final String healthEvent = "Health visitor: home conditions poor (" + tag + ")";
  final String councilEvent = "Early help assessment at the first address (" + tag + ")";

  private final JdbcClient jdbc;
  private final List<Home> homes;
  private final Instant now = Instant.now();

  BorderFamily(JdbcClient jdbc, Home... livedAt) {
    this.jdbc = jdbc;
    this.homes = List.of(livedAt);
  }

  static Home home(String postcode, LocalDate from) {
    return new Home(postcode, from);
  }

  BorderFamily seed() {
    UUID health = extract("HEALTH");
    UUID council = extract("COUNCIL");
    String latest = homes.getLast().postcode();
    for (String who : List.of(mother, child)) {
      jdbc.sql("insert into person (id, created_at) values (?, ?)")
          .params(who, Timestamp.from(now))
          .update();
    }
    record("HEALTH", "m", mother, "Jolene", "1990-04-02", latest, health);
    record("HEALTH", "c", child, "Kai", "2015-06-10", latest, health);
    record("COUNCIL", "c", child, "Kai", "2015-06-10", latest, council);
    LocalDate before = homes.getFirst().from().plusDays(30);
    event("HEALTH", "c", "health.health_visitor_contact", healthEvent, before, health);
    event("COUNCIL", "c", "council.early_help_assessment", councilEvent, before, council);
    jdbc.sql("insert into family (id, created_at) values (?, ?)")
        .params(family, Timestamp.from(now))
        .update();
    member(mother, "PARENT_OR_CARER");
    member(child, "CHILD");
    for (int i = 0; i < homes.size(); i++) {
      LocalDate to = i + 1 < homes.size() ? homes.get(i + 1).from().minusDays(1) : null;
      String household = "H-border-" + tag + "-" + i;
      jdbc.sql(
              "insert into household (id, family_id, address, postcode, from_date, to_date) values (?, ?, ?, ?, ?, ?)")
          .params(
              household,
              family,
              (i + 1) + " Border Road",
              homes.get(i).postcode(),
              Date.valueOf(homes.get(i).from()),
              to == null ? null : Date.valueOf(to))
          .update();
      for (String who : List.of(mother, child)) {
        jdbc.sql(
                "insert into household_member (household_id, person_id, from_date, to_date) values (?, ?, ?, ?)")
            .params(
                household,
                who,
                Date.valueOf(homes.get(i).from()),
                to == null ? null : Date.valueOf(to))
            .update();
      }
    }
    return this;
  }

  /** The people index's documents for the two, at the family's latest address. */
  List<PersonDocument> documents() {
    String postcode = homes.getLast().postcode();
    return List.of(
        new PersonDocument(
            mother,
            "Jolene " + surname,
            List.of("Jolene", surname),
            List.of(surname),
            LocalDate.parse("1990-04-02"),
            postcode,
            Set.of(),
            family,
            Set.of("health")),
        new PersonDocument(
            child,
            "Kai " + surname,
            List.of("Kai", surname),
            List.of(surname),
            LocalDate.parse("2015-06-10"),
            postcode,
            Set.of(),
            family,
            Set.of("health", "council")));
  }

  private UUID extract(String agency) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into extract (id, agency, status, source, uploaded_by, persons_file, events_file,
              received_at, started_at, finished_at)
            values (?, ?, 'COMPLETED', 'UPLOAD', 'authorities-it', 'persons.csv', 'events.csv', ?, ?, ?)
            """)
        .params(id, agency, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now))
        .update();
    return id;
  }

  private String recordId(String agency, String who) {
    return agency.charAt(0) + "-border-" + tag + "-" + who;
  }

  private void record(
      String agency,
      String who,
      String person,
      String given,
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
            recordId(agency, who),
            given,
            surname,
            Date.valueOf(dob),
            postcode,
            "0".repeat(32),
            extract,
            Timestamp.from(now),
            extract)
        .update();
    jdbc.sql(
            """
            insert into person_record (agency, record_id, person_id, link_type, model_version, linked_at)
            values (?, ?, ?, 'SOLE', 'it-1', ?)
            """)
        .params(agency, recordId(agency, who), person, Timestamp.from(now))
        .update();
  }

  private void event(
      String agency, String who, String type, String summary, LocalDate on, UUID extract) {
    jdbc.sql(
            """
            insert into source_event (agency, event_id, record_id, occurred_on, type, role, summary,
              sensitivity, content_hash, current, extract_id, source_file, source_line, loaded_at,
              first_extract_id)
            values (?, ?, ?, ?, ?, 'subject', ?, 'STANDARD', ?, true, ?, 'events.csv', 2, ?, ?)
            """)
        .params(
            agency,
            "ev-" + tag + "-" + agency,
            recordId(agency, who),
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
        .params(family, person, role, Date.valueOf(homes.getFirst().from()))
        .update();
  }
}
