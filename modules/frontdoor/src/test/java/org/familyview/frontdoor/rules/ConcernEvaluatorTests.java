package org.familyview.frontdoor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyview.frontdoor.rules.Families.aFamily;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.familyview.frontdoor.Contact;
import org.familyview.frontdoor.Rag;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped concern rules ({@code config/concerns}) on families built for each rule. */
class ConcernEvaluatorTests {

  static final LocalDate ON = LocalDate.of(2026, 12, 7);

  static final ConcernRule.Ruleset SHIPPED =
      ConcernRules.load(
              Path.of(System.getenv().getOrDefault("FV_CONFIG_DIR", "../../config"), "concerns"))
          .getFirst();

  static List<String> fired(FamilyFacts family) {
    return ConcernEvaluator.evaluate(SHIPPED, family, ON).stream().map(f -> f.rule().id()).toList();
  }

  @Test
  void threeDomesticAbuseIncidentsInAYearAtAHouseholdWithAChildFire() {
    FamilyFacts family =
        aFamily("F1")
            .withAdult("mum", LocalDate.of(1990, 1, 1))
            .withChild("kid", LocalDate.of(2018, 5, 5))
            .withEvent("mum", "police.domestic_abuse_incident", ON.minusMonths(11))
            .withEvent("mum", "police.domestic_abuse_incident", ON.minusMonths(4))
            .withEvent("mum", "police.domestic_abuse_incident", ON.minusDays(1))
            .build();

    List<Firing> firings = ConcernEvaluator.evaluate(SHIPPED, family, ON);

    assertThat(firings).extracting(f -> f.rule().id()).containsExactly("domestic-abuse-repeat");
    Firing f = firings.getFirst();
    assertThat(f.rule().rag()).isEqualTo(Rag.AMBER);
    assertThat(f.version()).isEqualTo("2026-12.1");
    assertThat(f.evidence())
        .extracting(Contact.EvidenceEvent::eventId)
        .containsExactly("E1", "E2", "E3");
    assertThat(f.evidence()).allSatisfy(e -> assertThat(e.file()).isEqualTo("events.csv"));
    // Keyed by the newest incident: tomorrow's run over the same events raises nothing new.
    assertThat(f.evidenceKey()).isEqualTo("police/E3");
    assertThat(f.why())
        .contains("3 event(s)")
        .contains("police.domestic_abuse_incident on " + ON.minusDays(1));
  }

  /** Domestic abuse incidents that fall short of the rule: too few in the year, or no child. */
  static Stream<Arguments> incidentsThatDoNotFire() {
    return Stream.of(
        Arguments.of(
            "two incidents in the year, one before it",
            aFamily("F2")
                .withChild("kid", LocalDate.of(2018, 5, 5))
                .withAdult("mum", LocalDate.of(1990, 1, 1))
                .withEvent("mum", "police.domestic_abuse_incident", ON.minusMonths(13))
                .withEvent("mum", "police.domestic_abuse_incident", ON.minusMonths(4))
                .withEvent("mum", "police.domestic_abuse_incident", ON.minusDays(1))
                .build()),
        Arguments.of(
            "three incidents at a household without a child",
            aFamily("F3")
                .withAdult("mum", LocalDate.of(1990, 1, 1))
                .withAdult("son", LocalDate.of(2004, 1, 1))
                .withEvent("mum", "police.domestic_abuse_incident", ON.minusMonths(6))
                .withEvent("mum", "police.domestic_abuse_incident", ON.minusMonths(4))
                .withEvent("mum", "police.domestic_abuse_incident", ON.minusDays(1))
                .build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("incidentsThatDoNotFire")
  void domesticAbuseIncidentsShortOfTheRuleDoNotFire(String household, FamilyFacts family) {
    assertThat(fired(family)).isEmpty();
  }

  @Test
  void anAandEAttendanceOfAChildUnderTwoFiresRed() {
    FamilyFacts baby =
        aFamily("F4")
            .withChild("baby", ON.minusMonths(14))
            .withEvent("baby", "health.ae_attendance", ON.minusDays(2))
            .build();
    List<Firing> firings = ConcernEvaluator.evaluate(SHIPPED, baby, ON);
    assertThat(firings).extracting(f -> f.rule().id()).containsExactly("ae-young-or-on-plan");
    assertThat(firings.getFirst().rule().rag()).isEqualTo(Rag.RED);
  }

  @Test
  void anAandEAttendanceOfAnOlderChildFiresOnlyWhileTheyAreOnAPlan() {
    Families older =
        aFamily("F5")
            .withChild("kid", LocalDate.of(2015, 1, 1))
            .withEvent("kid", "health.ae_attendance", ON.minusDays(2));
    assertThat(fired(older.build())).isEmpty();

    FamilyFacts onPlan =
        older.withEvent("kid", "council.child_protection_plan_start", ON.minusMonths(3)).build();
    List<Firing> firings = ConcernEvaluator.evaluate(SHIPPED, onPlan, ON);
    assertThat(firings).extracting(f -> f.rule().id()).containsExactly("ae-young-or-on-plan");
    // The plan's start is part of the evidence.
    assertThat(firings.getFirst().evidence())
        .extracting(Contact.EvidenceEvent::type)
        .containsExactly("health.ae_attendance", "council.child_protection_plan_start");

    FamilyFacts ended =
        aFamily("F5")
            .withChild("kid", LocalDate.of(2015, 1, 1))
            .withEvent("kid", "council.child_protection_plan_start", ON.minusMonths(3))
            .withEvent("kid", "council.child_protection_plan_end", ON.minusMonths(1))
            .withEvent("kid", "health.ae_attendance", ON.minusDays(2))
            .build();
    assertThat(fired(ended)).isEmpty();
  }

  @Test
  void aChildMissingEducationFiresOnlyWithAMissingPersonReport() {
    Families cme =
        aFamily("F6")
            .withChild("kid", LocalDate.of(2012, 1, 1))
            .withEvent("kid", "education.child_missing_education", ON.minusDays(20));
    assertThat(fired(cme.build())).isEmpty();
    assertThat(fired(cme.withEvent("kid", "police.missing_person", ON.minusDays(5)).build()))
        .containsExactly("missing-education-and-missing");
  }

  @Test
  void aChildOnAPlanWhoseFamilyMovesToAnotherAuthorityFires() {
    Families family =
        aFamily("F7")
            .withChild("kid", LocalDate.of(2016, 1, 1))
            .withEvent("kid", "council.child_protection_plan_start", ON.minusMonths(5))
            .livingAt("H1", "LS6 1AA", ON.minusYears(3));
    assertThat(fired(family.build())).isEmpty();

    List<Firing> moved =
        ConcernEvaluator.evaluate(
            SHIPPED, family.livingAt("H2", "BD7 2XX", ON.minusDays(10)).build(), ON);
    assertThat(moved).extracting(f -> f.rule().id()).containsExactly("plan-and-move");
    assertThat(moved.getFirst().evidenceKey()).isEqualTo("household/H2");
    assertThat(moved.getFirst().why()).contains("from leeds to bradford");

    FamilyFacts sameAuthority =
        aFamily("F8")
            .withChild("kid", LocalDate.of(2016, 1, 1))
            .withEvent("kid", "council.child_protection_plan_start", ON.minusMonths(5))
            .livingAt("H1", "LS6 1AA", ON.minusYears(3))
            .livingAt("H2", "LS28 5QQ", ON.minusDays(10))
            .build();
    assertThat(fired(sameAuthority)).isEmpty();
  }

  @ParameterizedTest(name = "{0} is in {1}")
  @CsvSource(
      nullValues = "none",
      value = {"ls6 1aa, leeds", "BD18 3AB, bradford", "M1 1AA, none", "none, none"})
  void postcodesFallInTheAuthorityOfTheirLongestConfiguredPrefix(
      @Nullable String postcode, @Nullable String authority) {
    assertThat(SHIPPED.authorityOf(postcode)).isEqualTo(authority);
  }
}
