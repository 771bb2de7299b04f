package org.familyview.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyRowsTests {

  @Test
  void escapesWhatCopyTextFormatGivesMeaningToAndWritesNullsAsBackslashN() {
    CopyRows rows = new CopyRows("t", "a, b, c, d");
    rows.value("tab\there").value("line\r\nbreak").value(null).value("back\\slash").endRow();

    assertThat(rows.text()).isEqualTo("tab\\there\tline\\r\\nbreak\t\\N\tback\\\\slash\n");
    assertThat(rows.rows()).isEqualTo(1);
  }

  @Test
  void dropsNulCharactersPostgresqlTextCannotHold() {
    assertThat(new CopyRows("t", "a").value("a\0b").endRow().text()).isEqualTo("ab\n");
  }
}
