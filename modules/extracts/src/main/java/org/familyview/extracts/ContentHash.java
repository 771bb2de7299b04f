package org.familyview.extracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Builds the content hash of a normalised record: SHA-256 over the UTF-8 values in a fixed order,
 * each followed by a unit separator (a null value by a different marker, so null and "" differ),
 * cut to the first 128 bits. The hash only has to tell a record from its own previous version, so
 * 128 bits are ample and halve what the store keeps. The values are gathered in one reused buffer
 * and digested once per record, so hashing a row allocates only its result. One instance per
 * reader; not thread-safe.
 */
final class ContentHash {

  private static final byte SEPARATOR = 0x1F;
  private static final byte NULL = 0x00;

  private final MessageDigest digest;
  private byte[] buffer = new byte[512];
  private int length;

  ContentHash() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  ContentHash add(@Nullable Object value) {
    if (value == null) {
      put(NULL);
    } else {
      String text = value.toString();
      ensure(text.length());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c >= 0x80) {
          putUtf8(text, i);
          break;
        }
        buffer[length++] = (byte) c;
      }
    }
    put(SEPARATOR);
    return this;
  }

  /** The hash of everything added since the last call; the buffer is reset for the next record. */
  String finish() {
    digest.update(buffer, 0, length);
    length = 0;
    byte[] full = digest.digest();
    return HexFormat.of().formatHex(full, 0, 16);
  }

  private void putUtf8(String text, int from) {
    byte[] rest = text.substring(from).getBytes(StandardCharsets.UTF_8);
    ensure(rest.length);
    System.arraycopy(rest, 0, buffer, length, rest.length);
    length += rest.length;
  }

  private void put(byte b) {
    ensure(1);
    buffer[length++] = b;
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
