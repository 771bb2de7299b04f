package org.familyview.linktool;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes CSV exactly as {@code CSVFormat.DEFAULT} prints it, for files of millions of rows: a value
 * of letters, digits and {@code - . _ :} (which that format never quotes) is appended as it is,
 * anything else goes through the format itself; rows are formatted in parallel, a window at a time,
 * and written in order. A million-record run writes about nine million pairs.
 */
final class CsvRows {

  /** Rows formatted by one task. */
  private static final int CHUNK = 1 << 15;

  /** Chunks formatted before they are written: bounds the memory held to a few tens of MB. */
  private static final int WINDOW = 16;

  /** Appends one row's values to a buffer. */
  @FunctionalInterface
  interface RowFormatter {
    void format(int row, Row out);
  }

  private CsvRows() {}

  static void write(Writer out, String[] header, int rows, RowFormatter formatter)
      throws IOException {
    write(header, rows, formatter, text -> text, out::write);
  }

  /**
   * As {@link #write(Writer, String[], int, RowFormatter)} in UTF-8 straight to a stream: each
   * chunk is encoded by the task that formatted it, so the writing thread only copies bytes.
   */
  static void write(OutputStream out, String[] header, int rows, RowFormatter formatter)
      throws IOException {
    write(header, rows, formatter, text -> text.getBytes(StandardCharsets.UTF_8), out::write);
  }

  private interface Sink<T> {
    void write(T chunk) throws IOException;
  }

  private static <T> void write(
      String[] header, int rows, RowFormatter formatter, Function<String, T> encode, Sink<T> out)
      throws IOException {
    Row head = new Row(new StringBuilder());
    for (String name : header) {
      head.value(name);
    }
    head.end();
    out.write(encode.apply(head.text.toString()));
    int chunks = (rows + CHUNK - 1) / CHUNK;
    for (int from = 0; from < chunks; from += WINDOW) {
      IntFunction<T> chunk =
          c -> {
            Row row = new Row(new StringBuilder(CHUNK * 64));
            int end = Math.min(rows, (c + 1) * CHUNK);
            for (int i = c * CHUNK; i < end; i++) {
              formatter.format(i, row);
              row.end();
            }
            return encode.apply(row.text.toString());
          };
      List<T> texts =
          IntStream.range(from, Math.min(chunks, from + WINDOW))
              .parallel()
              .mapToObj(chunk)
              .toList();
      for (T text : texts) {
        out.write(text);
      }
    }
  }

  /** One row being formatted. */
  static final class Row {
    private final StringBuilder text;
    private boolean first = true;

    Row(StringBuilder text) {
      this.text = text;
    }

    Row value(String value) {
      if (plain(value)) {
        if (!first) {
          text.append(',');
        }
        text.append(value);
      } else {
        try {
          CSVFormat.DEFAULT.print(value, text, first);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      first = false;
      return this;
    }

    /**
     * Cells already rendered by {@link #value} as at this place in the row: a slice of {@code text}
     * holding one or more values and the comma before them unless the row starts with them.
     */
    Row cells(String text, int from, int to) {
      this.text.append(text, from, to);
      first = false;
      return this;
    }

    /**
     * A fixed-point number, as {@link LinkCommand#fixed} writes it (never quoted), appended digit
     * by digit: three strings per number were a visible share of writing 25 M pairs.
     */
    Row fixed(double value, long scale) {
      if (!first) {
        text.append(',');
      }
      long scaled = Math.round(value * scale);
      if (scaled < 0) {
        text.append('-');
        scaled = -scaled;
      }
      long fraction = scaled % scale;
      text.append(scaled / scale).append('.');
      if (scale > 1) {
        for (long place = scale / 10; place > 1 && fraction < place; place /= 10) {
          text.append('0');
        }
        text.append(fraction);
      }
      first = false;
      return this;
    }

    void end() {
      text.append("\r\n");
      first = true;
    }
  }

  /** Values CSVFormat.DEFAULT prints without quotes: non-empty, of these characters only. */
  static boolean plain(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == ':';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
