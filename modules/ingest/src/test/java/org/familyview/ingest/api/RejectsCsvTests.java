package org.familyview.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.familyview.ingest.extract.Feedback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RejectsCsvTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "=SUM(A1:A9)|'=SUM(A1:A9)",
        "+44 20 7946 0000|'+44 20 7946 0000",
        "-1|'-1",
        "@cmd|'@cmd",
        "plain reason|plain reason",
        "a=b|a=b"
      })
  void cellsThatASpreadsheetWouldRunAsAFormulaBecomeText(String cell, String expected) {
    assertThat(RejectsCsv.neutralise(cell)).isEqualTo(expected);
  }

  @Test
  void tabAndCarriageReturnAtTheStartAreNeutralisedToo() {
    assertThat(RejectsCsv.neutralise("\t=1")).isEqualTo("'\t=1");
    assertThat(RejectsCsv.neutralise("\r=1")).isEqualTo("'\r=1");
  }

  @Test
  void writesAHeaderAndQuotesCellsThatNeedIt() throws Exception {
    StringWriter out = new StringWriter();
    try (RejectsCsv csv = new RejectsCsv(out)) {
      csv.add(
          new Feedback("persons.csv", 4, "record_id", "MISSING_REQUIRED", "record_id, missing"));
      csv.add(new Feedback("events.csv", 3, null, "UNKNOWN_PERSON", "=HYPERLINK(\"x\")"));
    }
    assertThat(out.toString())
        .isEqualTo(
            "file,line,field,code,reason\r\n"
                + "persons.csv,4,record_id,MISSING_REQUIRED,\"record_id, missing\"\r\n"
                + "events.csv,3,,UNKNOWN_PERSON,\"'=HYPERLINK(\"\"x\"\")\"\r\n");
  }
}
