package org.familyview.extracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Builds the content hash of a normalised record: SHA-256 over the values in a fixed order, each
 * followed by a unit separator (a null value by a different marker, so null and "" differ), cut to
 * the first 128 bits. The hash only has to tell a record from its own previous version, so 128 bits
 * are ample and halve what the store keeps. One instance per reader; not thread-safe.
 */
final class ContentHash {

  private static final byte SEPARATOR = 0x1F;
  private static final byte NULL = 0x00;

  private final MessageDigest digest;

  ContentHash() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  ContentHash add(@Nullable Object value) {
    if (value == null) {
      digest.update(NULL);
    } else {
      digest.update(value.toString().getBytes(StandardCharsets.UTF_8));
    }
    digest.update(SEPARATOR);
    return this;
  }

  /** The hash of everything added since the last call; the digest is reset for the next record. */
  String finish() {
    byte[] full = digest.digest();
    return HexFormat.of().formatHex(full, 0, 16);
  }
}
