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
  void writesTheSameUtf8BytesToAStreamAsThroughAWriter() throws Exception {
    int rows = 100_000;
    CsvRows.RowFormatter format =
        (i, row) -> row.value(VALUES.get(i % VALUES.size())).fixed(i / 3.0, 1_000_000);
    StringWriter text = new StringWriter();
    CsvRows.write(text, new String[] {"a", "p"}, rows, format);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    CsvRows.write(bytes, new String[] {"a", "p"}, rows, format);

    assertThat(bytes.toByteArray())
        .isEqualTo(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void fixedPointNumbersAreWrittenAsTheStringFormIs() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(14);
    for (long scale : new long[] {1, 10, 1000, 1_000_000}) {
      for (int i = 0; i < 20_000; i++) {
        double value =
            switch (i % 4) {
              case 0 -> random.nextDouble(-60, 60);
              case 1 -> random.nextDouble(-0.002, 0.002);
              case 2 -> 1 - random.nextDouble(0, 1e-5);
              default -> random.nextInt(-3, 3) / (double) scale;
            };
        StringBuilder text = new StringBuilder();
        new CsvRows.Row(text).value("x").fixed(value, scale);
        assertThat(text.toString())
            .as("%s at %d", value, scale)
            .isEqualTo("x," + LinkCommand.fixed(value, scale));
      }
    }
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
