package org.familyview.audit;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The audit module on its own, against the real PostgreSQL, for its integration tests. */
@SpringBootApplication
class AuditTestApplication {}
