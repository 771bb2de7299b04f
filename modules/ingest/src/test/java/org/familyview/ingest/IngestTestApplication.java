package org.familyview.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Ingest with what it needs of the portal (security, identity, the request audit) and the audit
 * trail, as the app assembles them; the portal's other features are left out so that their
 * configuration is not this module's concern.
 */
@SpringBootApplication(
    scanBasePackages = {
      "org.familyview.ingest",
      "org.familyview.portal.security",
      "org.familyview.portal.identity",
      "org.familyview.portal.audit",
      "org.familyview.portal.web",
      "org.familyview.audit"
    })
@ConfigurationPropertiesScan({"org.familyview.ingest", "org.familyview.portal.security"})
class IngestTestApplication {}
