package org.familyview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.familyview.matching.SourceRecord;
import org.familyview.pipeline.run.PipelineRuns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hand-off from matching to clustering (issue 14): the matching step leaves out the pairs ruled
 * apart because their records hold different valid NHS numbers (at a million records most of the
 * kept pairs, gigabytes on disk), since clustering refuses such joins before it reads any
 * cannot-link. Put back, they change nothing: clustering run again over the full hand-off places
 * every record as before and raises the same tasks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MatchHandOffIntegrationTests {

  static final Duration WAIT = Duration.ofSeconds(240);

  /** Most records carry errors, so the night leaves pairs for review as well as links. */
  static final List<SourceRecord> WORLD = SourceRows.population(7L, 0.9, 600);

  static final String DIFFERENT_NHS = "different valid NHS numbers";

  @Autowired PipelineRuns runs;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;
  @Autowired List<PipelineStage> stages;

  @Test
  void cannotLinksBetweenDifferentNhsNumbersAreNotHandedOffAndWouldChangeNoPersonNorTask()
      throws Exception {
    PipelineFixture.startFromNothing(jdbc);
    SourceRows.load(template, WORLD);
    CriteriaStub.gate = new CountDownLatch(0);
    CriteriaStub.failNext = false;
    UUID run = runs.request("steward", false);
    PipelineFixture.complete(runs, run, WAIT);
    Map<String, String> placed = placements();
    Set<String> tasks = openTasks();

    assertThat(differentNhsPairs(run)).as("pairs apart by NHS number in the hand-off").isZero();
    assertThat(count("select count(*) from pipeline_match_pair where decision = 'LINK'"))
        .isPositive();
    assertThat(count("select count(*) from pipeline_match_pair where decision = 'REVIEW'"))
        .isPositive();
    assertThat(tasks).isNotEmpty();

    long restored = restoreDifferentNhsPairs(run);
    PipelineStage.Counts again = stage("clustering").run(run);

    assertThat(restored).as("cannot-links the matcher's NHS rule settles, put back").isPositive();
    assertThat(differentNhsPairs(run)).isEqualTo(restored);
    assertThat(again.written()).as("records whose person or link changed").isZero();
    assertThat(placements()).isEqualTo(placed);
    assertThat(openTasks()).isEqualTo(tasks);
  }

  private PipelineStage stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  /** Pairs of the run's hand-off between records whose valid NHS numbers differ. */
  private long differentNhsPairs(UUID run) {
    return jdbc.sql(
            "select count(*) from pipeline_match_pair p"
                + " join pipeline_match_record l on l.run_id = p.run_id"
                + " and l.agency = p.left_agency and l.record_id = p.left_record_id"
                + " join pipeline_match_record r on r.run_id = p.run_id"
                + " and r.agency = p.right_agency and r.record_id = p.right_record_id"
                + " where p.run_id = ? and l.nhs_number <> r.nhs_number")
        .param(run)
        .query(Long.class)
        .single();
  }

  /**
   * What the matcher's rule settles and the hand-off used to hold: a cannot-link for every pair of
   * records with different valid NHS numbers that blocking could propose (the same family name or
   * date of birth), as the matching step wrote it.
   */
  private long restoreDifferentNhsPairs(UUID run) {
    return jdbc.sql(
            "insert into pipeline_match_pair (run_id, left_agency, left_record_id, right_agency,"
                + " right_record_id, match_weight, match_probability, decision, rule_kind, rule,"
                + " model_version)"
                + " select l.run_id, l.agency, l.record_id, r.agency, r.record_id, -20, 0,"
                + " 'NO_LINK', 'CANNOT_LINK', ?, coalesce(run.model_version, '')"
                + " from pipeline_match_record l"
                + " join pipeline_match_record r on r.run_id = l.run_id"
                + " and (l.agency, l.record_id) < (r.agency, r.record_id)"
                + " and l.nhs_number <> r.nhs_number"
                + " join source_person ls on ls.agency = l.agency and ls.record_id = l.record_id"
                + " join source_person rs on rs.agency = r.agency and rs.record_id = r.record_id"
                + " join pipeline_run run on run.id = l.run_id"
                + " where l.run_id = ? and (lower(ls.family_name) = lower(rs.family_name)"
                + " or ls.date_of_birth = rs.date_of_birth)")
        .params(DIFFERENT_NHS, run)
        .update();
  }

  /** Every record's person, link, weight and reason. */
  private Map<String, String> placements() {
    Map<String, String> placed = new TreeMap<>();
    jdbc.sql(
            "select agency || '/' || record_id, concat_ws('|', person_id, link_type,"
                + " linked_to_agency, linked_to_record_id, match_weight, reason) from person_record")
        .query(
            (java.sql.ResultSet rs) -> {
              placed.put(rs.getString(1), rs.getString(2));
            });
    return placed;
  }

  /** The open review tasks: kind, records and people. */
  private Set<String> openTasks() {
    return new TreeSet<>(
        jdbc.sql(
                "select concat_ws('|', kind, records::text, person_ids::text, dedupe_key)"
                    + " from review_task where status = 'OPEN'")
            .query(String.class)
            .list());
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
