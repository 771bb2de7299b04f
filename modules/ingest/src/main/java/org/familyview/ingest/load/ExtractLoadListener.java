package org.familyview.ingest.load;

import java.time.Clock;
import java.util.UUID;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractStatus;
import org.familyview.ingest.extract.Extracts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * Keeps the extract's status in step with its job: RUNNING when a job execution starts, then
 * COMPLETED, HELD (set by the apply step, left as it is), or FAILED with a reason a partner can act
 * on. A structurally broken file is recorded as a reject of the whole file. Logs ids and counts
 * only, never row content.
 */
final class ExtractLoadListener implements JobExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(ExtractLoadListener.class);

  private final Extracts extracts;
  private final LoadShutdown shutdown;
  private final Clock clock;

  ExtractLoadListener(Extracts extracts, LoadShutdown shutdown, Clock clock) {
    this.extracts = extracts;
    this.shutdown = shutdown;
    this.clock = clock;
  }

  @Override
  public void beforeJob(JobExecution execution) {
    UUID id = extractId(execution);
    if (shutdown.inProgress()) {
      // Launched while the shutdown was already collecting the running loads: stop before the
      // first step, as any other load stopped by the shutdown, and resume at the next start.
      execution.setStatus(BatchStatus.STOPPING);
    }
    extracts.running(id, execution.getId(), clock.instant());
    log.info("Extract {} loading (job execution {})", id, execution.getId());
  }

  @Override
  public void afterJob(JobExecution execution) {
    UUID id = extractId(execution);
    Extract extract = extracts.find(id).orElseThrow();
    if (extract.status() == ExtractStatus.HELD) {
      log.info("Extract {} held by the snapshot guard; it waits to be confirmed or discarded", id);
      return;
    }
    if (execution.getStatus() == BatchStatus.COMPLETED
        || extract.status() == ExtractStatus.COMPLETED) {
      // Once the snapshot is applied the extract is complete, even if tidying up failed after.
      extracts.completed(id, extract.finishedAt() == null ? clock.instant() : extract.finishedAt());
      log.info(
          "Extract {} completed: persons {} read, {} rejected; events {} read, {} rejected",
          id,
          extract.persons().read(),
          extract.persons().rejected(),
          extract.events().read(),
          extract.events().rejected());
      return;
    }
    ExtractRejected rejected = rejection(execution);
    if (shutdown.inProgress() && rejected == null) {
      log.info("Extract {} interrupted by shutdown; it resumes at the next start", id);
      return;
    }
    if (rejected != null) {
      extracts.reject(id, QuarantineListener.feedback(rejected.problem()));
      extracts.failed(id, rejected.getMessage(), clock.instant());
      log.info("Extract {} rejected whole: {}", id, rejected.problem().code());
    } else {
      extracts.failed(
          id,
          "the load stopped with an internal error ("
              + execution.getAllFailureExceptions().stream()
                  .map(e -> e.getClass().getSimpleName())
                  .distinct()
                  .toList()
              + "); nothing of this extract was applied",
          clock.instant());
      log.warn("Extract {} failed ({})", id, execution.getExitStatus().getExitCode());
    }
  }

  private static @Nullable ExtractRejected rejection(JobExecution execution) {
    return execution.getAllFailureExceptions().stream()
        .map(ExtractLoadListener::rejectionIn)
        .filter(r -> r != null)
        .findFirst()
        .orElse(null);
  }

  private static @Nullable ExtractRejected rejectionIn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ExtractRejected rejected) {
        return rejected;
      }
    }
    return null;
  }

  static UUID extractId(JobExecution execution) {
    return UUID.fromString(execution.getJobParameters().getString("extractId"));
  }

  /** The extract that the job of a running step loads: its tasklets' one parameter. */
  static UUID extractId(ChunkContext chunk) {
    return UUID.fromString(
        chunk.getStepContext().getStepExecution().getJobParameters().getString("extractId"));
  }
}
