package org.familyview.ingest.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.Extracts;
import org.familyview.ingest.extract.Feedback;
import org.familyview.ingest.extract.FeedbackKind;
import org.familyview.portal.web.SpreadsheetCells;

/**
 * The rejects of an extract as CSV for the partner to open in a spreadsheet, every cell neutralised
 * against formula injection by the portal's one rule ({@link SpreadsheetCells}).
 */
public final class RejectsCsv implements AutoCloseable {

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

  /**
   * Sends every reject of the extract as a CSV attachment: the one download behind both doors (the
   * API's bearer token and the pages' session), so both give the same file.
   */
  public static void send(Extracts extracts, Extract extract, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"rejects-"
            + extract.agency().code()
            + "-"
            + extract.id()
            + ".csv\"");
    try (OutputStreamWriter writer =
            new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        RejectsCsv csv = new RejectsCsv(writer)) {
      extracts.eachFeedback(extract.id(), FeedbackKind.REJECT, csv::add);
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
