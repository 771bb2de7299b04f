package org.familyview.pipeline.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.familyview.families.HouseholdConflict;
import org.familyview.families.SourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseholdConflictTasksTests {

  @ParameterizedTest(name = "child {0}, police {1} -> {2}")
  @CsvSource({"true, true, 3999", "true, false, 2999", "false, true, 1999", "false, false, 999"})
  void childrenThenPoliceFirst(boolean child, boolean police, int priority) {
    assertThat(HouseholdConflictTasks.priority(child, police)).isEqualTo(priority);
  }

  @Test
  void aLeavingThatLeftTheHouseholdButNotTheAddressSaysSo() {
    HouseholdConflict conflict =
        new HouseholdConflict.LeftButStillListed(
            "P0000002",
            new SourceRef("COUNCIL", "LA2"),
            LocalDate.of(2026, 3, 2),
            "12 acacia ave halifax",
            "12 Acacia Avenue, Halifax",
            "HH1",
            null,
            false,
            new SourceRef("EDUCATION", "ED2"),
            LocalDate.of(2025, 9, 1));

    Map<String, Object> detail = HouseholdConflictTasks.detail(conflict);

    assertThat(detail)
        .containsEntry("conflict", "LEFT_BUT_STILL_LISTED")
        .containsEntry(
            "summary",
            "COUNCIL LA2 no longer lists the person in household HH1 from 2026-03-02, while"
                + " EDUCATION ED2 still lists them at the address (since 2025-09-01).");
    assertThat(conflict.records())
        .containsExactly(new SourceRef("COUNCIL", "LA2"), new SourceRef("EDUCATION", "ED2"));
  }

  @Test
  void aCommunalAddressSaysHowManyAdults() {
    HouseholdConflict conflict =
        new HouseholdConflict.CommunalAddress(
            "hope ho 1 station rd leeds",
            "Hope House, 1 Station Road, Leeds",
            9,
            List.of("P1", "P2"),
            List.of(new SourceRef("HEALTH", "RX1")));

    assertThat(HouseholdConflictTasks.detail(conflict))
        .containsEntry("conflict", "COMMUNAL_ADDRESS")
        .containsEntry("adults", 9);
    assertThat(conflict.dedupeKey()).isEqualTo("household:communal:hope ho 1 station rd leeds");
  }
}
