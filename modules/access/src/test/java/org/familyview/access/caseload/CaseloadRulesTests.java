package org.familyview.access.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.familyview.access.caseload.Caseloads.Assignment;
import org.familyview.access.caseload.Caseloads.Grant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The caseload rules the access decisions rest on: assignment dates, grant expiry, purposes. */
class CaseloadRulesTests {

  private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

  private static Assignment assignment(LocalDate from, @Nullable LocalDate to) {
    return new Assignment(UUID.randomUUID(), "keyworker1", "F-1", from, to, "lead");
  }

  @Test
  void anAssignmentHoldsFromItsFirstDayToItsLastBothIncluded() {
    Assignment december = assignment(MONDAY, MONDAY.plusDays(6));

    assertThat(december.currentOn(MONDAY)).isTrue();
    assertThat(december.currentOn(MONDAY.plusDays(6))).isTrue();
    assertThat(assignment(MONDAY.minusYears(1), null).currentOn(MONDAY)).isTrue();
  }

  @Test
  void anAssignmentDoesNotHoldBeforeItStartsOrAfterItEnds() {
    Assignment december = assignment(MONDAY, MONDAY.plusDays(6));

    assertThat(december.currentOn(MONDAY.minusDays(1))).isFalse();
    assertThat(december.currentOn(MONDAY.plusDays(7))).isFalse();
    assertThat(assignment(MONDAY.plusDays(1), null).currentOn(MONDAY)).isFalse();
  }

  private static Grant grantExpiring(Instant expiresAt) {
    return new Grant(UUID.randomUUID(), "keyworker1", "family", "F-1", "Safeguarding", expiresAt);
  }

  @Test
  void aGrantIsLiveUntilItExpires() {
    Instant now = Instant.parse("2026-12-07T11:00:00Z");

    assertThat(grantExpiring(now.plusSeconds(1)).liveAt(now)).isTrue();
  }

  @Test
  void aGrantLapsesAtItsExpiryInstant() {
    Instant now = Instant.parse("2026-12-07T11:00:00Z");

    assertThat(grantExpiring(now).liveAt(now)).isFalse();
    assertThat(grantExpiring(now.minusSeconds(1)).liveAt(now)).isFalse();
  }

  private final CaseloadProperties properties =
      new CaseloadProperties(
          List.of("Immediate safeguarding concern", "Court or statutory deadline"),
          Duration.ofHours(24));

  @Test
  void breakGlassIsAllowedForAListedPurpose() {
    assertThat(properties.allowsPurpose("Immediate safeguarding concern")).isTrue();
  }

  @Test
  void breakGlassIsRefusedForAnUnlistedOrMisspeltPurpose() {
    assertThat(properties.allowsPurpose("curiosity")).isFalse();
    assertThat(properties.allowsPurpose("immediate safeguarding concern")).isFalse();
  }
}
