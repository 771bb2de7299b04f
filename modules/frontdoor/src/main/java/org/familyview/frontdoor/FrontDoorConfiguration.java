package org.familyview.frontdoor;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * This module's defaults that follow the FV_* environment (the concern rules' folder, England and
 * Wales bank holidays), and the sweep that announces checks coming due.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@PropertySource("classpath:org/familyview/frontdoor/frontdoor-defaults.properties")
class FrontDoorConfiguration {

  private final FrontDoor frontDoor;

  FrontDoorConfiguration(FrontDoor frontDoor) {
    this.frontDoor = frontDoor;
  }

  /** Every few minutes: checks due within the due-soon margin, and overdue ones, once each. */
  @Scheduled(
      fixedDelayString = "${familyview.front-door.announce-every:PT5M}",
      initialDelayString = "${familyview.front-door.announce-every:PT5M}")
  void announceChecks() {
    frontDoor.announceChecks();
  }
}
