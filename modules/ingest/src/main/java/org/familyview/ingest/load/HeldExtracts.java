package org.familyview.ingest.load;

import java.time.Clock;
import java.util.UUID;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractStatus;
import org.familyview.ingest.extract.Extracts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What becomes of an extract the snapshot guard held: confirmed, its staged snapshot is applied
 * exactly as the load would have applied it (the same {@link Snapshot}, one transaction, under the
 * agency's lock) and the extract completes; discarded, its staged rows are dropped and nothing of
 * it is ever applied. Both record who decided, when and why. The staged rows live in PostgreSQL, so
 * a held extract survives any number of restarts. Who may decide is the caller's business (the
 * API).
 */
@Service
public class HeldExtracts {

  private static final Logger log = LoggerFactory.getLogger(HeldExtracts.class);

  /** What a confirmation or a discard came to. */
  public sealed interface Outcome {
    /** Done; the extract as it now is. */
    record Done(Extract extract) implements Outcome {}

    /** The extract is not held (any more): nothing was done. */
    record NotHeld(ExtractStatus status) implements Outcome {}

    /**
     * A delivery of the agency received after this one has been applied: applying this older one
     * would put an older snapshot over a newer. It can only be discarded.
     */
    record Superseded() implements Outcome {}
  }

  private final Extracts extracts;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock = Clock.systemUTC();

  HeldExtracts(Extracts extracts, JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.extracts = extracts;
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Applies a held extract; {@code reason} is required by the caller and kept with it. */
  public Outcome confirm(UUID id, String by, String reason) {
    Outcome outcome =
        transaction.execute(
            status -> {
              Snapshot snapshot = new Snapshot(jdbc, clock);
              Extract extract = extracts.find(id).orElseThrow();
              snapshot.lockAndCheckApplied(extract);
              Extract locked = extracts.find(id).orElseThrow();
              if (locked.status() != ExtractStatus.HELD) {
                return new Outcome.NotHeld(locked.status());
              }
              if (extracts.laterDeliveryApplied(locked)) {
                return new Outcome.Superseded();
              }
              snapshot.plan();
              snapshot.apply(locked);
              extracts.resolved(id, by, clock.instant(), reason);
              return new Outcome.Done(extracts.find(id).orElseThrow());
            });
    log.info("Held extract {} confirm: {}", id, outcome.getClass().getSimpleName());
    return outcome;
  }

  /** Drops a held extract: nothing of it is applied, its staged rows are deleted. */
  public Outcome discard(UUID id, String by, @Nullable String reason) {
    Outcome outcome =
        transaction.execute(
            status -> {
              Extract extract = extracts.find(id).orElseThrow();
              new Snapshot(jdbc, clock).lockAndCheckApplied(extract);
              Extract locked = extracts.find(id).orElseThrow();
              if (locked.status() != ExtractStatus.HELD) {
                return new Outcome.NotHeld(locked.status());
              }
              extracts.discarded(id, clock.instant());
              extracts.resolved(id, by, clock.instant(), reason);
              ClearStaging.of(jdbc, id);
              return new Outcome.Done(extracts.find(id).orElseThrow());
            });
    log.info("Held extract {} discard: {}", id, outcome.getClass().getSimpleName());
    return outcome;
  }
}
