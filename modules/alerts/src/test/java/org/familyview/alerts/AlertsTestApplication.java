package org.familyview.alerts;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Alerts with the front door whose events reach the inbox, the casefile that shows the flags, and
 * the portal kernel, as the app assembles them.
 */
@SpringBootApplication(
    scanBasePackages = {
      "org.familyview.alerts",
      "org.familyview.frontdoor",
      "org.familyview.casefile",
      "org.familyview.portal",
      "org.familyview.access",
      "org.familyview.audit",
      "org.familyview.linkage",
      "org.familyview.linkage",
      "org.familyview.search"
    })
@ConfigurationPropertiesScan({
  "org.familyview.alerts",
  "org.familyview.frontdoor",
  "org.familyview.casefile",
  "org.familyview.portal",
  "org.familyview.access",
  "org.familyview.audit",
  "org.familyview.search"
})
class AlertsTestApplication {}
