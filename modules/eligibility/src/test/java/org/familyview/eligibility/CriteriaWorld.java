package org.familyview.eligibility;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small linked world in the eligibility_it schema, dated against {@link #TODAY}:
 *
 * <ul>
 *   <li>{@code F1}: domestic abuse (mother victim, father perpetrator), a child persistently
 *       absent, rent arrears and the father's crime: 4 needs under both frameworks, eligible under
 *       both;
 *   <li>{@code F2}: two A&amp;E visits and an eviction three years ago: nothing, eligible under
 *       neither;
 *   <li>{@code F3}: at each threshold: a mental health referral, a drug service contact and an
 *       early help assessment make exactly 3 needs of 2022 and exactly 2 problems of 2015;
 *   <li>{@code F4}: retired, with events: never evaluated;
 *   <li>{@code @F5}: a family id a spreadsheet would run as a formula, eligible like F1.
 * </ul>
 */
final class CriteriaWorld {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T12:00:00Z"), ZoneOffset.UTC);

  private static final UUID EXTRACT = UUID.fromString("00000000-0000-0000-0000-00000000e1e1");

  private final JdbcClient jdbc;
  private int nextEvent = 1;

  CriteriaWorld(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static void reset(JdbcClient jdbc, TransactionTemplate tx) {
    tx.executeWithoutResult(
        s -> {
          for (String table :
              new String[] {
                "criteria_run",
                "caseload_assignment",
                "access_grant",
                "household_member",
                "household",
                "family_member",
                "family",
                "person_record",
                "person",
                "source_event",
                "source_person"
              }) {
            jdbc.sql("delete from " + table).update();
          }
        });
    CriteriaWorld world = new CriteriaWorld(jdbc);
    world.build();
  }

  private void build() {
    family("F1", false);
    person("F1", "P1", "PARENT_OR_CARER", LocalDate.of(1990, 4, 1));
    person("F1", "P2", "PARENT_OR_CARER", LocalDate.of(1988, 2, 1));
    person("F1", "P3", "CHILD", LocalDate.of(2014, 6, 1));
    event("police", "P1", "police.domestic_abuse_incident", "high", "victim", 60, "SENSITIVE");
    event("police", "P2", "police.domestic_abuse_incident", "high", "perpetrator", 60, "SENSITIVE");
    event("education", "P3", "education.persistent_absence", null, "subject", 90, "STANDARD");
    event("council", "P1", "council.rent_arrears", null, "subject", 30, "STANDARD");
    event("police", "P2", "police.crime", "offender", "perpetrator", 120, "SENSITIVE");

    family("F2", false);
    person("F2", "P4", "PARENT_OR_CARER", LocalDate.of(1980, 1, 1));
    event("health", "P4", "health.ae_attendance", null, "subject", 10, "STANDARD");
    event("health", "P4", "health.ae_attendance", null, "subject", 20, "STANDARD");
    event("council", "P4", "council.eviction", null, "subject", 3 * 365, "STANDARD");

    family("F3", false);
    person("F3", "P5", "PARENT_OR_CARER", LocalDate.of(1992, 9, 9));
    person("F3", "P6", "CHILD", LocalDate.of(2019, 3, 3));
    event("health", "P5", "health.mental_health_referral", null, "subject", 40, "SENSITIVE");
    event("health", "P5", "health.substance_misuse_contact", null, "subject", 50, "RESTRICTED");
    event("council", "P6", "council.early_help_assessment", null, "subject", 70, "STANDARD");

    family("F4", true);
    person("F4", "P7", "PARENT_OR_CARER", LocalDate.of(1985, 5, 5));
    event("police", "P7", "police.domestic_abuse_incident", "medium", "victim", 5, "SENSITIVE");
    event("council", "P7", "council.rent_arrears", null, "subject", 5, "STANDARD");
    event("police", "P7", "police.arrest", null, "subject", 5, "SENSITIVE");

    family("@F5", false);
    person("@F5", "P8", "PARENT_OR_CARER", LocalDate.of(1991, 1, 1));
    event("council", "P8", "council.rent_arrears", null, "subject", 10, "STANDARD");
    event("police", "P8", "police.domestic_abuse_incident", "standard", "victim", 10, "SENSITIVE");
    event("health", "P8", "health.mental_health_referral", null, "subject", 10, "SENSITIVE");
  }

  private void family(String id, boolean retired) {
    jdbc.sql("insert into family (id, created_at, retired_at) values (?, ?, ?)")
        .params(
            id,
            Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")),
            retired ? Timestamp.from(Instant.parse("2026-06-01T00:00:00Z")) : null)
        .update();
  }

  private void person(String family, String personId, String role, LocalDate born) {
    jdbc.sql("insert into person (id, created_at) values (?, now())").param(personId).update();
    for (String agency : new String[] {"police", "health", "council", "education"}) {
      String record = agency.substring(0, 1).toUpperCase() + personId;
      jdbc.sql(
              """
              insert into source_person (agency, record_id, given_name, family_name, date_of_birth,
                content_hash, current, needs_matching, extract_id, source_file, source_line,
                loaded_at, first_extract_id)
              values (?, ?, 'Test', 'Person', ?, ?, true, false, ?, 'persons.csv', 2, now(), ?)
              """)
          .params(agency, record, Date.valueOf(born), "0".repeat(32), EXTRACT, EXTRACT)
          .update();
      jdbc.sql(
              """
              insert into person_record (agency, record_id, person_id, link_type, linked_at)
              values (?, ?, ?, 'IDENTIFIER', now())
              """)
          .params(agency, record, personId)
          .update();
    }
    jdbc.sql(
            """
            insert into family_member (family_id, person_id, role, from_date, basis)
            values (?, ?, ?, ?, 'test')
            """)
        .params(family, personId, role, Date.valueOf(LocalDate.of(2020, 1, 1)))
        .update();
  }

  /** An event {@code daysAgo} before {@link #TODAY}, with id {@code E<n>} of its agency. */
  private void event(
      String agency,
      String personId,
      String type,
      String detail,
      String role,
      int daysAgo,
      String sensitivity) {
    String record = agency.substring(0, 1).toUpperCase() + personId;
    jdbc.sql(
            """
            insert into source_event (agency, event_id, record_id, occurred_on, type, detail, role,
              summary, sensitivity, content_hash, current, extract_id, source_file, source_line,
              loaded_at, first_extract_id)
            values (?, ?, ?, ?, ?, ?, ?, 'a summary', ?, ?, true, ?, 'events.csv', 2, now(), ?)
            """)
        .params(
            agency,
            "E" + nextEvent++,
            record,
            Date.valueOf(TODAY.minusDays(daysAgo)),
            type,
            detail,
            role,
            sensitivity,
            "0".repeat(32),
            EXTRACT,
            EXTRACT)
        .update();
  }
}
