package org.familyview.app.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.familyview.access.authority.Places;
import org.familyview.access.caseload.Caseloads;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.pipeline.PipelineRunFinished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the demo keyworker a first caseload once the demo world's first pipeline run has made
 * families: a few current families with children whose members have events from several agencies,
 * so that the consolidated chronology has something to consolidate. Assigned through {@link
 * Caseloads} by the demo safeguarding lead and audited as {@code CASELOAD_CHANGE}, as a lead's
 * assignment through the API is. Only in the demo world, and only while the keyworker has never had
 * an assignment: later runs, and restarts, leave the caseload as the lead has since made it.
 */
@Component
@ConditionalOnExpression("'${FAMILYVIEW_DEMO_DIR:}' != ''")
class DemoCaseload {

  private static final Logger log = LoggerFactory.getLogger(DemoCaseload.class);
  private static final Set<String> LEAD_ROLES = Set.of("safeguarding-lead");

  private final Caseloads caseloads;
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final DemoCaseloadProperties properties;
  private final Places places;

  DemoCaseload(
      Caseloads caseloads,
      JdbcClient jdbc,
      AuditTrail audit,
      DemoCaseloadProperties properties,
      Places places) {
    this.caseloads = caseloads;
    this.jdbc = jdbc;
    this.audit = audit;
    this.properties = properties;
    this.places = places;
  }

  @EventListener
  void pipelineRunFinished(PipelineRunFinished run) {
    if (!"COMPLETED".equals(run.status())) {
      return;
    }
    if (!caseloads.of(properties.keyworker()).isEmpty()) {
      return;
    }
    // Only the keyworker's own authority's families: another's would be refused to them.
    String authority =
        properties.authority() == null
            ? places.authorities().unplaced().id()
            : properties.authority();
    List<String> families =
        families(properties.families() * 20).stream()
            .filter(f -> places.of(f).authority().equals(authority))
            .limit(properties.families())
            .toList();
    LocalDate today = LocalDate.now();
    for (String family : families) {
      caseloads.assign(properties.keyworker(), family, today, null, properties.lead());
      audit.record(
          AuditEvent.of(properties.lead(), LEAD_ROLES, AuditAction.CASELOAD_CHANGE)
              .on("family", family)
              .withDetail(
                  "assigned to "
                      + properties.keyworker()
                      + " from "
                      + today
                      + " (demo world, after pipeline run "
                      + run.runId()
                      + ")"));
    }
    log.info(
        "Demo world: {} families assigned to {} after pipeline run {}",
        families.size(),
        properties.keyworker(),
        run.runId());
  }

  /**
   * Current families with at least one child, the most agencies among their members' events first
   * (at least two), then the most events; ties by id so that the choice is the same every time.
   */
  List<String> families(int limit) {
    return jdbc.sql(
            """
            select f.id
            from family f
            join family_member m on m.family_id = f.id
                 and (m.to_date is null or m.to_date >= current_date)
            join person_record pr on pr.person_id = m.person_id
            join source_event e on e.agency = upper(pr.agency) and e.record_id = pr.record_id
            where f.retired_at is null
              and exists (select 1 from family_member c
                          where c.family_id = f.id and c.role = 'CHILD'
                            and (c.to_date is null or c.to_date >= current_date))
            group by f.id
            having count(distinct e.agency) >= 2
            order by count(distinct e.agency) desc, count(distinct e.event_id) desc, f.id
            limit ?
            """)
        .param(limit)
        .query(String.class)
        .list();
  }
}
