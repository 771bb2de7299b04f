package org.familyview.ingest.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.familyview.ingest.extract.Feedback;

/**
 * The rejects of an extract as CSV for the partner to open in a spreadsheet. A cell that starts
 * with {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe, so a spreadsheet
 * shows it as text instead of running it as a formula (OWASP, "CSV Injection").
 */
final class RejectsCsv implements AutoCloseable {

  static final String[] HEADER = {"file", "line", "field", "code", "reason"};

  private final CSVPrinter printer;

  RejectsCsv(Writer out) throws IOException {
    this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
    printer.printRecord((Object[]) HEADER);
  }

  void add(Feedback f) {
    try {
      printer.printRecord(
          neutralise(f.file()),
          Long.toString(f.line()),
          neutralise(f.field() == null ? "" : f.field()),
          neutralise(f.code()),
          neutralise(f.reason()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String neutralise(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    return switch (cell.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
      default -> cell;
    };
  }

  @Override
  public void close() throws IOException {
    printer.flush();
  }
}
