package org.familyview.rights;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Rights with the web kernel, the access rules (agreements), the trail and the index. */
@SpringBootApplication(
    scanBasePackages = {
      "org.familyview.rights",
      "org.familyview.portal",
      "org.familyview.access",
      "org.familyview.audit",
      "org.familyview.linkage",
      "org.familyview.linkage",
      "org.familyview.search"
    })
@ConfigurationPropertiesScan({
  "org.familyview.rights",
  "org.familyview.portal",
  "org.familyview.access",
  "org.familyview.audit",
  "org.familyview.search"
})
class RightsTestApplication {}
