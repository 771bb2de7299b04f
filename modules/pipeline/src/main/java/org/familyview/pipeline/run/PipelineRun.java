package org.familyview.pipeline.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One run as the API and the page show it, with its steps in the job's order.
 *
 * @param modelVersion the matching model the run linked with, once the matching step has run
 * @param failure why the run failed (the failing step and the error's type), never personal data
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
    List<Step> steps) {

  public PipelineRun {
    steps = List.copyOf(steps);
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
