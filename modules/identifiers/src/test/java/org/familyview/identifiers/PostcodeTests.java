package org.familyview.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeTests {

  @ParameterizedTest(name = "{0} -> unit {1}, sector {2}, district {3}, area {4}")
  @CsvSource({
    "M1 1AE, M1 1AE, M1 1, M1, M",
    "B33 8TH, B33 8TH, B33 8, B33, B",
    "CR2 6XH, CR2 6XH, CR2 6, CR2, CR",
    "DN55 1PT, DN55 1PT, DN55 1, DN55, DN",
    "W1A 0AX, W1A 0AX, W1A 0, W1A, W",
    "EC1A 1BB, EC1A 1BB, EC1A 1, EC1A, EC",
    "SW1A 1AA, SW1A 1AA, SW1A 1, SW1A, SW",
    "sw1a1aa, SW1A 1AA, SW1A 1, SW1A, SW",
    "'  ls6   2ab ', LS6 2AB, LS6 2, LS6, LS",
    "BT1 1AA, BT1 1AA, BT1 1, BT1, BT",
    "JE2 3AB, JE2 3AB, JE2 3, JE2, JE",
    "GIR 0AA, GIR 0AA, GIR 0, GIR, GIR"
  })
  void parsesEveryOutwardFormatIntoItsParts(
      String raw, String unit, String sector, String district, String area) {
    Postcode postcode = Postcode.parse(raw).orElseThrow();
    assertThat(postcode.unit()).isEqualTo(unit);
    assertThat(postcode.sector()).isEqualTo(sector);
    assertThat(postcode.district()).isEqualTo(district);
    assertThat(postcode.area()).isEqualTo(area);
  }

  @ParameterizedTest(name = "{0} is not a UK postcode")
  @ValueSource(
      strings = {
        "12345", // US ZIP code
        "90210-1234",
        "D02 X285", // Irish Eircode
        "K1A 0B1", // Canadian
        "STHL 1ZZ", // St Helena: an overseas territory, not the UK
        "QA1 1AA", // Q never first
        "AI1 1AA", // I never second
        "W1I 0AX", // I not allowed third in A9A
        "EC1C 1BB", // C not allowed fourth in AA9A
        "SW1A 1CA", // C never in the inward code
        "SW1A 1AAA",
        "SW1A",
        "1AA SW1"
      })
  void rejectsNonUkFormats(String raw) {
    assertThat(Postcode.read(raw)).isInstanceOf(Reading.Invalid.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "ZZ99 3VZ", "zz993wz"})
  void blankAndNhsPseudoPostcodesAreMissing(String raw) {
    assertThat(Postcode.read(raw)).isEqualTo(Reading.missing());
  }
}
