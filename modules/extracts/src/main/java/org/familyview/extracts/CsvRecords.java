package org.familyview.extracts;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The raw CSV layer: Apache Commons CSV in RFC 4180 mode (quoted commas, doubled quotes and line
 * breaks, CRLF or LF) over strict UTF-8, giving each record with the physical line where it starts.
 *
 * <p>The start line of a record is one past the line count the parser has reached at the end of the
 * previous record: the parser counts every line break it reads, those inside quoted fields too, so
 * the row after a three-line address still gets the line the partner's editor shows. Empty lines
 * are records of one empty field here (not skipped by the parser), which keeps the count exact;
 * callers skip them.
 */
final class CsvRecords implements Closeable {

  private static final int BYTE_ORDER_MARK = 0xFEFF;

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  /** A record and the physical line it starts on. */
  record Numbered(CSVRecord record, long line) {
    boolean isBlank() {
      return record.size() == 1 && record.get(0).isBlank();
    }
  }

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private long previousEnd;

  CsvRecords(InputStream in) throws IOException {
    PushbackReader reader =
        new PushbackReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            1);
    // A byte-order mark is tolerated: dropped before the parser sees it, so a quoted first
    // header name still reads as quoted.
    int first = reader.read();
    if (first >= 0 && first != BYTE_ORDER_MARK) {
      reader.unread(first);
    }
    this.parser = FORMAT.parse(reader);
    this.records = parser.iterator();
  }

  /** The next record, or null at the end. */
  @Nullable Numbered next() {
    if (!records.hasNext()) {
      return null;
    }
    CSVRecord record = records.next();
    long start = previousEnd + 1;
    previousEnd = parser.getCurrentLineNumber();
    return new Numbered(record, start);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
