package org.familyview.audit.trail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to the chain, each keyed with the {@link ChainKey}. Appends run in a transaction
 * of their own, so a refused or failed request is still recorded, and hold a transaction-scoped
 * advisory lock so that two appends never chain to the same predecessor.
 *
 * <p>Every read in the portal is audited, so under twenty busy users the chain's lock and one
 * commit per read became the queue every request waited in. Appends are therefore committed in
 * groups: a caller queues its event and whoever holds the writer's lock writes everything queued so
 * far in one transaction, one lock and one commit. A caller still returns only once its own entry
 * is committed, so no read is ever answered without its audit entry, and a failed commit fails
 * every request in the group.
 */
@Component
public class AuditTrail {

  // An arbitrary constant shared by every writer of the chain.
  private static final long CHAIN_LOCK = 0x46_56_41_55_44_49_54L;

  // Bounds one transaction; more waiting callers are written by the next holder of the lock.
  private static final int MAX_GROUP = 500;

  private record Pending(AuditEvent event, CompletableFuture<AuditEntry> entry) {}

  private final ConcurrentLinkedQueue<Pending> queued = new ConcurrentLinkedQueue<>();
  private final ReentrantLock writer = new ReentrantLock();
  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final ChainKey key;

  @org.springframework.beans.factory.annotation.Autowired
  public AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions, ChainKey key) {
    this(jdbc, transactions, key, Clock.systemUTC());
  }

  AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions, ChainKey key, Clock clock) {
    this.jdbc = jdbc;
    this.key = key;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Appends the event and returns its entry once it is committed. */
  public AuditEntry record(AuditEvent event) {
    Pending mine = new Pending(event, new CompletableFuture<>());
    queued.add(mine);
    while (!mine.entry().isDone()) {
      writer.lock();
      try {
        // Whoever held the lock before may already have committed this entry with theirs.
        if (!mine.entry().isDone()) {
          writeQueued();
        }
      } finally {
        writer.unlock();
      }
    }
    try {
      return mine.entry().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException("the audit entry was not written", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the audit entry was written", e);
    }
  }

  private void writeQueued() {
    List<Pending> group = new ArrayList<>();
    for (Pending p; group.size() < MAX_GROUP && (p = queued.poll()) != null; ) {
      group.add(p);
    }
    try {
      List<AuditEntry> entries = ownTransaction.execute(status -> append(group));
      for (int i = 0; i < group.size(); i++) {
        group.get(i).entry().complete(entries.get(i));
      }
    } catch (RuntimeException | Error e) {
      group.forEach(p -> p.entry().completeExceptionally(e));
    }
  }

  private List<AuditEntry> append(List<Pending> group) {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
    String previous =
        jdbc.sql("select hash from audit_entry order by seq desc limit 1")
            .query(String.class)
            .optional()
            .orElse(AuditEntry.GENESIS);
    List<AuditEntry> entries = new ArrayList<>(group.size());
    for (Pending pending : group) {
      AuditEntry entry = insert(previous, pending.event());
      entries.add(entry);
      previous = entry.hash();
    }
    return entries;
  }

  private AuditEntry insert(String previous, AuditEvent event) {
    // PostgreSQL keeps microseconds; hash exactly what will be read back.
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditEntry entry = AuditEntry.chained(previous, at, event, key);
    long seq =
        jdbc.sql(
                """
                insert into audit_entry (recorded_at, actor, actor_roles, action, outcome,
                  target_type, target_id, purpose, detail, source, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning seq
                """)
            .params(
                Timestamp.from(at),
                entry.actor(),
                entry.actorRoles(),
                entry.action(),
                entry.outcome(),
                entry.targetType(),
                entry.targetId(),
                entry.purpose(),
                entry.detail(),
                entry.source(),
                entry.previousHash(),
                entry.hash())
            .query(Long.class)
            .single();
    if (event.authority() != null) {
      // Beside the entry rather than in it: the chained columns and their MAC stay as V19 made
      // them, so every entry written before authorities still verifies.
      jdbc.sql("insert into audit_entry_authority (seq, authority) values (?, ?)")
          .params(seq, event.authority())
          .update();
    }
    return entry.withSeq(seq);
  }
}
