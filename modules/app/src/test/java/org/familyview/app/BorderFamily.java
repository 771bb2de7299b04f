package org.familyview.app;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.familyview.search.people.PersonDocument;
import org.familyview.testsupport.LinkedRows;
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
  private final LinkedRows rows;

  BorderFamily(JdbcClient jdbc, Home... livedAt) {
    this.jdbc = jdbc;
    this.homes = List.of(livedAt);
    this.rows = new LinkedRows(jdbc, now);
  }

  static Home home(String postcode, LocalDate from) {
    return new Home(postcode, from);
  }

  BorderFamily seed() {
    UUID health = extract("HEALTH");
    UUID council = extract("COUNCIL");
    String latest = homes.getLast().postcode();
    for (String who : List.of(mother, child)) {
      rows.person(who);
    }
    record("HEALTH", "m", mother, "Jolene", "1990-04-02", latest, health);
    record("HEALTH", "c", child, "Kai", "2015-06-10", latest, health);
    record("COUNCIL", "c", child, "Kai", "2015-06-10", latest, council);
    LocalDate before = homes.getFirst().from().plusDays(30);
    event("HEALTH", "c", "health.health_visitor_contact", healthEvent, before, health);
    event("COUNCIL", "c", "council.early_help_assessment", councilEvent, before, council);
    rows.family(family);
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
    rows.extract(id, agency, "authorities-it");
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
    rows.sourcePerson(
        agency, recordId(agency, who), given, surname, LocalDate.parse(dob), postcode, extract);
    rows.link(agency, recordId(agency, who), person, "it-1");
  }

  private void event(
      String agency, String who, String type, String summary, LocalDate on, UUID extract) {
    rows.event(
        agency, "ev-" + tag + "-" + agency, recordId(agency, who), on, type, summary, extract, 2);
  }

  private void member(String person, String role) {
    rows.member(family, person, role, homes.getFirst().from());
  }
}
