package org.familyview.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.familyview.testsupport.LinkedRows;
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

  private final LinkedRows rows;

  public AlertsWorld(JdbcClient jdbc) {
    this.rows = new LinkedRows(jdbc, Instant.now());
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
    rows.family(family);
    member(mother, "PARENT_OR_CARER");
    member(child, "CHILD");
    return this;
  }

  private void extract(UUID id, String agency) {
    rows.extract(id, agency, "alerts-it");
  }

  private void person(String id) {
    rows.person(id);
  }

  private void link(String agency, String recordId, String person) {
    UUID extract = agency.equals("POLICE") ? police : council;
    rows.sourcePerson(
        agency, recordId, "Test", "Person", LocalDate.of(2015, 6, 10), "LS6 1AA", extract);
    rows.link(agency, recordId, person, "it-1");
  }

  private void event(String agency, String recordId, LocalDate on, String type, UUID extract) {
    rows.event(agency, "E-" + recordId, recordId, on, type, "synthetic", extract, 2);
  }

  private void member(String person, String role) {
    rows.member(family, person, role, LocalDate.of(2015, 6, 10));
  }
}
