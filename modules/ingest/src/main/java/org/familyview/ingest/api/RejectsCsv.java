package org.familyview.ingest.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.familyview.ingest.extract.Feedback;
import org.familyview.portal.web.SpreadsheetCells;

/**
 * The rejects of an extract as CSV for the partner to open in a spreadsheet, every cell neutralised
 * against formula injection by the portal's one rule ({@link SpreadsheetCells}).
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
    return SpreadsheetCells.neutralise(cell);
  }

  @Override
  public void close() throws IOException {
    printer.flush();
  }
}
