package org.familyview.extracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/** Hands each data record of a file to the row rules, after making sense of the header. */
final class CsvRowSource<C extends Enum<C> & Column, R extends ExtractRow>
    implements Rows.Source<R> {

  private final CsvRecords records;
  private final String file;
  private final int headerSize;
  private final int[] index;
  private final RowRules<C, R> rules;
  private @Nullable RowValues<C> values;

  private CsvRowSource(
      CsvRecords records, String file, int headerSize, int[] index, RowRules<C, R> rules) {
    this.records = records;
    this.file = file;
    this.headerSize = headerSize;
    this.index = index;
    this.rules = rules;
  }

  /** The header and what it means for the columns of this file kind. */
  record Header<C>(int size, int[] index, List<Problem> warnings, @Nullable Problem problem) {}

  /**
   * Opens the file and reads its header. The caller has already checked that the bytes are UTF-8
   * and the quoting is sound, so a decoding error here means the file changed underneath us.
   */
  static <C extends Enum<C> & Column, R extends ExtractRow> FileOpening<R> open(
      Path path, ExtractFile kind, Class<C> columns, long dataRows, RowRules<C, R> rules)
      throws IOException {
    CsvRecords records = new CsvRecords(Files.newInputStream(path));
    try {
      Header<C> header = readHeader(records, columns, kind.fileName());
      if (header.problem() != null) {
        records.close();
        return new FileOpening.FileRejected<>(header.problem());
      }
      CsvRowSource<C, R> source =
          new CsvRowSource<>(records, kind.fileName(), header.size(), header.index(), rules);
      return new FileOpening.Opened<>(new Rows<>(source), header.warnings(), dataRows);
    } catch (RuntimeException | IOException e) {
      records.close();
      throw e;
    }
  }

  private static <C extends Enum<C> & Column> Header<C> readHeader(
      CsvRecords records, Class<C> columns, String file) {
    CsvRecords.Numbered first = records.next();
    while (first != null && first.isBlank()) {
      first = records.next();
    }
    if (first == null) {
      return rejected(file, ProblemCode.EMPTY_FILE, "the file is empty");
    }
    CSVRecord header = first.record();
    C[] known = columns.getEnumConstants();
    int[] index = new int[known.length];
    Arrays.fill(index, -1);
    List<Problem> warnings = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      name = name.strip().toLowerCase(Locale.ROOT);
      C column = find(known, name);
      if (column == null) {
        warnings.add(
            new Problem(
                file,
                1,
                name,
                ProblemCode.UNKNOWN_COLUMN,
                name.isEmpty()
                    ? "column " + (i + 1) + " has no name; it is ignored"
                    : "column " + name + " is not in the contract; it is ignored"));
      } else if (index[column.ordinal()] >= 0) {
        return rejected(
            file, ProblemCode.DUPLICATE_COLUMN, "column " + name + " appears twice in the header");
      } else {
        index[column.ordinal()] = i;
      }
    }
    for (C column : known) {
      if (column.requiredInHeader() && index[column.ordinal()] < 0) {
        return rejected(
            file,
            ProblemCode.MISSING_COLUMN,
            "required column "
                + column.header()
                + " is missing from the header row"
                + (warnings.size() == header.size() ? " (is the header row missing?)" : ""));
      }
    }
    if ((Class<?>) columns == PersonColumn.class
        && index[PersonColumn.GIVEN_NAME.ordinal()] < 0
        && index[PersonColumn.FAMILY_NAME.ordinal()] < 0) {
      return rejected(
          file,
          ProblemCode.MISSING_COLUMN,
          "the header row has neither a given_name nor a family_name column");
    }
    return new Header<>(header.size(), index, warnings, null);
  }

  private static <C> Header<C> rejected(String file, ProblemCode code, String reason) {
    return new Header<>(0, new int[0], List.of(), new Problem(file, 1, null, code, reason));
  }

  private static <C extends Enum<C> & Column> @Nullable C find(C[] known, String name) {
    for (C column : known) {
      if (column.header().equals(name)) {
        return column;
      }
    }
    return null;
  }

  @Override
  public @Nullable RowOutcome<R> next() {
    CsvRecords.Numbered numbered;
    while ((numbered = records.next()) != null) {
      if (numbered.isBlank()) {
        continue;
      }
      CSVRecord record = numbered.record();
      if (record.size() != headerSize) {
        return new RowOutcome.Rejected<>(
            new Problem(
                file,
                numbered.line(),
                null,
                ProblemCode.FIELD_COUNT,
                "the row has "
                    + record.size()
                    + " fields but the header has "
                    + headerSize
                    + "; is a comma in a value not quoted?"));
      }
      if (values == null) {
        values = new RowValues<>(index, record);
      } else {
        values.moveTo(record);
      }
      return rules.apply(values, numbered.line());
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    records.close();
  }
}
