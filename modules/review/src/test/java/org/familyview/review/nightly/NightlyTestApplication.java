package org.familyview.review.nightly;

import org.familyview.portal.audit.RequestAudit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The workbench together with the nightly pipeline (and the search it indexes into), so that a
 * steward's decision can be followed through the next runs, as the app assembles them.
 */
@SpringBootApplication(
    scanBasePackages = {
      "org.familyview.review.task",
      "org.familyview.review.decision",
      "org.familyview.review.radius",
      "org.familyview.review.web",
      "org.familyview.pipeline",
      "org.familyview.linkage",
      "org.familyview.portal.security",
      "org.familyview.portal.identity",
      "org.familyview.portal.web",
      "org.familyview.audit",
      "org.familyview.search"
    })
@ConfigurationPropertiesScan({
  "org.familyview.pipeline",
  "org.familyview.portal.security",
  "org.familyview.search"
})
@Import(RequestAudit.class)
class NightlyTestApplication {}
