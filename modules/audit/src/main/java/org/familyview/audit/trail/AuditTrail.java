package org.familyview.audit.trail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to the chain. Each append runs in its own transaction, so a refused or failed
 * request is still recorded, and holds a transaction-scoped advisory lock so that two appends never
 * chain to the same predecessor.
 */
@Component
public class AuditTrail {

  // An arbitrary constant shared by every writer of the chain.
  private static final long CHAIN_LOCK = 0x46_56_41_55_44_49_54L;

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  @org.springframework.beans.factory.annotation.Autowired
  public AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this(jdbc, transactions, Clock.systemUTC());
  }

  AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  public AuditEntry record(AuditEvent event) {
    return ownTransaction.execute(status -> append(event));
  }

  private AuditEntry append(AuditEvent event) {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
    String previous =
        jdbc.sql("select hash from audit_entry order by seq desc limit 1")
            .query(String.class)
            .optional()
            .orElse(AuditEntry.GENESIS);
    // PostgreSQL keeps microseconds; hash exactly what will be read back.
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditEntry entry = AuditEntry.chained(previous, at, event);
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
    return entry.withSeq(seq);
  }
}
