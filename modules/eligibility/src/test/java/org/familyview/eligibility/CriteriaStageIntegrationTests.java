package org.familyview.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.familyview.pipeline.PipelineStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The criteria stage against the real PostgreSQL, on the small world of {@link CriteriaWorld}. */
@SpringBootTest
class CriteriaStageIntegrationTests {

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired FamilyCases families;
  @Autowired CriteriaResults results;
  @Autowired CriteriaRulesets rulesets;
  @Autowired CriteriaProperties properties;
  @Autowired List<PipelineStage> stages;

  @BeforeEach
  void seed() {
    CriteriaWorld.reset(jdbc, tx);
  }

  CriteriaStage stage(Clock clock) {
    return new CriteriaStage(families, results, rulesets, properties, tx, clock);
  }

  @Test
  void theStageIsThePipelinesCriteriaStep() {
    assertThat(stages).extracting(PipelineStage::name).contains("criteria");
  }

  @Test
  void everyCurrentFamilyIsEvaluatedUnderBothFrameworks() {
    UUID run = UUID.randomUUID();

    PipelineStage.Counts counts = stage(CriteriaWorld.CLOCK).run(run);

    // F1, F2, F3, @F5; F4 is retired. Per family: 2 eligibility rows and 10 + 6 need rows.
    assertThat(counts.read()).isEqualTo(4);
    assertThat(counts.written()).isEqualTo(4 * (2 + 10 + 6));
    assertThat(eligibility(run))
        .containsExactly(
            "@F5 2015 true 3",
            "@F5 2022 true 3",
            "F1 2015 true 4",
            "F1 2022 true 4",
            "F2 2015 false 0",
            "F2 2022 false 0",
            "F3 2015 true 2",
            "F3 2022 true 3");
    assertThat(metNeeds(run, "F1", "2022"))
        .containsExactly("education", "crime", "domestic-abuse", "financial-stability");
    assertThat(metNeeds(run, "F3", "2022"))
        .containsExactly("health", "substance-use", "family-relationships");
    assertThat(metNeeds(run, "F3", "2015")).containsExactly("children-who-need-help", "health");
  }

  @Test
  void eachNeedKeepsItsEvidenceWhyVersionAndDate() {
    UUID run = UUID.randomUUID();
    stage(CriteriaWorld.CLOCK).run(run);

    Map<String, Object> row =
        jdbc.sql(
                """
                select ruleset_version, evidence::text as evidence, why, evaluated_on::text as on
                from criteria_result
                where run_id = ? and family_id = 'F1' and framework = '2022'
                  and need_id = 'domestic-abuse'
                """)
            .param(run)
            .query()
            .singleRow();
    assertThat(row.get("ruleset_version")).isEqualTo("2022-25.2");
    assertThat(row.get("evidence")).isEqualTo("{police/E1,police/E2}");
    assertThat(row.get("on")).isEqualTo("2026-11-01");
    assertThat((String) row.get("why"))
        .isEqualTo(
            "Met: a domestic abuse incident: 2 events in the 12 months to 1 November 2026 (1"
                + " needed).");
    assertThat(
            jdbc.sql(
                    "select why from criteria_eligibility where run_id = ? and family_id = 'F2'"
                        + " and framework = '2022'")
                .param(run)
                .query(String.class)
                .single())
        .startsWith("Not eligible: 0 of 10 needs met on 1 November 2026 (3 or more needed)");
  }

  @Test
  void runningTheSameRunAgainGivesTheSameRowsEvenOnALaterDay() {
    UUID run = UUID.randomUUID();
    stage(CriteriaWorld.CLOCK).run(run);
    List<String> first = allRows(run);

    Clock nextMorning = Clock.fixed(Instant.parse("2026-11-02T06:00:00Z"), ZoneOffset.UTC);
    PipelineStage.Counts again = stage(nextMorning).run(run);

    assertThat(allRows(run)).isEqualTo(first);
    assertThat(again.written()).isEqualTo(first.size());
    assertThat(
            jdbc.sql(
                    "select count(*) from criteria_run where run_id = ? and finished_at is not null")
                .param(run)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void onlyTheNewestRunsAreKept() {
    for (int i = 0; i < properties.keepRuns() + 2; i++) {
      stage(Clock.offset(CriteriaWorld.CLOCK, java.time.Duration.ofMinutes(i)))
          .run(UUID.randomUUID());
    }

    assertThat(jdbc.sql("select count(*) from criteria_run").query(Long.class).single())
        .isEqualTo(properties.keepRuns());
  }

  private List<String> eligibility(UUID run) {
    return jdbc.sql(
            """
            select family_id || ' ' || framework || ' ' || eligible || ' ' || needs_met
            from criteria_eligibility where run_id = ? order by family_id collate "C", framework
            """)
        .param(run)
        .query(String.class)
        .list();
  }

  private List<String> metNeeds(UUID run, String family, String framework) {
    return jdbc.sql(
            """
            select need_id from criteria_result
            where run_id = ? and family_id = ? and framework = ? and met order by position
            """)
        .params(run, family, framework)
        .query(String.class)
        .list();
  }

  private List<String> allRows(UUID run) {
    return jdbc.sql(
            """
            select line from (
              select concat_ws('|', family_id, framework, ruleset_version, need_id, need_label,
                position, met, evidence::text, why, evaluated_on) from criteria_result
              where run_id = ?
              union all
              select concat_ws('|', family_id, framework, ruleset_version, needs_met,
                eligible_with, eligible, why, evaluated_on) from criteria_eligibility
              where run_id = ?) as rows (line)
            order by line collate "C"
            """)
        .params(run, run)
        .query(String.class)
        .list();
  }
}
