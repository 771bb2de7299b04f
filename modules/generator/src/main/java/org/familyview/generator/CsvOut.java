package org.familyview.generator;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Writes one CSV file in the contract's dialect (UTF-8, LF, RFC 4180 quoting only where needed),
 * and counts physical lines so invalid rows can be reported by line. Encodes into its own byte
 * buffer: a Writer takes a lock and a bounds check per character, which was most of the generator's
 * time.
 */
final class CsvOut implements Closeable {

  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 18];
  private int used;
  private boolean firstField = true;
  private long linesWritten;

  CsvOut(Path file) throws IOException {
    this.out = Files.newOutputStream(file);
  }

  /** The physical line the next row will start on. */
  long nextLine() {
    return linesWritten + 1;
  }

  CsvOut field(@Nullable String value) throws IOException {
    if (!firstField) {
      put((byte) ',');
    }
    firstField = false;
    if (value == null || value.isEmpty()) {
      return this;
    }
    boolean quote = false;
    boolean ascii = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        if (c == '\n') {
          linesWritten++;
        }
      } else if (c >= 0x80) {
        ascii = false;
      }
    }
    if (!ascii || value.length() * 2 + 2 > buffer.length) {
      writeEncoded(value, quote);
      return this;
    }
    ensure(value.length() * 2 + 2);
    if (quote) {
      buffer[used++] = '"';
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        buffer[used++] = '"';
      }
      buffer[used++] = (byte) c;
    }
    if (quote) {
      buffer[used++] = '"';
    }
    return this;
  }

  CsvOut fields(@Nullable String... values) throws IOException {
    for (String value : values) {
      field(value);
    }
    return this;
  }

  void endRow() throws IOException {
    put((byte) '\n');
    linesWritten++;
    firstField = true;
  }

  private void writeEncoded(String value, boolean quote) throws IOException {
    String text = quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ensure(bytes.length);
    if (bytes.length > buffer.length) {
      out.write(bytes);
      return;
    }
    System.arraycopy(bytes, 0, buffer, used, bytes.length);
    used += bytes.length;
  }

  private void put(byte b) throws IOException {
    ensure(1);
    buffer[used++] = b;
  }

  private void ensure(int room) throws IOException {
    if (used + room > buffer.length) {
      out.write(buffer, 0, used);
      used = 0;
    }
  }

  @Override
  public void close() throws IOException {
    try (out) {
      out.write(buffer, 0, used);
      used = 0;
    }
  }
}
