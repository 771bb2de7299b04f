package org.familyview.pipeline;

import java.util.UUID;

/**
 * One step of the nightly pipeline, contributed by the feature that owns it (matching and
 * clustering here, families, concerns, criteria, indexing). The job runs the stages in the order of
 * {@link #ORDER}, each as its own restartable Spring Batch step.
 *
 * <p>A stage must be idempotent for a run: a restart after a failure runs it again from the start
 * with the same run id, and the result must be as if it had run once.
 */
public interface PipelineStage {

  /** The step names, in the order the job runs them; a contract of GET /api/pipeline/runs/{id}. */
  java.util.List<String> ORDER =
      java.util.List.of("matching", "clustering", "families", "concerns", "criteria", "indexing");

  /** One of {@link #ORDER}. */
  String name();

  Counts run(UUID runId);

  /** What the step read and wrote, reported per step by the runs API and page. */
  record Counts(long read, long written) {}
}
