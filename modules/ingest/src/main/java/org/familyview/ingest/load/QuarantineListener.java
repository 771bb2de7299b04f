package org.familyview.ingest.load;

import java.util.UUID;
import org.familyview.extracts.Problem;
import org.familyview.ingest.extract.Extracts;
import org.familyview.ingest.extract.Feedback;
import org.springframework.batch.core.listener.SkipListener;

/**
 * Writes each skipped row to the rejects table with its file, line, field and reason. Spring Batch
 * calls it inside the chunk's transaction, so a reject is recorded exactly when its chunk commits:
 * a restarted load neither loses nor repeats one.
 */
final class QuarantineListener implements SkipListener<Object, Object> {

  private final Extracts extracts;
  private final UUID extractId;

  QuarantineListener(Extracts extracts, UUID extractId) {
    this.extracts = extracts;
    this.extractId = extractId;
  }

  @Override
  public void onSkipInProcess(Object item, Throwable cause) {
    if (cause instanceof RowRejected rejected) {
      extracts.reject(extractId, feedback(rejected.problem()));
    }
  }

  static Feedback feedback(Problem problem) {
    return new Feedback(
        problem.file(), problem.line(), problem.field(), problem.code().name(), problem.reason());
  }
}
