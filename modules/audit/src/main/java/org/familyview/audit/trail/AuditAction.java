package org.familyview.audit.trail;

/** What was done. Stored by name: never rename a constant, add a new one. */
public enum AuditAction {
  SEARCH,
  PERSON_VIEW,
  FAMILY_VIEW,
  CHRONOLOGY_READ,
  EXPORT,
  UPLOAD,
  PIPELINE_RUN,
  REVIEW_DECISION,
  BREAK_GLASS,
  CONFIGURATION_CHANGE,
  CASELOAD_CHANGE,
  AUDIT_READ,
  ERASURE,
  SUBJECT_ACCESS_EXPORT,
  BREAK_GLASS_REVIEW,
  DISPUTE,
  /** A request refused outside a case gate: a 401 of a known user, or a 403. */
  ACCESS_REFUSED,
  /** A held extract confirmed (applied) by its agency's uploader or an admin, with a reason. */
  EXTRACT_CONFIRM,
  /** A held extract discarded: nothing of it applied. */
  EXTRACT_DISCARD,
  /** A flag shown beside a person (issue 17): which flags, where, to whom. */
  FLAG_SHOWN,
  /** A notification posted to an inbox, an inbox read, an entry marked read, a digest sent. */
  NOTIFICATION,
  /** A front-door contact raised, read or listed (the board). */
  FRONT_DOOR_CONTACT,
  /** A partner check asked, read or answered. */
  FRONT_DOOR_CHECK,
  /** A front-door decision recorded. */
  FRONT_DOOR_DECISION
}
