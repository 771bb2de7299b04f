package org.familyview.ingest;

import org.familyview.portal.audit.RequestAudit;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * Ingest with what it needs of the portal (security, identity, the request audit) and the audit
 * trail (only the request audit of the portal's audit package), as the app assembles them; the
 * portal's other features are left out so that their configuration is not this module's concern.
 */
@SpringBootApplication(
    scanBasePackages = {
      "org.familyview.ingest",
      "org.familyview.portal.security",
      "org.familyview.portal.identity",
      "org.familyview.portal.web",
      "org.familyview.audit"
    })
@ConfigurationPropertiesScan({"org.familyview.ingest", "org.familyview.portal.security"})
@Import(RequestAudit.class)
class IngestTestApplication {}
