package org.familyview.ingest.load;

import org.springframework.batch.core.step.skip.SkipPolicy;

/**
 * Skip (quarantine) every row the contract rejects, however many, and nothing else: a database or
 * disk failure must fail the step so that the load restarts from its last chunk rather than
 * silently dropping rows.
 */
final class RejectedRowsOnly implements SkipPolicy {

  @Override
  public boolean shouldSkip(Throwable failure, long skipCount) {
    return failure instanceof RowRejected;
  }
}
