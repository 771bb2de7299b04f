package org.familyview.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Writes one CSV file in the contract's dialect (UTF-8, LF, RFC 4180 quoting only where needed)
 * through a large buffer, and counts physical lines so invalid rows can be reported by line.
 */
final class CsvOut implements Closeable {

  private final BufferedWriter out;
  private boolean firstField = true;
  private long linesWritten;

  CsvOut(Path file) throws IOException {
    this.out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 17);
  }

  /** The physical line the next row will start on. */
  long nextLine() {
    return linesWritten + 1;
  }

  CsvOut field(@Nullable String value) throws IOException {
    if (!firstField) {
      out.write(',');
    }
    firstField = false;
    if (value == null || value.isEmpty()) {
      return this;
    }
    boolean quote = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        if (c == '\n') {
          linesWritten++;
        }
      }
    }
    if (!quote) {
      out.write(value);
      return this;
    }
    out.write('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.write('"');
      }
      out.write(c);
    }
    out.write('"');
    return this;
  }

  CsvOut fields(String... values) throws IOException {
    for (String value : values) {
      field(value);
    }
    return this;
  }

  void endRow() throws IOException {
    out.write('\n');
    linesWritten++;
    firstField = true;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
