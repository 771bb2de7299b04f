package org.familyview.linktool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

class CsvRowsTests {

  private static final List<String> VALUES =
      List.of(
          "police",
          "P0000123",
          "-3.250",
          "0.999999",
          "NO_LINK",
          "",
          " leading space",
          "trailing space ",
          "comma,inside",
          "quote\"inside",
          "#hash",
          "!bang",
          "line\nbreak",
          "ünïcode",
          "a:b.c_d-e",
          "2026-11-21T22:44:15Z");

  @Test
  void writesWhatCsvPrinterWrites() throws Exception {
    int rows = 70_000;
    StringWriter fast = new StringWriter();
    CsvRows.write(
        fast,
        new String[] {"a", "b", "c"},
        rows,
        (i, row) ->
            row.value(VALUES.get(i % VALUES.size()))
                .value(VALUES.get((i / 3) % VALUES.size()))
                .fixed(i / 7.0 - 5000, 1000));

    StringWriter printed = new StringWriter();
    try (CSVPrinter csv =
        new CSVPrinter(printed, CSVFormat.DEFAULT.builder().setHeader("a", "b", "c").get())) {
      for (int i = 0; i < rows; i++) {
        csv.printRecord(
            VALUES.get(i % VALUES.size()),
            VALUES.get((i / 3) % VALUES.size()),
            LinkCommand.fixed(i / 7.0 - 5000, 1000));
      }
    }
    assertThat(fast.toString()).isEqualTo(printed.toString());
  }

  @Test
  void quotesAnEmptyFirstValueAsTheFormatDoes() throws Exception {
    StringWriter fast = new StringWriter();
    CsvRows.write(fast, new String[] {"x", "y"}, 1, (i, row) -> row.value("").value(""));
    StringWriter printed = new StringWriter();
    try (CSVPrinter csv =
        new CSVPrinter(printed, CSVFormat.DEFAULT.builder().setHeader("x", "y").get())) {
      csv.printRecord("", "");
    }
    assertThat(fast.toString()).isEqualTo(printed.toString());
  }
}
