package org.familyview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.familyview.pipeline.run.PipelineRun;
import org.familyview.pipeline.run.PipelineRuns;
import org.familyview.pipeline.run.RunStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-up the pipeline's integration tests share: the tables a nightly run derives (emptied, in
 * an order no foreign key objects to, so that a test starts from no people, no families and no
 * index bookkeeping another class's builds left behind), the sources beneath them, and waiting for
 * a run to complete.
 */
public final class PipelineFixture {

  /** Everything a run writes, the index bookkeeping first. */
  public static final List<String> DERIVED =
      List.of(
          "index_build",
          "index_document",
          "index_extract",
          "review_task",
          "match_decision",
          "person_lineage",
          "person_link_event",
          "household_member",
          "household",
          "family_member",
          "family",
          "family_grouping_input",
          "residence_observation",
          "person_record",
          "person",
          "pipeline_match_pair",
          "pipeline_match_record",
          "pipeline_run");

  /** What a run starts from: the stored models and the loaded records and events. */
  public static final List<String> SOURCES =
      List.of("match_model", "source_event", "source_person");

  private PipelineFixture() {}

  public static void wipe(JdbcClient jdbc, List<String> tables) {
    for (String table : tables) {
      jdbc.sql("delete from " + table).update();
    }
  }

  /** No sources and nothing derived from them. */
  public static void startFromNothing(JdbcClient jdbc) {
    wipe(jdbc, DERIVED);
    wipe(jdbc, SOURCES);
  }

  /** Waits up to {@code wait} for the run to finish, and asserts that it completed. */
  public static PipelineRun complete(PipelineRuns runs, UUID id, Duration wait)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(wait);
    PipelineRun run = runs.find(id).orElseThrow();
    while (!run.finished() && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      run = runs.find(id).orElseThrow();
    }
    assertThat(run.status()).as("run %s: %s", id, run.failure()).isEqualTo(RunStatus.COMPLETED);
    return run;
  }
}
