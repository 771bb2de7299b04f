package org.familyview.audit.trail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of the audit chain's MACs (HMAC-SHA256). It is kept outside the database (the launcher
 * makes {@code var/secrets/audit-key} and passes it as {@code FV_AUDIT_KEY}), so whoever can write
 * {@code audit_entry} still cannot write an entry, or rewrite the chain, that verifies.
 */
public final class ChainKey {

  /** Shorter keys are refused: 32 characters of the launcher's alphabet are about 190 bits. */
  public static final int MIN_LENGTH = 32;

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  private ChainKey(SecretKeySpec key) {
    this.key = key;
  }

  /** The key from its text; a missing or short key is a clear error, never a weaker chain. */
  public static ChainKey of(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException(
          "the audit key is not set (FV_AUDIT_KEY; ./familyview makes it in var/secrets/audit-key)");
    }
    if (secret.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "the audit key is shorter than " + MIN_LENGTH + " characters (FV_AUDIT_KEY)");
    }
    return new ChainKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
  }

  /** The hex HMAC-SHA256 of the text. */
  public String mac(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  @Override
  public String toString() {
    return "ChainKey[hidden]";
  }
}
