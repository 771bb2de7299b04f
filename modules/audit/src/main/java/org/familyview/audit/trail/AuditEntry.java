package org.familyview.audit.trail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * A stored entry. Its hash is computed over the previous entry's hash and every field of this one,
 * each written with its length so that no two different entries share a canonical form (moving a
 * character from one field to the next changes the hash). Entries written since migration V19 are
 * keyed: HMAC-SHA256 with the {@link ChainKey}; older ones carry the unkeyed SHA-256 of the same
 * canonical form ({@code audit_chain.keyed_from_seq} says where the keyed part begins).
 */
public record AuditEntry(
    long seq,
    Instant recordedAt,
    String actor,
    String actorRoles,
    String action,
    String outcome,
    @Nullable String targetType,
    @Nullable String targetId,
    @Nullable String purpose,
    @Nullable String detail,
    @Nullable String source,
    String previousHash,
    String hash) {

  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  /**
   * A new keyed entry chained to {@code previousHash}; its seq is given by the database on insert.
   */
  static AuditEntry chained(
      String previousHash, Instant recordedAt, AuditEvent event, ChainKey key) {
    AuditEntry unsigned =
        new AuditEntry(
            0,
            recordedAt,
            event.actor(),
            String.join(",", event.roles()),
            event.action().name(),
            event.outcome().name(),
            event.targetType(),
            event.targetId(),
            event.purpose(),
            event.detail(),
            event.source(),
            previousHash,
            "");
    return unsigned.with(0, unsigned.expectedMac(key));
  }

  AuditEntry withSeq(long assigned) {
    return with(assigned, hash);
  }

  private AuditEntry with(long seq, String hash) {
    return new AuditEntry(
        seq,
        recordedAt,
        actor,
        actorRoles,
        action,
        outcome,
        targetType,
        targetId,
        purpose,
        detail,
        source,
        previousHash,
        hash);
  }

  /** The entry in the current row of a query over every column of {@code audit_entry}. */
  public static AuditEntry from(ResultSet row) throws SQLException {
    return new AuditEntry(
        row.getLong("seq"),
        row.getTimestamp("recorded_at").toInstant(),
        row.getString("actor"),
        row.getString("actor_roles"),
        row.getString("action"),
        row.getString("outcome"),
        row.getString("target_type"),
        row.getString("target_id"),
        row.getString("purpose"),
        row.getString("detail"),
        row.getString("source"),
        row.getString("previous_hash"),
        row.getString("hash"));
  }

  /** The unkeyed SHA-256 this entry should carry (entries written before V19). */
  public String expectedHash() {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The HMAC this entry should carry under {@code key} (entries written since V19). */
  public String expectedMac(ChainKey key) {
    return key.mac(canonical());
  }

  /** The unkeyed SHA-256 of an entry with these fields, whatever its seq. */
  static String hashOf(
      String previousHash,
      Instant recordedAt,
      String actor,
      String actorRoles,
      String action,
      String outcome,
      @Nullable String targetType,
      @Nullable String targetId,
      @Nullable String purpose,
      @Nullable String detail,
      @Nullable String source) {
    return new AuditEntry(
            0,
            recordedAt,
            actor,
            actorRoles,
            action,
            outcome,
            targetType,
            targetId,
            purpose,
            detail,
            source,
            previousHash,
            "")
        .expectedHash();
  }

  /** Every hashed field (not seq, not the hash itself), each written with its length. */
  private String canonical() {
    StringBuilder canonical = new StringBuilder(256);
    for (String field :
        new String[] {
          previousHash,
          recordedAt.toString(),
          actor,
          actorRoles,
          action,
          outcome,
          targetType,
          targetId,
          purpose,
          detail,
          source
        }) {
      if (field == null) {
        canonical.append("-;");
      } else {
        canonical.append(field.length()).append(':').append(field).append(';');
      }
    }
    return canonical.toString();
  }
}
