package org.familyview.pipeline.run;

import org.familyview.pipeline.PipelineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/** Queues the nightly run on the configured cron, unless the schedule is disabled. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PipelineSchedule implements SchedulingConfigurer {

  static final String SCHEDULER = "schedule";
  private static final Logger log = LoggerFactory.getLogger(PipelineSchedule.class);

  private final PipelineProperties properties;
  private final PipelineRuns runs;

  PipelineSchedule(PipelineProperties properties, PipelineRuns runs) {
    this.properties = properties;
    this.runs = runs;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    PipelineProperties.Schedule schedule = properties.schedule();
    if (!schedule.enabled()) {
      log.info("The nightly pipeline schedule is disabled; runs start on demand only");
      return;
    }
    registrar.addCronTask(
        new CronTask(this::nightly, new CronTrigger(schedule.cron(), schedule.zone())));
  }

  private void nightly() {
    // A night whose previous run is still going gets one queued behind it, never two at once.
    log.info("Nightly pipeline run queued: {}", runs.request(SCHEDULER, false));
  }
}
