package org.familyview.eligibility;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The criteria stage, API and pages with the portal and the audit trail, as the app has them. */
@SpringBootApplication(
    scanBasePackages = {
      "org.familyview.eligibility",
      "org.familyview.portal",
      "org.familyview.access",
      "org.familyview.audit"
    })
@ConfigurationPropertiesScan({
  "org.familyview.eligibility",
  "org.familyview.portal",
  "org.familyview.access",
  "org.familyview.audit"
})
class EligibilityTestApplication {}
