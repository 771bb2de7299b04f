package org.familyview.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameKeysTests {

  @ParameterizedTest
  @CsvSource({
    "Zoë, zoe",
    "  ÁNGEL  José , angel jose",
    "O'Brien, obrien",
    "O’Brien, obrien",
    "Smith-Jones, smith jones",
    "ŁUKASZ, łukasz"
  })
  void folds(String raw, String folded) {
    assertThat(NameKeys.fold(raw)).isEqualTo(folded);
  }

  @ParameterizedTest
  @CsvSource({
    "Phillips, Philips",
    "Smith, Smyth",
    "Catherine, Kathryn",
    "Stephen, Steven",
    "Jon, John"
  })
  void namesThatSoundAlikeShareAPhoneticKey(String one, String other) {
    assertThat(NameKeys.phonetic(one)).containsAnyElementsOf(NameKeys.phonetic(other));
  }

  @ParameterizedTest
  @CsvSource({"Smith, Jones", "Ahmed, Patel", "Ryan, Brian"})
  void namesThatDoNotSoundAlikeDoNot(String one, String other) {
    assertThat(NameKeys.phonetic(one)).doesNotContainAnyElementsOf(NameKeys.phonetic(other));
  }
}
