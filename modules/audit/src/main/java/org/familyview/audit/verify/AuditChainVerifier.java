package org.familyview.audit.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.familyview.audit.trail.AuditEntry;

/**
 * Walks the audit chain in order. An edited entry no longer matches its own hash; a removed or
 * inserted entry breaks the link from the next entry's {@code previous_hash}. Streams the table so
 * a chain of millions of entries needs no memory to speak of.
 */
public final class AuditChainVerifier {

  private AuditChainVerifier() {}

  public static ChainVerification verify(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    // PostgreSQL streams a result set only inside a transaction with a fetch size.
    connection.setAutoCommit(false);
    try (PreparedStatement query =
        connection.prepareStatement(
            """
            select seq, recorded_at, actor, actor_roles, action, outcome, target_type, target_id,
                   purpose, detail, source, previous_hash, hash
            from audit_entry order by seq
            """)) {
      query.setFetchSize(5_000);
      try (ResultSet rows = query.executeQuery()) {
        return walk(rows);
      }
    } finally {
      if (autoCommit) {
        connection.commit();
        connection.setAutoCommit(true);
      }
    }
  }

  private static ChainVerification walk(ResultSet rows) throws SQLException {
    String previous = AuditEntry.GENESIS;
    long count = 0;
    while (rows.next()) {
      AuditEntry entry = AuditEntry.from(rows);
      if (!entry.previousHash().equals(previous)) {
        return new ChainVerification.Broken(
            entry.seq(), "does not follow the entry before it (an entry was removed or inserted)");
      }
      if (!entry.expectedHash().equals(entry.hash())) {
        return new ChainVerification.Broken(
            entry.seq(), "its content does not match its hash (the entry was edited)");
      }
      previous = entry.hash();
      count++;
    }
    return new ChainVerification.Intact(count, previous);
  }
}
