package org.familyview.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FamilyNamesTests {

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "Hughes, '14 Halcon Road, Leeds, LS6 1AA', 'The Hughes family, 14 Halcon Road'",
        "HUGHES, 14 HALCON ROAD, 'The Hughes family, 14 Halcon Road'",
        "Martin-Davis, 'flat 5, 114 church ln, leeds', 'The Martin-Davis family, Flat 5, 114 Church Ln'",
        "O'Neill, null, The O'Neill family",
        "null, 2 New Street, The family at 2 New Street",
        "null, null, Family F0000018",
        "'  ', '  ', Family F0000018"
      })
  void aFamilyIsNamedBySurnameAndFirstLineOfAddress(String surname, String address, String name) {
    assertThat(FamilyNames.name(surname, address, "F0000018")).isEqualTo(name);
  }
}
