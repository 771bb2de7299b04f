package org.familyview.audit.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.familyview.audit.anchor.Anchor;
import org.familyview.audit.trail.AuditEntry;
import org.familyview.audit.trail.ChainKey;

/**
 * Walks the audit chain in order. An edited entry no longer matches its own hash; a removed or
 * inserted entry breaks the link from the next entry's {@code previous_hash}; an entry written or
 * rewritten without the audit key does not match its MAC; entries removed from the end leave an
 * anchor (written outside the database) that names an entry the chain no longer holds. Entries
 * before {@code audit_chain.keyed_from_seq} (written before migration V19) are checked against
 * their unkeyed SHA-256. Streams the table so a chain of millions of entries needs no memory to
 * speak of.
 */
public final class AuditChainVerifier {

  private static final String EDITED = "its content does not match its hash (the entry was edited)";

  private AuditChainVerifier() {}

  /**
   * The chain keyed with FV_AUDIT_KEY from the environment, without anchors.
   *
   * @throws IllegalArgumentException when FV_AUDIT_KEY is not set
   */
  public static ChainVerification verify(Connection connection) throws SQLException {
    return verify(connection, ChainKey.of(System.getenv("FV_AUDIT_KEY")), List.of());
  }

  /** The chain of the connection's schema, keyed with {@code key}, against its anchors. */
  public static ChainVerification verify(Connection connection, ChainKey key, List<Anchor> anchors)
      throws SQLException {
    long keyedFrom = keyedFrom(connection);
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
        return new Walk(key, keyedFrom, anchors).over(rows);
      }
    } finally {
      if (autoCommit) {
        connection.commit();
        connection.setAutoCommit(true);
      }
    }
  }

  /** The first keyed seq; before migration V19 there is none and every entry is unkeyed. */
  private static long keyedFrom(Connection connection) throws SQLException {
    try (PreparedStatement query =
            connection.prepareStatement(
                "select keyed_from_seq from audit_chain where to_regclass('audit_chain') is not null");
        ResultSet row = query.executeQuery()) {
      return row.next() ? row.getLong(1) : Long.MAX_VALUE;
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) { // undefined table: V19 has not run here
        connection.rollback();
        return Long.MAX_VALUE;
      }
      throw e;
    }
  }

  private static final class Walk {
    private final ChainKey key;
    private final long keyedFrom;
    private final Deque<Anchor> anchors;
    private String previous = AuditEntry.GENESIS;
    private long count;
    private long lastSeq;

    Walk(ChainKey key, long keyedFrom, List<Anchor> anchors) {
      this.key = key;
      this.keyedFrom = keyedFrom;
      this.anchors =
          new ArrayDeque<>(anchors.stream().sorted(Comparator.comparingLong(Anchor::seq)).toList());
    }

    ChainVerification over(ResultSet rows) throws SQLException {
      while (rows.next()) {
        AuditEntry entry = AuditEntry.from(rows);
        if (!entry.previousHash().equals(previous)) {
          return new ChainVerification.Broken(
              entry.seq(),
              "does not follow the entry before it (an entry was removed or inserted)");
        }
        String expected = entry.seq() >= keyedFrom ? entry.expectedMac(key) : entry.expectedHash();
        if (!expected.equals(entry.hash())) {
          return new ChainVerification.Broken(entry.seq(), EDITED);
        }
        previous = entry.hash();
        count++;
        lastSeq = entry.seq();
        ChainVerification.Broken missed = checkAnchorsUpTo(entry);
        if (missed != null) {
          return missed;
        }
      }
      return anchors.isEmpty() ? new ChainVerification.Intact(count, previous) : removedAtTheEnd();
    }

    // Every anchor at or before this entry must name an entry the walk met, with its hash and
    // count.
    private ChainVerification.Broken checkAnchorsUpTo(AuditEntry entry) {
      while (!anchors.isEmpty() && anchors.peekFirst().seq() <= entry.seq()) {
        Anchor anchor = anchors.removeFirst();
        if (anchor.seq() != entry.seq()
            || !anchor.head().equals(entry.hash())
            || anchor.entries() != count) {
          return new ChainVerification.Broken(
              anchor.seq(),
              "the anchor of %s (%s) names entry %d as entry number %d with head %s, which the chain does not hold (an entry was removed, inserted or rewritten)"
                  .formatted(
                      anchor.at(), anchor.reason(), anchor.seq(), anchor.entries(), anchor.head()));
        }
      }
      return null;
    }

    private ChainVerification.Broken removedAtTheEnd() {
      Anchor newest = anchors.peekLast();
      return new ChainVerification.Broken(
          newest.seq(),
          "the anchor of %s (%s) names entry %d as entry number %d, but the chain ends at entry %d after %d entries (entries were removed from the end)"
              .formatted(
                  newest.at(), newest.reason(), newest.seq(), newest.entries(), lastSeq, count));
    }
  }
}
