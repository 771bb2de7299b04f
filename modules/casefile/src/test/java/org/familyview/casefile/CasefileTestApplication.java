package org.familyview.casefile;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The casefile with the portal (security, identity, access, caseloads, audit), the audit trail and
 * search, as the app assembles them.
 */
@SpringBootApplication(
    scanBasePackages = {
      "org.familyview.casefile",
      "org.familyview.portal",
      "org.familyview.access",
      "org.familyview.audit",
      "org.familyview.linkage",
      "org.familyview.linkage",
      "org.familyview.search"
    })
@ConfigurationPropertiesScan({
  "org.familyview.casefile",
  "org.familyview.portal",
  "org.familyview.access",
  "org.familyview.audit",
  "org.familyview.search"
})
class CasefileTestApplication {}
