package org.familyview.audit.trail;

/** Refused attempts are recorded too: a pattern of refusals is itself worth an auditor's look. */
public enum AuditOutcome {
  ALLOWED,
  DENIED
}
