package org.familyview.frontdoor;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.familyview.testsupport.LinkedRows;
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
  private final LinkedRows rows;

  FrontDoorWorld(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.rows = new LinkedRows(jdbc, now);
  }

  String record(String agency, String who) {
    return agency.substring(0, 1).toUpperCase() + "-" + tag + "-" + who;
  }

  String event(String id) {
    return id + "-" + tag;
  }

  FrontDoorWorld build() {
    rows.extract(extract, "POLICE", "frontdoor-it");
    for (String p : new String[] {mother, child, loner}) {
      rows.person(p);
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
    rows.family(family);
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
    rows.sourcePerson(agency, recordId, given, "Tagg", LocalDate.parse(dob), "LS6 1AA", extract);
    rows.link(agency, recordId, personId, null);
  }

  private void event(
      String agency, String id, String who, LocalDate on, String type, String summary) {
    rows.event(agency, event(id), record(agency.toLowerCase(), who), on, type, summary, extract, 7);
  }

  private void member(String person, String role) {
    rows.member(family, person, role, today.minusYears(5));
  }
}
