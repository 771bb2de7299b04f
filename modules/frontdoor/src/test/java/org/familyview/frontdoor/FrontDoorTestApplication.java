package org.familyview.frontdoor;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The front door with the casefile (whose family chronology shows its decisions), the portal
 * (security, identity, audit), access, the audit trail and search, as the app assembles them.
 */
@SpringBootApplication(
    scanBasePackages = {
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
  "org.familyview.frontdoor",
  "org.familyview.casefile",
  "org.familyview.portal",
  "org.familyview.access",
  "org.familyview.audit",
  "org.familyview.search"
})
class FrontDoorTestApplication {}
