package org.familyview.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.familyview.pipeline.PipelineRunFinished;
import org.junit.jupiter.api.Test;

class PipelineMetricsTests {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final UUID runId = UUID.randomUUID();
  private final Instant started = Instant.parse("2026-12-07T02:30:00Z");

  private PipelineRun run(List<PipelineRun.Step> steps) {
    return new PipelineRun(
        runId,
        RunStatus.COMPLETED,
        false,
        "schedule",
        started,
        started,
        started.plusSeconds(600),
        "m1",
        null,
        steps,
        org.familyview.matching.MatchingConfig.standard());
  }

  @Test
  void aFinishedRunRecordsItsDurationEachStepsTimeAndTheLastCounts() {
    PipelineRun run =
        run(
            List.of(
                new PipelineRun.Step("matching", "COMPLETED", 1_000_000, 42_000, 300_000),
                new PipelineRun.Step("clustering", "COMPLETED", 42_000, 700_000, 120_000),
                new PipelineRun.Step("indexing", "PENDING", 0, 0, 0)));
    PipelineMetrics metrics = new PipelineMetrics(meters, id -> Optional.of(run));

    metrics.on(new PipelineRunFinished(runId, "COMPLETED"));

    assertThat(meters.get("familyview.pipeline.runs").tag("status", "COMPLETED").counter().count())
        .isEqualTo(1);
    assertThat(
            meters
                .get("familyview.pipeline.run.duration")
                .timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(600);
    assertThat(
            meters
                .get("familyview.pipeline.step.duration")
                .tag("step", "matching")
                .timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS))
        .isEqualTo(300);
    assertThat(
            meters
                .get("familyview.pipeline.step.written")
                .tag("step", "clustering")
                .gauge()
                .value())
        .isEqualTo(700_000);
    assertThat(meters.find("familyview.pipeline.step.duration").tag("step", "indexing").timer())
        .as("a step not reached is not timed")
        .isNull();
  }

  @Test
  void theLastCountsFollowTheLatestRunAndFailedRunsAreCountedApart() {
    java.util.concurrent.atomic.AtomicReference<PipelineRun> latest =
        new java.util.concurrent.atomic.AtomicReference<>(
            run(List.of(new PipelineRun.Step("families", "COMPLETED", 5, 9, 10))));
    PipelineMetrics metrics = new PipelineMetrics(meters, id -> Optional.of(latest.get()));

    metrics.on(new PipelineRunFinished(runId, "COMPLETED"));
    latest.set(run(List.of(new PipelineRun.Step("families", "FAILED", 5, 4, 10))));
    metrics.on(new PipelineRunFinished(runId, "FAILED"));

    assertThat(
            meters.get("familyview.pipeline.step.written").tag("step", "families").gauge().value())
        .isEqualTo(4);
    assertThat(meters.get("familyview.pipeline.runs").tag("status", "FAILED").counter().count())
        .isEqualTo(1);
    assertThat(meters.get("familyview.pipeline.runs").tag("status", "COMPLETED").counter().count())
        .isEqualTo(1);
  }
}
