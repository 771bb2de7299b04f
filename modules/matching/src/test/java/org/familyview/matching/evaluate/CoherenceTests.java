package org.familyview.matching.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.familyview.matching.SourceRecord;
import org.familyview.matching.standardise.StandardisedRecord;
import org.familyview.matching.standardise.Standardiser;
import org.junit.jupiter.api.Test;

class CoherenceTests {

  private final Standardiser standardiser = Standardiser.standard();

  private StandardisedRecord record(String id, String nhs, String upn) {
    return standardiser.standardise(
        SourceRecord.builder("health", id).name("Ava", "Hughes").nhsNumber(nhs).upn(upn).build());
  }

  @Test
  void aPersonHoldingTwoValidNhsNumbersIsCounted() {
    List<StandardisedRecord> records =
        List.of(record("1", "9434765919", null), record("2", "4010232137", null));

    Coherence together = Coherence.of(records, i -> "P1");
    Coherence apart = Coherence.of(records, i -> "P" + i);

    assertThat(together.nhsNumbers()).isEqualTo(1);
    assertThat(together.holds()).isFalse();
    assertThat(apart.holds()).isTrue();
  }

  @Test
  void aMistypedIdentifierIsNotAConflict() {
    List<StandardisedRecord> records =
        List.of(record("1", "9434765919", null), record("2", "9434765918", null));

    assertThat(Coherence.of(records, i -> "P1").holds()).isTrue();
  }

  @Test
  void theSameIdentifierTwiceIsNotAConflict() {
    List<StandardisedRecord> records =
        List.of(record("1", "9434765919", null), record("2", "943 476 5919", null));

    assertThat(Coherence.of(records, i -> "P1").holds()).isTrue();
  }
}
