package org.familyview.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.familyview.frontdoor.clock.WorkingClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The board's figures from contacts in known states. */
class BoardTests {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final WorkingClock CLOCK =
      new WorkingClock(
          LocalTime.of(9, 0),
          LocalTime.of(17, 0),
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          Set.of(),
          LONDON);
  // Monday 7 December 2026, 15:00 in London.
  static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");
  static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");

  static Contact contact(
      String subject,
      String source,
      Rag rag,
      Instant raised,
      Instant due,
      @Nullable Outcome outcome,
      @Nullable Instant decided,
      Contact.Check... checks) {
    return new Contact(
        UUID.randomUUID(),
        new Contact.Subject(Contact.Subject.Kind.FAMILY, subject),
        subject,
        source,
        "concern",
        rag,
        raised,
        due,
        "mash1",
        null,
        List.of(checks),
        outcome == null ? null : new Contact.Decision(outcome, "why", decided, "mash1"));
  }

  static Contact.Check check(
      String partner, Instant due, boolean answered, @Nullable Boolean nothing) {
    return new Contact.Check(
        partner,
        due,
        answered ? CheckStatus.ANSWERED : CheckStatus.REQUESTED,
        List.of("R1"),
        answered ? "answer" : null,
        nothing,
        answered ? due.minusSeconds(60) : null,
        answered ? "x" : null);
  }

  @Test
  void theBoardCountsWhatInspectorsLookAt() {
    Instant monday9 = Instant.parse("2026-12-07T09:00:00Z");
    Contact decidedInTime =
        contact(
            "F1",
            "police",
            Rag.RED,
            monday9,
            monday9.plus(Duration.ofHours(4)),
            Outcome.NO_FURTHER_ACTION,
            monday9.plus(Duration.ofHours(2)),
            check("police", monday9.plus(Duration.ofHours(2)), true, true),
            check("health", monday9.plus(Duration.ofHours(2)), false, null));
    Contact decidedLate =
        contact(
            "F2",
            "police",
            Rag.RED,
            monday9,
            monday9.plus(Duration.ofHours(4)),
            Outcome.EARLY_HELP,
            monday9.plus(Duration.ofHours(5)));
    Contact openOverdue =
        contact(
            "F3",
            "health",
            Rag.AMBER,
            FROM.plusSeconds(3600),
            NOW.minusSeconds(60),
            null,
            null,
            check("health", NOW.minusSeconds(3600), false, null));
    // A repeat: F1 had a contact in October, within the 12 months before.
    Contact october =
        contact(
            "F1",
            "public",
            Rag.GREEN,
            Instant.parse("2026-10-01T10:00:00Z"),
            Instant.parse("2026-10-14T10:00:00Z"),
            Outcome.NO_FURTHER_ACTION,
            Instant.parse("2026-10-02T10:00:00Z"));

    Board board =
        Board.of(
            FROM,
            NOW,
            List.of(decidedInTime, decidedLate, openOverdue),
            List.of(october),
            CLOCK,
            Period.ofMonths(12));

    assertThat(board.contacts()).isEqualTo(3);
    assertThat(board.bySourceAndRag().get("police").get(Rag.RED)).isEqualTo(2);
    assertThat(board.bySourceAndRag().get("health").get(Rag.AMBER)).isEqualTo(1);
    assertThat(board.bySourceAndRag()).doesNotContainKey("public");
    assertThat(board.timeliness().get(Rag.RED)).isEqualTo(new Board.Timeliness(1, 1, 0, 0, 3.5));
    assertThat(board.timeliness().get(Rag.AMBER).overdue()).isEqualTo(1);
    assertThat(board.checksByPartner().get("police")).isEqualTo(new Board.Checks(1, 1, 0, 0, 1));
    // The health check of F1 was due at 11:00 and is unanswered at 15:00: overdue.
    assertThat(board.checksByPartner().get("health")).isEqualTo(new Board.Checks(2, 0, 0, 2, 0));
    assertThat(board.noFurtherAction()).isEqualTo(new Board.Rate(1, 2, 0.5));
    assertThat(board.repeats()).isEqualTo(new Board.Rate(1, 3, 0.333));
  }
}
