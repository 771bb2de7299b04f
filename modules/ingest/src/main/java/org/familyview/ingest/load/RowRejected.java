package org.familyview.ingest.load;

import org.familyview.extracts.Problem;

/**
 * A row the contract rejects. Thrown by the processor only so that Spring Batch's skip policy and
 * skip listener quarantine it; it never leaves the step. No stack trace: rejects are routine and a
 * file may have thousands.
 */
final class RowRejected extends RuntimeException {

  private final transient Problem problem;

  RowRejected(Problem problem) {
    super(problem.code().name(), null, false, false);
    this.problem = problem;
  }

  Problem problem() {
    return problem;
  }
}
