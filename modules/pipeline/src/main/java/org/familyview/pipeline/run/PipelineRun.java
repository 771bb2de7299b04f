package org.familyview.pipeline.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.familyview.matching.MatchingConfig;
import org.jspecify.annotations.Nullable;

/**
 * One run as the API and the page show it, with its steps in the job's order.
 *
 * @param modelVersion the matching model the run linked with, once the matching step has run
 * @param failure why the run failed (the failing step and the error's type), never personal data
 * @param matching the matcher's configuration in force ({@code familyview.matching.*}, read at
 *     start-up): the thresholds, blocking, clustering and training values the application links
 *     with
 */
public record PipelineRun(
    UUID runId,
    RunStatus status,
    boolean retrain,
    String requestedBy,
    Instant requestedAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String modelVersion,
    @Nullable String failure,
    List<Step> steps,
    MatchingConfig matching) {

  public PipelineRun {
    steps = List.copyOf(steps);
  }

  /** This run with the steps read for it. */
  PipelineRun withSteps(List<Step> read) {
    return new PipelineRun(
        runId,
        status,
        retrain,
        requestedBy,
        requestedAt,
        startedAt,
        finishedAt,
        modelVersion,
        failure,
        read,
        matching);
  }

  public boolean finished() {
    return status.finished();
  }

  /**
   * One step: PENDING (not reached), RUNNING, COMPLETED, FAILED, SKIPPED (no such stage in this
   * application yet), or STOPPED.
   */
  public record Step(String name, String status, long read, long written, long durationMs) {}
}
