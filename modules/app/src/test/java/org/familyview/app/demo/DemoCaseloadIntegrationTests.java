package org.familyview.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.familyview.access.authority.Places;
import org.familyview.access.caseload.Caseloads;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.pipeline.PipelineRunFinished;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo keyworker's first caseload, against the real PostgreSQL: after a completed pipeline run
 * a keyworker with no assignments gets the configured number of current families with children and
 * events from several agencies, assigned by the lead and audited; never twice, never after a failed
 * run, never a family of one agency or without children.
 */
@SpringBootTest
class DemoCaseloadIntegrationTests {

  @Autowired Caseloads caseloads;
  @Autowired JdbcClient jdbc;
  @Autowired AuditTrail audit;
  @Autowired Places places;

  @Test
  void aKeyworkerWithNoCaseloadGetsAFewMultiAgencyFamiliesOnceAfterACompletedRun() {
    String s = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 3; i++) {
      family("F-DC" + i + "-" + s, true, "POLICE", "HEALTH", "EDUCATION");
    }
    family("F-DC-ONE-" + s, true, "POLICE");
    family("F-DC-ADULTS-" + s, false, "POLICE", "HEALTH", "COUNCIL", "EDUCATION");
    String keyworker = "demo-keyworker-" + s;
    DemoCaseload demo =
        new DemoCaseload(
            caseloads, jdbc, audit, new DemoCaseloadProperties(keyworker, "lead", 3, null), places);

    demo.pipelineRunFinished(new PipelineRunFinished(UUID.randomUUID(), "FAILED"));
    assertThat(caseloads.of(keyworker)).as("nothing after a failed run").isEmpty();

    demo.pipelineRunFinished(new PipelineRunFinished(UUID.randomUUID(), "COMPLETED"));
    List<Caseloads.Assignment> assigned = caseloads.of(keyworker);
    assertThat(assigned).hasSize(3);
    assertThat(assigned).allMatch(a -> a.assignedBy().equals("lead"));
    for (Caseloads.Assignment a : assigned) {
      assertThat(a.familyId()).doesNotStartWith("F-DC-ONE").doesNotStartWith("F-DC-ADULTS");
      assertThat(agenciesWithEvents(a.familyId())).isGreaterThanOrEqualTo(2);
      assertThat(
              jdbc.sql(
                      "select count(*) from audit_entry where action = 'CASELOAD_CHANGE'"
                          + " and actor = 'lead' and target_type = 'family' and target_id = ?"
                          + " and detail like ?")
                  .params(a.familyId(), "assigned to " + keyworker + "%")
                  .query(Long.class)
                  .single())
          .isOne();
    }

    demo.pipelineRunFinished(new PipelineRunFinished(UUID.randomUUID(), "COMPLETED"));
    assertThat(caseloads.of(keyworker)).as("only while the keyworker has none").hasSize(3);
  }

  private long agenciesWithEvents(String familyId) {
    return jdbc.sql(
            """
            select count(distinct e.agency) from family_member m
            join person_record pr on pr.person_id = m.person_id
            join source_event e on e.agency = upper(pr.agency) and e.record_id = pr.record_id
            where m.family_id = ?
            """)
        .param(familyId)
        .query(Long.class)
        .single();
  }

  /** A current family of one person with a record and an event in each agency. */
  private void family(String familyId, boolean withChild, String... agencies) {
    Timestamp now = Timestamp.from(Instant.now());
    String personId = "P-" + familyId;
    jdbc.sql("insert into person (id, created_at) values (?, ?)").params(personId, now).update();
    jdbc.sql("insert into family (id, created_at) values (?, ?)").params(familyId, now).update();
    jdbc.sql(
            "insert into family_member (family_id, person_id, role, basis) values (?, ?, ?, 'test')")
        .params(familyId, personId, withChild ? "CHILD" : "PARENT_OR_CARER")
        .update();
    for (String agency : agencies) {
      String recordId = "R-" + familyId;
      UUID extract = UUID.randomUUID();
      jdbc.sql(
              """
              insert into source_person (agency, record_id, content_hash, current, needs_matching,
                extract_id, source_file, source_line, loaded_at, first_extract_id)
              values (?, ?, ?, true, false, ?, 'persons.csv', 2, ?, ?)
              """)
          .params(agency, recordId, "0".repeat(32), extract, now, extract)
          .update();
      jdbc.sql(
              """
              insert into person_record (agency, record_id, person_id, link_type, linked_at)
              values (?, ?, ?, 'SOLE', ?)
              """)
          .params(agency, recordId, personId, now)
          .update();
      jdbc.sql(
              """
              insert into source_event (agency, event_id, record_id, occurred_on, type, role,
                sensitivity, content_hash, current, extract_id, source_file, source_line,
                loaded_at, first_extract_id)
              values (?, ?, ?, ?, 'test.event', 'subject', 'STANDARD', ?, true, ?, 'events.csv', 2,
                ?, ?)
              """)
          .params(
              agency,
              "E-" + familyId,
              recordId,
              Date.valueOf(LocalDate.of(2025, 1, 1)),
              "0".repeat(32),
              extract,
              now,
              extract)
          .update();
    }
  }
}
