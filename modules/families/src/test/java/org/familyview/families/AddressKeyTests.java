package org.familyview.families;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressKeyTests {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "12 Acacia Avenue, Halifax | 12 acacia ave halifax",
        "12 ACACIA AVE HALIFAX | 12 acacia ave halifax",
        "  12  Acacia   Av.,Halifax | 12 acacia ave halifax",
        "Flat 3, 40 St John's Road, Leeds | flat 3 40 st johns rd leeds",
        "Apartment 3, 40 St Johns Rd, Leeds | flat 3 40 st johns rd leeds",
        "9 Côte Lane, Otley | 9 cote ln otley",
        "UNKNOWN | NULL",
        "xxxx | NULL",
        "--- | NULL",
        "'' | NULL",
      })
  void normalisesTheAddressLine(String address, String key) {
    assertThat(AddressKey.of(address)).isEqualTo(key);
  }
}
