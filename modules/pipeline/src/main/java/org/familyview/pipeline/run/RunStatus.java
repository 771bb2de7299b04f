package org.familyview.pipeline.run;

/** Where a run is: waiting its turn, running, or ended. */
public enum RunStatus {
  QUEUED,
  RUNNING,
  COMPLETED,
  FAILED;

  public boolean finished() {
    return this == COMPLETED || this == FAILED;
  }
}
