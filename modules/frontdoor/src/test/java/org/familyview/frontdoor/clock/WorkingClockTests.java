package org.familyview.frontdoor.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The clock of a hub open 09:00–17:00 Monday to Friday in London, with the England-and-Wales bank
 * holidays of late 2026 and spring 2027 (GOV.UK's list): Christmas Day is a Friday, Boxing Day a
 * Saturday, so Monday 28 December is its substitute day; New Year's Day 2027 is a Friday.
 */
class WorkingClockTests {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  static final WorkingClock HUB =
      new WorkingClock(
          LocalTime.of(9, 0),
          LocalTime.of(17, 0),
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          Set.of(
              LocalDate.of(2026, 12, 25),
              LocalDate.of(2026, 12, 28),
              LocalDate.of(2027, 1, 1),
              LocalDate.of(2027, 3, 26),
              LocalDate.of(2027, 3, 29)),
          LONDON);

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
  }

  @ParameterizedTest(name = "{0} + {1} working hours = {2}")
  @CsvSource({
    // Within one day.
    "2026-12-07T10:00, 4, 2026-12-07T14:00",
    // Runs past the close into the next morning.
    "2026-12-07T15:00, 4, 2026-12-08T11:00",
    // Before opening: the clock starts at nine.
    "2026-12-07T06:30, 4, 2026-12-07T13:00",
    // Friday afternoon: the weekend does not count.
    "2026-12-11T16:00, 4, 2026-12-14T12:00",
    // Received on Saturday: starts Monday at nine.
    "2026-12-12T11:00, 4, 2026-12-14T13:00",
    // Amber (24 working hours = three working days) from Monday 10:00.
    "2026-12-07T10:00, 24, 2026-12-10T10:00",
    // Christmas Eve (Thursday) 14:00, red: Christmas Day, the weekend and the Boxing Day
    // substitute are skipped; the deadline is Tuesday 29 December at ten.
    "2026-12-24T14:00, 4, 2026-12-29T10:00",
    // Green (72 working hours = nine working days) over Christmas and New Year.
    "2026-12-21T09:00, 72, 2027-01-05T17:00",
    // Easter 2027: Good Friday and Easter Monday; and the clocks go forward on 28 March.
    "2027-03-25T15:00, 4, 2027-03-30T11:00",
    // Exactly at the close: the time is used up at the close, not the next morning.
    "2026-12-07T13:00, 4, 2026-12-07T17:00",
  })
  void deadlinesCountOnlyWorkingHours(String from, int hours, String due) {
    assertThat(HUB.plus(at(from), Duration.ofHours(hours))).isEqualTo(at(due));
  }

  @Test
  void theWorkingTimeBetweenTwoInstantsLeavesOutNightsWeekendsAndBankHolidays() {
    assertThat(HUB.between(at("2026-12-24T14:00"), at("2026-12-29T10:00")))
        .isEqualTo(Duration.ofHours(4));
    assertThat(HUB.between(at("2026-12-11T16:00"), at("2026-12-12T16:00")))
        .isEqualTo(Duration.ofHours(1));
    assertThat(HUB.between(at("2026-12-08T10:00"), at("2026-12-07T10:00"))).isZero();
  }

  @Test
  void betweenUndoesPlus() {
    Instant from = at("2026-12-18T11:17");
    for (int hours : new int[] {1, 4, 8, 24, 72}) {
      Instant due = HUB.plus(from, Duration.ofHours(hours));
      assertThat(HUB.between(from, due)).as("%d hours", hours).isEqualTo(Duration.ofHours(hours));
    }
  }

  @Test
  void aHubThatNeverClosesCountsEveryHour() {
    WorkingClock always =
        new WorkingClock(
            LocalTime.MIDNIGHT,
            LocalTime.MIDNIGHT,
            EnumSet.allOf(DayOfWeek.class),
            Set.of(),
            LONDON);
    assertThat(always.plus(at("2026-12-25T22:00"), Duration.ofHours(4)))
        .isEqualTo(at("2026-12-26T02:00"));
  }

  @Test
  void aDayThatClosesBeforeItOpensIsRefused() {
    assertThatThrownBy(
            () ->
                new WorkingClock(
                    LocalTime.of(17, 0),
                    LocalTime.of(9, 0),
                    EnumSet.of(DayOfWeek.MONDAY),
                    Set.of(),
                    LONDON))
        .hasMessageContaining("close after it opens");
  }
}
