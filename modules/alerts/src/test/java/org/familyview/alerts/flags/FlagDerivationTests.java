package org.familyview.alerts.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.familyview.alerts.flags.FlagDerivation.Derived;
import org.familyview.alerts.flags.FlagDerivation.Observed;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FlagDerivationTests {

  static final String START = "council.child_protection_plan_start";
  static final String END = "council.child_protection_plan_end";
  static final String MISSING = "police.missing_person";
  static final String DA = "police.domestic_abuse_incident";

  static final FlagRules RULES =
      new FlagRules(
          Period.ofMonths(12),
          List.of(
              new FlagRules.Plan(
                  "CHILD_PROTECTION_PLAN",
                  "Child protection plan",
                  Set.of(START),
                  Set.of(END),
                  "csc")),
          List.of(
              new FlagRules.Repeat(
                  "REPEAT_MISSING",
                  "Repeat missing",
                  MISSING,
                  3,
                  Period.ofMonths(12),
                  Period.ofMonths(12),
                  "police")),
          List.of(
              new FlagRules.Household(
                  "OPERATION_ENCOMPASS",
                  "Domestic abuse at home",
                  DA,
                  Period.ofDays(28),
                  "police")));

  final FlagDerivation derivation = new FlagDerivation(RULES);

  static Observed event(String person, String type, String on) {
    return new Observed(person, type, LocalDate.parse(on), type + "@" + on);
  }

  List<Derived> derive(LocalDate today, Observed... events) {
    return derivation.derive(List.of(events), Map.of(), today);
  }

  @Test
  void anOpenPlanIsFlaggedFromItsStartWithNoEnd() {
    List<Derived> flags = derive(LocalDate.of(2026, 12, 7), event("c", START, "2026-03-01"));

    assertThat(flags).hasSize(1);
    Derived flag = flags.get(0);
    assertThat(flag.type()).isEqualTo("CHILD_PROTECTION_PLAN");
    assertThat(flag.since()).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThat(flag.until()).isNull();
    assertThat(flag.visibleUntil()).isNull();
    assertThat(flag.owner()).isEqualTo("csc");
  }

  /** Visible through twelve months after the plan's end, the last day included, then gone. */
  @ParameterizedTest(name = "ended 2025-12-07, today {0}: visible {1}")
  @CsvSource({
    "2025-12-07, true",
    "2026-06-01, true",
    "2026-12-07, true",
    "2026-12-08, false",
    "2027-05-01, false"
  })
  void anEndedPlanStaysVisibleForTwelveMonths(LocalDate today, boolean visible) {
    List<Derived> flags =
        derive(today, event("c", START, "2025-01-10"), event("c", END, "2025-12-07"));

    assertThat(flags.isEmpty()).isEqualTo(!visible);
    if (visible) {
      assertThat(flags.get(0).since()).isEqualTo(LocalDate.of(2025, 1, 10));
      assertThat(flags.get(0).until()).isEqualTo(LocalDate.of(2025, 12, 7));
      assertThat(flags.get(0).visibleUntil()).isEqualTo(LocalDate.of(2026, 12, 7));
    }
  }

  /**
   * Starts and ends in any order make one plan: from the start that opened it to the end that
   * closed it (none while open).
   */
  static Stream<Arguments> plans() {
    return Stream.of(
        Arguments.of(
            "a plan restarted after it ended is open from the new start",
            List.of(
                event("c", START, "2023-01-01"),
                event("c", END, "2023-09-01"),
                event("c", START, "2026-02-02")),
            LocalDate.of(2026, 2, 2),
            null),
        Arguments.of(
            "a second start while open continues the plan; an end without a start is ignored",
            List.of(
                event("c", END, "2024-01-01"),
                event("c", START, "2025-01-01"),
                event("c", START, "2025-06-01"),
                event("c", END, "2026-01-31")),
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2026, 1, 31)),
        Arguments.of(
            "a plan starting and ending on one day is closed, not open",
            List.of(event("c", END, "2026-05-05"), event("c", START, "2026-05-05")),
            LocalDate.of(2026, 5, 5),
            LocalDate.of(2026, 5, 5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void startsAndEndsMakeOnePlan(
      String plan, List<Observed> events, LocalDate since, @Nullable LocalDate until) {
    List<Derived> flags = derive(LocalDate.of(2026, 12, 7), events.toArray(Observed[]::new));

    assertThat(flags)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.since()).isEqualTo(since);
              assertThat(f.until()).isEqualTo(until);
            });
  }

  @Test
  void anEventDatedAfterTodayIsNotYetAFlag() {
    assertThat(derive(LocalDate.of(2026, 12, 7), event("c", START, "2026-12-08"))).isEmpty();
  }

  @Test
  void threeMissingEpisodesWithinTwelveMonthsAreARepeatFlagTwoAreNot() {
    LocalDate today = LocalDate.of(2026, 12, 7);
    assertThat(derive(today, event("c", MISSING, "2026-01-10"), event("c", MISSING, "2026-05-10")))
        .isEmpty();
    // Three, but spread over more than twelve months.
    assertThat(
            derive(
                today,
                event("c", MISSING, "2025-01-10"),
                event("c", MISSING, "2025-08-10"),
                event("c", MISSING, "2026-01-11")))
        .isEmpty();

    List<Derived> flags =
        derive(
            today,
            event("c", MISSING, "2025-03-01"),
            event("c", MISSING, "2026-01-10"),
            event("c", MISSING, "2026-02-10"),
            event("c", MISSING, "2026-11-01"));
    assertThat(flags)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.type()).isEqualTo("REPEAT_MISSING");
              // The count is first reached on 2026-02-10 (2025-03-01, 2026-01-10, 2026-02-10).
              assertThat(f.since()).isEqualTo(LocalDate.of(2026, 2, 10));
              assertThat(f.until()).isEqualTo(LocalDate.of(2026, 11, 1));
              assertThat(f.visibleUntil()).isEqualTo(LocalDate.of(2027, 11, 1));
            });
  }

  @Test
  void aDomesticAbuseIncidentFlagsEachChildOfTheHouseholdForTwentyEightDays() {
    Map<String, Set<String>> children = Map.of("mother", Set.of("kai", "mia"));
    List<Observed> incident = List.of(event("mother", DA, "2026-12-01"));

    List<Derived> flags = derivation.derive(incident, children, LocalDate.of(2026, 12, 7));
    assertThat(flags).extracting(Derived::personId).containsExactly("kai", "mia");
    assertThat(flags)
        .allSatisfy(
            f -> {
              assertThat(f.type()).isEqualTo("OPERATION_ENCOMPASS");
              assertThat(f.since()).isEqualTo(LocalDate.of(2026, 12, 1));
              assertThat(f.visibleUntil()).isEqualTo(LocalDate.of(2026, 12, 29));
            });
    assertThat(derivation.derive(incident, children, LocalDate.of(2026, 12, 30))).isEmpty();
    // No child in the household: no flag for anyone.
    assertThat(derivation.derive(incident, Map.of(), LocalDate.of(2026, 12, 7))).isEmpty();
  }
}
