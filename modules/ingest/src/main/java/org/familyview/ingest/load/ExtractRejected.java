package org.familyview.ingest.load;

import org.familyview.extracts.Problem;

/** A file of the extract is structurally broken, so nothing of the extract is applied. */
final class ExtractRejected extends RuntimeException {

  private final transient Problem problem;

  ExtractRejected(Problem problem) {
    super(problem.file() + ": " + problem.reason(), null, false, false);
    this.problem = problem;
  }

  Problem problem() {
    return problem;
  }
}
