package org.familyview.review;

import org.familyview.pipeline.config.MatchingConfiguration;
import org.familyview.portal.audit.RequestAudit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The workbench with what it needs of the portal (security, identity, the page layout, the request
 * audit) and the audit trail, as the app assembles them.
 */
@SpringBootApplication(
    scanBasePackages = {
      // The feature packages, not the root: the nightly-run tests' own application lives below it.
      "org.familyview.linkage",
      "org.familyview.review.task",
      "org.familyview.review.decision",
      "org.familyview.review.radius",
      "org.familyview.review.web",
      "org.familyview.portal.security",
      "org.familyview.portal.identity",
      "org.familyview.portal.web",
      "org.familyview.audit"
    })
@ConfigurationPropertiesScan({"org.familyview.portal.security"})
// The one matcher configuration, as the app has it from the pipeline.
@Import({RequestAudit.class, MatchingConfiguration.class})
class ReviewTestApplication {}
