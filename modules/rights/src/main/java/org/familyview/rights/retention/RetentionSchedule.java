package org.familyview.rights.retention;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the retention erasure every night (after the nightly pipeline), unless switched off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionSchedule {

  private final RetentionErasure erasure;

  RetentionSchedule(RetentionErasure erasure) {
    this.erasure = erasure;
  }

  @Scheduled(cron = "${familyview.rights.retention.schedule:0 30 3 * * *}")
  void nightly() {
    erasure.run(RetentionErasure.scheduled());
  }
}
