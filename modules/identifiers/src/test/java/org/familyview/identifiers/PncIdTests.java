package org.familyview.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The valid examples are the PNC ids published in the Ministry of Justice person record service's
 * tests (hmpps-person-record), an independent implementation of the same modulus-23 rule.
 */
class PncIdTests {

  @ParameterizedTest(name = "{0} is valid as {1}")
  @CsvSource({
    "79/163001B, 79/0163001B",
    "79/0163001B, 79/0163001B",
    "1979/0163001B, 79/0163001B",
    "19790163001B, 79/0163001B",
    "79163001B, 79/0163001B",
    "02/73319Z, 02/0073319Z",
    "0273319Z, 02/0073319Z",
    "81/34U, 81/0000034U",
    "00/223R, 00/0000223R",
    "67/9893091D, 67/9893091D",
    "2008/0056560Z, 08/0056560Z",
    "2003/0062845E, 03/0062845E",
    "1981/0154257C, 81/0154257C",
    "2001/0171310W, 01/0171310W",
    "2011/0275516Q, 11/0275516Q",
    "20030011985X, 03/0011985X",
    "20120052494Q, 12/0052494Q",
    "20230583843L, 23/0583843L",
    "79/163001b, 79/0163001B"
  })
  void validIdsInShortCanonicalAndLongFormNormaliseToCanonical(String raw, String canonical) {
    assertThat(PncId.read(raw)).isEqualTo(new Reading.Valid<>(new PncId(canonical)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "20030011985Z, has the wrong check character",
    "2001/0171310S, has the wrong check character",
    "79/163001C, has the wrong check character",
    "1X23/1234567A, is not in the form YY/NNNNNNNL",
    "1923[1234567A, is not in the form YY/NNNNNNNL",
    "1923/1Z34567A, is not in the form YY/NNNNNNNL",
    "1923/1234567AA, is not in the form YY/NNNNNNNL",
    "79/12345678B, is not in the form YY/NNNNNNNL",
    "123/4567B, is not in the form YY/NNNNNNNL",
    "TOTALLYINVALID, is not in the form YY/NNNNNNNL"
  })
  void invalidIdsSayWhatIsWrong(String raw, String reason) {
    assertThat(PncId.read(raw)).isEqualTo(Reading.invalid(reason));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " "})
  void blankIsMissing(String raw) {
    assertThat(PncId.read(raw)).isEqualTo(Reading.missing());
  }

  @ParameterizedTest(name = "{0}/{1} -> {2}")
  @CsvSource({"79, 163001, 79/0163001B", "2, 73319, 02/0073319Z", "8, 56560, 08/0056560Z"})
  void generatorsAddTheCheckCharacter(int year, int serial, String expected) {
    PncId id = PncId.withCheckCharacter(year, serial);
    assertThat(id.value()).isEqualTo(expected);
    assertThat(id.year()).isEqualTo(year);
    assertThat(id.serial()).isEqualTo(serial);
  }

  @Test
  void checkCharactersCoverTheWholeAlphabet() {
    var seen = new java.util.HashSet<Character>();
    for (int serial = 0; serial < 23; serial++) {
      seen.add(PncId.withCheckCharacter(10, serial).value().charAt(10));
    }
    assertThat(seen).hasSize(23).doesNotContain('I', 'O', 'S');
  }
}
