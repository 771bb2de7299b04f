package org.familyview.ingest.load;

import java.time.Clock;
import java.util.UUID;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractStatus;
import org.familyview.ingest.extract.Extracts;
import org.familyview.ingest.guard.SnapshotGuard;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Decides what to apply and applies it, in one transaction (the tasklet's): the snapshot guard
 * judges the staged extract against the agency's current records; a held extract gets status {@code
 * HELD} with its reason and figures and nothing else changes; otherwise the {@link Snapshot} is
 * applied and the extract completed. Until this commits, the previous snapshot is what everyone
 * sees. Safe to run again: an applied or held extract is recognised and left alone.
 */
final class ApplySnapshot implements Tasklet {

  private final Snapshot snapshot;
  private final SnapshotGuard guard;
  private final Extracts extracts;
  private final Clock clock;

  ApplySnapshot(Snapshot snapshot, SnapshotGuard guard, Extracts extracts, Clock clock) {
    this.snapshot = snapshot;
    this.guard = guard;
    this.extracts = extracts;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    UUID id = ExtractLoadListener.extractId(chunkContext);
    Extract extract = extracts.find(id).orElseThrow();
    if (snapshot.lockAndCheckApplied(extract) || extract.status() == ExtractStatus.HELD) {
      return RepeatStatus.FINISHED;
    }
    snapshot.plan();
    if (judge(extract) instanceof SnapshotGuard.Verdict.Hold hold) {
      snapshot.recordIntake(extract);
      extracts.held(id, hold.reason(), hold.wouldRetire(), hold.current(), clock.instant());
      return RepeatStatus.FINISHED;
    }
    snapshot.apply(extract);
    return RepeatStatus.FINISHED;
  }

  private SnapshotGuard.Verdict judge(Extract extract) {
    return guard.judge(
        snapshot.personFigures(extract),
        extract.hasEvents() ? snapshot.eventFigures(extract) : null,
        extracts.previousDeliveryRows(extract.agency()).orElse(null));
  }
}
