package org.familyview.pipeline;

import org.familyview.portal.audit.RequestAudit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The pipeline with what it needs of the portal (security, identity, the request audit), the audit
 * trail and search, as the app assembles them, plus a test-only criteria stage ({@link
 * CriteriaStub}) that the tests can hold or make fail.
 */
@SpringBootApplication(
    scanBasePackages = {
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
class PipelineTestApplication {}
