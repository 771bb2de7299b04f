package org.familyview.ingest.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.familyview.extracts.Agency;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.Extracts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
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
 * stopped application left: queued extracts start, and a job execution a kill left "running" is
 * marked failed and restarted from its last committed chunk.
 */
@Component
public class ExtractLoads implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ExtractLoads.class);
  private static final int LAUNCH_ATTEMPTS = 5;

  private final Extracts extracts;
  private final JobOperator jobOperator;
  private final JobRepository jobRepository;
  private final Job extractLoadJob;
  private final LoadShutdown shutdown;
  private final Map<Agency, ThreadPoolExecutor> lanes = new EnumMap<>(Agency.class);

  ExtractLoads(
      Extracts extracts,
      JobOperator jobOperator,
      JobRepository jobRepository,
      Job extractLoadJob,
      LoadShutdown shutdown) {
    this.extracts = extracts;
    this.jobOperator = jobOperator;
    this.jobRepository = jobRepository;
    this.extractLoadJob = extractLoadJob;
    this.shutdown = shutdown;
    for (Agency agency : Agency.values()) {
      lanes.put(
          agency,
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.MILLISECONDS,
              new LinkedBlockingQueue<>(),
              Thread.ofPlatform().name("extract-load-" + agency.code()).factory()));
    }
  }

  /** Queues the load of a recorded extract; returns at once. */
  public void submit(Extract extract) {
    UUID id = extract.id();
    lanes.get(extract.agency()).execute(() -> load(id));
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
   * A job execution still "running" in the repository when this application is the only one that
   * runs loads was left by a killed process: mark it failed so that Spring Batch restarts it.
   */
  private void recoverDeadExecution(JobParameters parameters) {
    JobInstance instance = jobRepository.getJobInstance(extractLoadJob.getName(), parameters);
    if (instance == null) {
      return;
    }
    JobExecution last = jobRepository.getLastJobExecution(instance);
    if (last != null && last.getStatus().isRunning()) {
      log.info("Job execution {} was interrupted; restarting it", last.getId());
      jobOperator.recover(last);
    }
  }

  /**
   * Stops the running loads at their next chunk boundary through Spring Batch's own stop (never by
   * interrupting the thread), while the database is still there, so that each records where it
   * stopped and resumes at the next start; loads not yet begun stay QUEUED.
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
        jobOperator.stop(running);
      } catch (Exception e) {
        log.warn(
            "Job execution {} could not be stopped: {}",
            running.getId(),
            e.getClass().getSimpleName());
      }
    }
    for (ExecutorService lane : lanes.values()) {
      if (!lane.awaitTermination(60, TimeUnit.SECONDS)) {
        log.warn(
            "A load did not stop within 30 s; it resumes from its last chunk at the next start");
      }
    }
  }
}
