package org.familyview.ingest.load;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.familyview.extracts.PartnerId;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.Extracts;
import org.familyview.store.batch.InterruptedExecutions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The queue of loads: one lane per agency, so an agency's extracts are applied one at a time and in
 * the order they arrived, while different agencies load side by side. On start-up it resumes what a
 * stopped application left: queued extracts start, a load stopped by a graceful shutdown restarts
 * from its last committed chunk, and a job execution a kill left "running" (STARTING, STARTED,
 * STOPPING) or a failed metadata update left UNKNOWN is marked failed and restarted the same way.
 * Restarting is safe because every chunk commits its staged rows together with the reader's
 * position, and the snapshot is applied in one transaction that recognises an applied extract.
 */
@Component
public class ExtractLoads implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ExtractLoads.class);
  private static final int LAUNCH_ATTEMPTS = 5;
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);

  private final Extracts extracts;
  private final JobOperator jobOperator;
  private final JobRepository jobRepository;
  private final InterruptedExecutions interrupted;
  private final Job extractLoadJob;
  private final LoadShutdown shutdown;
  // One lane per partner, made on its first extract: partners are configuration, not a fixed set.
  private final Map<PartnerId, ThreadPoolExecutor> lanes = new ConcurrentHashMap<>();

  ExtractLoads(
      Extracts extracts,
      JobOperator jobOperator,
      JobRepository jobRepository,
      Job extractLoadJob,
      LoadShutdown shutdown) {
    this.extracts = extracts;
    this.jobOperator = jobOperator;
    this.jobRepository = jobRepository;
    this.interrupted = new InterruptedExecutions(jobRepository, jobOperator);
    this.extractLoadJob = extractLoadJob;
    this.shutdown = shutdown;
  }

  private static ThreadPoolExecutor lane(PartnerId agency) {
    return new ThreadPoolExecutor(
        1,
        1,
        0,
        TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(),
        Thread.ofPlatform().name("extract-load-" + agency.code()).factory());
  }

  /** Queues the load of a recorded extract; returns at once. */
  public void submit(Extract extract) {
    UUID id = extract.id();
    lanes.computeIfAbsent(extract.agency(), ExtractLoads::lane).execute(() -> load(id));
  }

  @EventListener(ApplicationReadyEvent.class)
  void resumeUnfinished() {
    for (Extract extract : extracts.unfinished()) {
      log.info("Resuming extract {} ({})", extract.id(), extract.status());
      submit(extract);
    }
  }

  private void load(UUID id) {
    JobParameters parameters =
        new JobParametersBuilder().addString("extractId", id.toString()).toJobParameters();
    for (int attempt = 1; ; attempt++) {
      try {
        recoverDeadExecution(parameters);
        jobOperator.start(extractLoadJob, parameters);
        return;
      } catch (JobInstanceAlreadyCompleteException e) {
        // The job finished but the application stopped before the extract was marked complete.
        extracts.find(id).filter(x -> !x.finished()).ifPresent(x -> markCompleted(id));
        return;
      } catch (TransientDataAccessException e) {
        // Launches of several agencies at once can collide in the job repository: try again.
        if (attempt == LAUNCH_ATTEMPTS) {
          log.error("Extract {} could not be launched after {} attempts", id, attempt);
          return;
        }
        pause(attempt);
      } catch (Exception e) {
        log.error("Extract {} could not be loaded: {}", id, e.getClass().getSimpleName());
        failUnlessShuttingDown(id, e);
        return;
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(250L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void markCompleted(UUID id) {
    extracts.completed(id, java.time.Instant.now());
  }

  /**
   * Makes the job instance restartable whatever state a stopped application left it in. A job
   * execution still "running" in the repository (STARTING, STARTED, STOPPING) when this application
   * is the only one that runs loads was left by a killed process; an UNKNOWN one by a metadata
   * update that failed (Spring Batch refuses to restart it "to be safe"). Both are marked failed,
   * with their unfinished steps, so that Spring Batch restarts from the last committed chunk: the
   * staging writes and the reader position commit together, so that chunk boundary is consistent
   * whatever happened after it. A STOPPED or FAILED execution restarts as it is.
   */
  private void recoverDeadExecution(JobParameters parameters) {
    interrupted.recover(extractLoadJob.getName(), parameters);
  }

  /**
   * A load that cannot be launched or restarted at all (not a transient collision) must not stay
   * RUNNING for ever: it is failed with a reason, and nothing of it was applied, because the apply
   * is one transaction that only a job that runs can reach. During a shutdown it stays as it is and
   * the next start tries again.
   */
  private void failUnlessShuttingDown(UUID id, Exception e) {
    if (shutdown.inProgress()) {
      return;
    }
    extracts
        .find(id)
        .filter(x -> !x.finished())
        .ifPresent(
            x ->
                extracts.failed(
                    id,
                    "the load could not be started or resumed ("
                        + e.getClass().getSimpleName()
                        + "); nothing of this extract was applied, upload it again",
                    java.time.Instant.now()));
  }

  /**
   * Stops the running loads at their next chunk boundary (never by interrupting the thread), while
   * the database is still there, so that each records where it stopped and resumes at the next
   * start; loads not yet begun stay QUEUED.
   *
   * <p>Only the job execution is marked STOPPING, which the running step reads at its next chunk
   * commit (and the job before its next step). {@code JobOperator.stop} is not used: it also saves
   * its own, stale copy of the running step execution, so the step's next update fails its
   * optimistic lock and Spring Batch leaves the execution UNKNOWN instead of STOPPED.
   */
  @Override
  public void destroy() throws InterruptedException {
    shutdown.begin();
    for (ThreadPoolExecutor lane : lanes.values()) {
      lane.getQueue().clear();
      lane.shutdown();
    }
    for (JobExecution running : jobRepository.findRunningJobExecutions(extractLoadJob.getName())) {
      try {
        requestStop(running);
      } catch (Exception e) {
        log.warn(
            "Job execution {} could not be stopped: {}",
            running.getId(),
            e.getClass().getSimpleName());
      }
    }
    for (ExecutorService lane : lanes.values()) {
      if (!lane.awaitTermination(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
        log.warn(
            "A load did not stop within {} s; it resumes from its last chunk at the next start",
            STOP_GRACE.toSeconds());
      }
    }
  }

  private void requestStop(JobExecution running) {
    JobExecution execution = running;
    for (int attempt = 1; ; attempt++) {
      if (execution == null
          || !(execution.getStatus() == BatchStatus.STARTING
              || execution.getStatus() == BatchStatus.STARTED)) {
        return;
      }
      log.info("Stopping job execution {} at its next chunk boundary", execution.getId());
      execution.setStatus(BatchStatus.STOPPING);
      execution.setExitStatus(org.springframework.batch.core.ExitStatus.STOPPED);
      try {
        jobRepository.update(execution);
        return;
      } catch (org.springframework.dao.OptimisticLockingFailureException e) {
        // The load saved its own job execution meanwhile: read it again and ask again.
        if (attempt == LAUNCH_ATTEMPTS) {
          throw e;
        }
        execution = jobRepository.getJobExecution(running.getId());
      }
    }
  }
}
