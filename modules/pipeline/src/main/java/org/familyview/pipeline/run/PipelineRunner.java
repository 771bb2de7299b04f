package org.familyview.pipeline.run;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.familyview.pipeline.PipelineRunFinished;
import org.familyview.store.batch.InterruptedExecutions;
import org.jspecify.annotations.Nullable;
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
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * The one thread that runs pipeline runs: it takes queued runs oldest first and runs each to its
 * end before the next, so two runs never interleave. On start-up it puts back in the queue what a
 * stopped application left running, and Spring Batch resumes those at the step they were in.
 */
@Component
class PipelineRunner implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PipelineRunner.class);
  private static final Duration RECORD_RETRY = Duration.ofSeconds(2);

  private final PipelineRuns runs;
  private final JobOperator jobOperator;
  private final JobRepository jobRepository;
  private final InterruptedExecutions interrupted;
  private final Job nightlyPipeline;
  private final ApplicationEventPublisher events;
  private final ExecutorService lane =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("pipeline-runner").factory());
  private volatile boolean ready;

  PipelineRunner(
      PipelineRuns runs,
      JobOperator jobOperator,
      JobRepository jobRepository,
      Job nightlyPipeline,
      ApplicationEventPublisher events) {
    this.runs = runs;
    this.jobOperator = jobOperator;
    this.jobRepository = jobRepository;
    this.interrupted = new InterruptedExecutions(jobRepository, jobOperator);
    this.nightlyPipeline = nightlyPipeline;
    this.events = events;
  }

  @EventListener(ApplicationReadyEvent.class)
  void resumeUnfinished() {
    for (UUID id : runs.requeueInterrupted()) {
      log.info("Pipeline run {} was interrupted; it resumes where it stopped", id);
    }
    ready = true;
    wake();
  }

  @EventListener
  void queued(PipelineRuns.RunQueued queued) {
    // Runs asked for while the application starts wait for it to be ready.
    if (ready) {
      wake();
    }
  }

  private void wake() {
    lane.execute(this::drain);
  }

  private void drain() {
    for (Optional<UUID> next = runs.claimNext(); next.isPresent(); next = runs.claimNext()) {
      run(next.get());
    }
  }

  private void run(UUID id) {
    JobParameters parameters =
        new JobParametersBuilder().addString(PipelineJob.RUN_ID, id.toString()).toJobParameters();
    RunStatus status;
    String failure = null;
    try {
      recoverDeadExecution(parameters);
      JobExecution execution = jobOperator.start(nightlyPipeline, parameters);
      status =
          execution.getStatus() == BatchStatus.COMPLETED ? RunStatus.COMPLETED : RunStatus.FAILED;
      if (status == RunStatus.FAILED) {
        failure = failure(execution);
      }
    } catch (JobInstanceAlreadyCompleteException e) {
      status = RunStatus.COMPLETED;
    } catch (Exception e) {
      log.error("Pipeline run {} could not be launched: {}", id, e.getClass().getSimpleName());
      status = RunStatus.FAILED;
      failure = "could not be launched: " + e.getClass().getSimpleName();
    }
    if (!recordEnd(id, status, failure)) {
      return;
    }
    log.info("Pipeline run {} {}", id, status);
    try {
      events.publishEvent(new PipelineRunFinished(id, status.name()));
    } catch (RuntimeException e) {
      log.warn(
          "A listener of the end of pipeline run {} failed: {}", id, e.getClass().getSimpleName());
    }
  }

  /**
   * Records how the run ended, waiting for PostgreSQL if it is gone (the run's end is usually
   * reached because it went): a run left RUNNING would stay so until the next start of the
   * application. False if the application stops first; the next start resumes the run then.
   */
  private boolean recordEnd(UUID id, RunStatus status, @Nullable String failure) {
    while (true) {
      try {
        runs.finished(id, status, failure);
        return true;
      } catch (DataAccessException | TransactionException e) {
        if (lane.isShutdown()) {
          return false;
        }
        log.warn(
            "Pipeline run {} ended {} but could not be recorded ({}); trying again in {} s",
            id,
            status,
            e.getClass().getSimpleName(),
            RECORD_RETRY.toSeconds());
        try {
          Thread.sleep(RECORD_RETRY);
        } catch (InterruptedException stopping) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
  }

  /** The failed step and the error's type; messages may quote data, so they are not kept. */
  private static String failure(JobExecution execution) {
    for (StepExecution step : execution.getStepExecutions()) {
      if (step.getStatus() == BatchStatus.FAILED || step.getStatus() == BatchStatus.UNKNOWN) {
        String error =
            step.getFailureExceptions().stream()
                .findFirst()
                .map(t -> t.getClass().getSimpleName())
                .orElse("failed");
        return step.getStepName() + ": " + error;
      }
    }
    return "the job ended " + execution.getStatus();
  }

  /**
   * Makes the run's job instance restartable whatever state it was left in. An execution still
   * "running" when no runner runs it was left by a killed process; an UNKNOWN one (or one with an
   * UNKNOWN step) by a metadata update that failed, e.g. with PostgreSQL gone in the middle of a
   * step, which Spring Batch refuses to restart "to be safe". Both are marked failed: each stage is
   * one transaction and idempotent for its run, so running an unfinished step again is safe.
   */
  private void recoverDeadExecution(JobParameters parameters) {
    interrupted.recover(nightlyPipeline.getName(), parameters);
  }

  @Override
  public void destroy() throws InterruptedException {
    lane.shutdown();
    for (JobExecution running : jobRepository.findRunningJobExecutions(nightlyPipeline.getName())) {
      try {
        jobOperator.stop(running);
      } catch (Exception e) {
        log.warn("Job execution {} could not be stopped", running.getId());
      }
    }
    lane.awaitTermination(30, TimeUnit.SECONDS);
  }
}
