package org.familyview.ingest.load;

import org.familyview.extracts.RowOutcome;
import org.familyview.extracts.SourceRecord;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Passes accepted rows to the writer and hands rejected ones to the skip policy. */
final class QuarantineProcessor<R extends SourceRecord>
    implements ItemProcessor<RowOutcome<R>, RowOutcome.Accepted<R>> {

  @Override
  public RowOutcome.Accepted<R> process(RowOutcome<R> outcome) {
    return switch (outcome) {
      case RowOutcome.Accepted<R> accepted -> accepted;
      case RowOutcome.Rejected<R> rejected -> throw new RowRejected(rejected.problem());
    };
  }
}
