package org.familyview.casefile.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberBasisTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "co-resident at flat 5 114 church ln leeds | same address",
        "co-resident at flat 5 114 church ln leeds; POLICE household H77 | same address; same household in police records",
        "stated parent of P0000012 (police police.child_concern on 2023-05-01) | named as a parent in police records",
        "co-resident at a; co-resident at b | same address",
        "a child known to the agencies without a household (P0000003) | known to the agencies without a household"
      })
  void theBasisIsSaidWithoutKeysOrIds(String basis, String words) {
    assertThat(MemberBasis.WORDS.words(basis)).isEqualTo(words);
  }
}
