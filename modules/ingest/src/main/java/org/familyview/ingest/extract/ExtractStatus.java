package org.familyview.ingest.extract;

/** Where an extract is in its load. Stored by name. */
public enum ExtractStatus {
  QUEUED,
  RUNNING,
  COMPLETED,
  FAILED
}
