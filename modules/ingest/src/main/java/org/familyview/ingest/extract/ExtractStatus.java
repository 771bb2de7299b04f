package org.familyview.ingest.extract;

/**
 * Where an extract is in its load. Stored by name. {@code HELD}: staged but stopped by the snapshot
 * guard, waiting to be confirmed (then {@code COMPLETED}) or discarded ({@code DISCARDED}).
 */
public enum ExtractStatus {
  QUEUED,
  RUNNING,
  HELD,
  COMPLETED,
  FAILED,
  DISCARDED
}
