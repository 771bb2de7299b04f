package org.familyview.audit.trail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * A stored entry. Its hash is SHA-256 over the previous entry's hash and every field of this one,
 * each written with its length so that no two different entries share a canonical form (moving a
 * character from one field to the next changes the hash).
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

  public String expectedHash() {
    return hashOf(
        previousHash,
        recordedAt,
        actor,
        actorRoles,
        action,
        outcome,
        targetType,
        targetId,
        purpose,
        detail,
        source);
  }

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
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
