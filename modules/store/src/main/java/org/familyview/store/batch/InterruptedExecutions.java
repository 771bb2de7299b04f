package org.familyview.store.batch;

import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Makes a job instance restartable whatever state a stopped application left it in, for the two
 * jobs that restart their own interrupted runs (ingest's extract load, the nightly pipeline). It
 * lives here because it repairs rows of Spring Batch's job repository, whose tables this module's
 * V1 creates, and because ingest and pipeline may not use each other.
 *
 * <p>An execution still "running" (STARTING, STARTED, STOPPING) when no process runs it was left by
 * a killed process: Spring Batch's {@link JobOperator#recover} fails it. An UNKNOWN one (or one
 * with an UNKNOWN step) was left by a metadata update that failed, which Spring Batch refuses to
 * restart "to be safe": it and its unfinished steps are marked failed. Either way Spring Batch then
 * restarts from the last committed step or chunk; whether that is safe is the caller's to say (see
 * each caller). A STOPPED or FAILED execution restarts as it is.
 */
public final class InterruptedExecutions {

  private static final Logger log = LoggerFactory.getLogger(InterruptedExecutions.class);

  private final JobRepository jobRepository;
  private final JobOperator jobOperator;

  public InterruptedExecutions(JobRepository jobRepository, JobOperator jobOperator) {
    this.jobRepository = jobRepository;
    this.jobOperator = jobOperator;
  }

  /** Recovers the last execution of the job's instance with these parameters, if it needs it. */
  public void recover(String jobName, JobParameters parameters) {
    JobInstance instance = jobRepository.getJobInstance(jobName, parameters);
    if (instance == null) {
      return;
    }
    JobExecution last = jobRepository.getLastJobExecution(instance);
    if (last == null) {
      return;
    }
    if (last.getStatus().isRunning()) {
      log.info(
          "Job execution {} was interrupted ({}); restarting it", last.getId(), last.getStatus());
      jobOperator.recover(last);
    } else if (last.getStatus() == BatchStatus.UNKNOWN || hasUnknownStep(last)) {
      log.info("Job execution {} was left UNKNOWN; restarting it", last.getId());
      markFailed(last);
    }
  }

  private static boolean hasUnknownStep(JobExecution execution) {
    return execution.getStepExecutions().stream()
        .anyMatch(step -> step.getStatus() == BatchStatus.UNKNOWN);
  }

  private void markFailed(JobExecution execution) {
    LocalDateTime now = LocalDateTime.now();
    for (StepExecution step : execution.getStepExecutions()) {
      if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
        step.setStatus(BatchStatus.FAILED);
        if (step.getEndTime() == null) {
          step.setEndTime(now);
        }
        jobRepository.update(step);
      }
    }
    execution.setStatus(BatchStatus.FAILED);
    if (execution.getEndTime() == null) {
      execution.setEndTime(now);
    }
    jobRepository.update(execution);
  }
}
