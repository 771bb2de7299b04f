package org.familyview.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTests {

  static final LocalDate ON = LocalDate.of(2026, 11, 1);

  static Need need(Evidence... clauses) {
    return new Need("need", "A need", List.of(clauses));
  }

  /** A need of one clause: events of these types about these members in the last 12 months. */
  static Need need(String types, Members members, Threshold threshold) {
    return need(clause(types, "", "", members, "P12M", threshold));
  }

  static Evidence clause(
      String types,
      String details,
      String roles,
      Members members,
      String within,
      Threshold threshold) {
    return new Evidence(
        "the evidence",
        List.of(types.split(" ")),
        details.isEmpty() ? Set.of() : Set.of(details.split(" ")),
        roles.isEmpty() ? Set.of() : Set.of(roles.split(" ")),
        members,
        Period.parse(within),
        threshold);
  }

  static NeedResult evaluate(Need need, FamilyCase family) {
    Map<String, FamilyMember> members =
        family.members().stream().collect(Collectors.toMap(FamilyMember::personId, m -> m));
    return Evaluator.evaluate(need, family.events(), members, ON);
  }

  @ParameterizedTest(name = "{0} incidents, at least {1} needed: met {2}")
  @CsvSource({"0, 1, false", "1, 1, true", "2, 3, false", "3, 3, true", "4, 3, true"})
  void atLeastEventsCountsMatchingEvents(int incidents, int needed, boolean met) {
    Families family = Families.aFamily().withAdult("A", 1990, 1, 1);
    for (int i = 0; i < incidents; i++) {
      family.event("A", "police.domestic_abuse_incident", "high", "victim", ON.minusDays(i));
    }
    Need need =
        need("police.domestic_abuse_incident", Members.ANY, new Threshold.AtLeastEvents(needed));

    NeedResult result = evaluate(need, family.build());

    assertThat(result.met()).isEqualTo(met);
    assertThat(result.evidence()).hasSize(incidents);
  }

  @ParameterizedTest(name = "sessions {0}, at least {1} in total: met {2}")
  @CsvSource({
    "'', 1, false",
    "'9', 10, false",
    "'5 5', 10, true",
    "'4 4 1', 10, false",
    "'12', 10, true",
    "'x 9', 10, false"
  })
  void atLeastTotalAddsUpTheCountInTheDetail(String sessions, int needed, boolean met) {
    Families family = Families.aFamily().withChild("C", 2015, 3, 1);
    for (String s : sessions.isEmpty() ? new String[0] : sessions.split(" ")) {
      family.event("C", "education.unauthorised_absence", s, "subject", ON.minusDays(10));
    }
    Need need =
        need("education.unauthorised_absence", Members.CHILD, new Threshold.AtLeastTotal(needed));

    assertThat(evaluate(need, family.build()).met()).isEqualTo(met);
  }

  @ParameterizedTest(name = "events about {0}, at least {1} members: met {2}")
  @CsvSource({"C1, 2, false", "C1 C1, 2, false", "C1 C2, 2, true", "C1 C2 C3, 2, true"})
  void atLeastMembersCountsDifferentPeople(String about, int needed, boolean met) {
    Families family =
        Families.aFamily()
            .withChild("C1", 2012, 1, 1)
            .withChild("C2", 2014, 1, 1)
            .withChild("C3", 2016, 1, 1);
    for (String person : about.split(" ")) {
      family.event(person, "education.persistent_absence", ON.minusMonths(1));
    }
    Need need =
        need("education.persistent_absence", Members.CHILD, new Threshold.AtLeastMembers(needed));

    assertThat(evaluate(need, family.build()).met()).isEqualTo(met);
  }

  @ParameterizedTest(name = "A&E visits of {0}, at least {1} for one member: met {2}")
  @CsvSource({
    "A1 A2 C1, 3, false", // three visits, but by three people
    "A1 A1 A2, 3, false",
    "A1 A1 A1, 3, true",
    "A1 C1 A1 A1, 3, true",
    "'', 1, false"
  })
  void atLeastForOneMemberCountsEachPersonsOwnEvents(String visits, int needed, boolean met) {
    Families family =
        Families.aFamily()
            .withAdult("A1", 1990, 1, 1)
            .withAdult("A2", 1991, 1, 1)
            .withChild("C1", 2015, 1, 1);
    for (String person : visits.isEmpty() ? new String[0] : visits.split(" ")) {
      family.event(person, "health.ae_attendance", ON.minusDays(20));
    }
    Need need =
        need("health.ae_attendance", Members.ANY, new Threshold.AtLeastForOneMember(needed));

    assertThat(evaluate(need, family.build()).met()).isEqualTo(met);
  }

  @ParameterizedTest(name = "{0} days before, window {1}: counts {2}")
  @CsvSource({
    "0, P12M, true",
    "365, P12M, true", // 1 Nov 2025: the first day of the window
    "366, P12M, false", // 31 Oct 2025: the day before it
    "-1, P12M, false", // after the evaluation date: not yet happened as of then
    "30, P1M, true",
    "31, P1M, true", // 1 Oct 2026: a month back from 1 Nov
    "32, P1M, false",
    "730, P2Y, true",
    "731, P2Y, false"
  })
  void theLookBackWindowIncludesBothEnds(int daysBefore, String window, boolean counts) {
    LocalDate day = ON.minusDays(daysBefore);
    FamilyCase family =
        Families.aFamily()
            .withAdult("A", 1990, 1, 1)
            .event("A", "council.rent_arrears", day)
            .build();
    Need need =
        need(
            clause(
                "council.rent_arrears",
                "",
                "",
                Members.ANY,
                window,
                new Threshold.AtLeastEvents(1)));

    boolean met = evaluate(need, family).met();

    // A window is [evaluation date - window, evaluation date], both days included.
    boolean inWindow = !day.isBefore(ON.minus(Period.parse(window))) && !day.isAfter(ON);
    assertThat(inWindow).as("the table's own arithmetic").isEqualTo(counts);
    assertThat(met).isEqualTo(counts);
  }

  @ParameterizedTest(name = "born {0}, event on {1}, {2} evidence counts {3}")
  @CsvSource({
    "2008-11-02, 2026-11-01, CHILD, true", // 17 the day before the 18th birthday
    "2008-11-01, 2026-11-01, CHILD, false", // 18 on the day
    "2008-11-01, 2026-11-01, ADULT, true",
    "2008-11-02, 2026-11-01, ADULT, false",
    "2008-11-01, 2026-10-31, CHILD, true", // a child on the day of the event, an adult now
    "2008-11-01, 2026-10-31, ANY, true"
  })
  void childOrAdultIsJudgedByAgeOnTheEventDate(
      LocalDate born, LocalDate eventOn, Members members, boolean counts) {
    FamilyCase family =
        Families.aFamily()
            .withMember(new FamilyMember("P", born, false, null, null))
            .event("P", "police.missing_person", eventOn)
            .build();
    Need need = need("police.missing_person", members, new Threshold.AtLeastEvents(1));

    assertThat(evaluate(need, family).met()).isEqualTo(counts);
  }

  @ParameterizedTest(name = "listed as child {0}, CHILD evidence counts {1}")
  @CsvSource({"true, true", "false, false"})
  void withoutADateOfBirthTheFamilyRoleDecides(boolean listedAsChild, boolean counts) {
    FamilyCase family =
        Families.aFamily()
            .withMember(new FamilyMember("P", null, listedAsChild, null, null))
            .event("P", "police.missing_person", ON.minusDays(3))
            .build();
    Need need = need("police.missing_person", Members.CHILD, new Threshold.AtLeastEvents(1));

    assertThat(evaluate(need, family).met()).isEqualTo(counts);
  }

  @ParameterizedTest(name = "detail {0} role {1}: counts {2}")
  @CsvSource({
    "offender, perpetrator, true",
    "suspect, perpetrator, true",
    "victim, victim, false", // a victim of crime is not the crime need
    "offender, witness, false",
    "'', perpetrator, false"
  })
  void detailsAndRolesNarrowTheEvidence(String detail, String role, boolean counts) {
    FamilyCase family =
        Families.aFamily()
            .withAdult("A", 1990, 1, 1)
            .event("A", "police.crime", detail.isEmpty() ? null : detail, role, ON.minusDays(1))
            .build();
    Need need =
        need(
            clause(
                "police.crime",
                "offender suspect",
                "perpetrator subject",
                Members.ANY,
                "P12M",
                new Threshold.AtLeastEvents(1)));

    assertThat(evaluate(need, family).met()).isEqualTo(counts);
  }

  @ParameterizedTest(name = "left on {0}: an event on {1} counts {2}")
  @CsvSource({
    "2026-06-01, 2026-05-31, true",
    "2026-06-01, 2026-06-01, true",
    "2026-06-01, 2026-06-02, false",
    "2026-11-01, 2026-10-31, true" // leaving on the evaluation date: still a member
  })
  void aFormerMembersEventsCountOnlyUntilTheyLeft(
      LocalDate left, LocalDate eventOn, boolean counts) {
    FamilyCase family =
        Families.aFamily()
            .withMember(new FamilyMember("A", LocalDate.of(1985, 1, 1), false, null, left))
            .event("A", "police.domestic_abuse_incident", "high", "perpetrator", eventOn)
            .build();
    Need need = need("police.domestic_abuse_incident", Members.ANY, new Threshold.AtLeastEvents(1));

    assertThat(evaluate(need, family).met()).isEqualTo(counts);
  }

  @ParameterizedTest(name = "{0} needs met, eligible with {1}: {2}")
  @CsvSource({
    "0, 3, false",
    "2, 3, false",
    "3, 3, true",
    "10, 3, true",
    "1, 2, false",
    "2, 2, true",
    "6, 2, true"
  })
  void eligibilityNeedsEnoughNeedsMet(int met, int eligibleWith, boolean eligible) {
    List<String> types =
        List.of(
            "council.rent_arrears",
            "council.eviction",
            "council.early_help_assessment",
            "police.arrest",
            "police.missing_person",
            "health.mental_health_referral",
            "health.substance_misuse_contact",
            "education.suspension",
            "education.persistent_absence",
            "police.child_concern");
    List<Need> needs =
        IntStream.range(0, types.size())
            .mapToObj(
                i ->
                    new Need(
                        "need-" + i,
                        "Need " + i,
                        List.of(
                            clause(
                                types.get(i),
                                "",
                                "",
                                Members.ANY,
                                "P12M",
                                new Threshold.AtLeastEvents(1)))))
            .toList();
    Ruleset rules = new Ruleset("2022", "Test", "t.1", eligibleWith, needs, "test.yaml");
    Families family = Families.aFamily().withAdult("A", 1990, 1, 1);
    for (int i = 0; i < met; i++) {
      family.event("A", types.get(i), ON.minusDays(5));
    }

    Evaluation evaluation = Evaluator.evaluate(rules, family.build(), ON);

    assertThat(evaluation.met()).hasSize(met);
    assertThat(evaluation.eligible()).isEqualTo(eligible);
    assertThat(evaluation.version()).isEqualTo("t.1");
    assertThat(evaluation.why()).startsWith(eligible ? "Eligible: " : "Not eligible: ");
    assertThat(evaluation.why()).contains(met + " of 10 needs met");
  }

  @org.junit.jupiter.api.Test
  void aNeedIsMetByAnyOneClauseAndExplainsWhichInPlainEnglish() {
    FamilyCase family =
        Families.aFamily()
            .withChild("C", 2014, 5, 1)
            .event("C", "education.unauthorised_absence", "4", "subject", ON.minusMonths(2))
            .event("C", "education.suspension", ON.minusMonths(3))
            .event("C", "education.suspension", ON.minusYears(2))
            .build();
    Need need =
        new Need(
            "education",
            "Getting a good education",
            List.of(
                new Evidence(
                    "unauthorised absence, sessions added up",
                    List.of("education.unauthorised_absence"),
                    Set.of(),
                    Set.of(),
                    Members.CHILD,
                    Period.ofMonths(12),
                    new Threshold.AtLeastTotal(10)),
                new Evidence(
                    "a suspension",
                    List.of("education.suspension"),
                    Set.of(),
                    Set.of(),
                    Members.CHILD,
                    Period.ofMonths(12),
                    new Threshold.AtLeastEvents(1))));

    NeedResult result = evaluate(need, family);

    assertThat(result.met()).isTrue();
    assertThat(result.evidence()).containsExactly("e2");
    assertThat(result.why())
        .isEqualTo(
            "Met: a suspension: 1 event about children in the 12 months to 1 November 2026"
                + " (1 needed).");
  }

  @org.junit.jupiter.api.Test
  void aNeedNotMetSaysHowCloseItCame() {
    FamilyCase family =
        Families.aFamily()
            .withAdult("A", 1990, 1, 1)
            .event("A", "health.ae_attendance", ON.minusMonths(1))
            .event("A", "health.ae_attendance", ON.minusMonths(2))
            .build();
    Need need =
        new Need(
            "health",
            "Improved mental and physical health",
            List.of(
                new Evidence(
                    "repeated A&E attendances",
                    List.of("health.ae_attendance"),
                    Set.of(),
                    Set.of(),
                    Members.ANY,
                    Period.ofMonths(12),
                    new Threshold.AtLeastEvents(3))));

    NeedResult result = evaluate(need, family);

    assertThat(result.met()).isFalse();
    assertThat(result.evidence()).containsExactly("e2", "e1");
    assertThat(result.why())
        .isEqualTo(
            "Not met: closest was repeated A&E attendances: 2 events in the 12 months to"
                + " 1 November 2026 (3 needed).");
  }

  @org.junit.jupiter.api.Test
  void aNeedWithNoEvidenceSaysSo() {
    NeedResult result =
        evaluate(
            need("council.eviction", Members.ANY, new Threshold.AtLeastEvents(1)),
            Families.aFamily().withAdult("A", 1990, 1, 1).build());

    assertThat(result.met()).isFalse();
    assertThat(result.evidence()).isEmpty();
    assertThat(result.why())
        .isEqualTo("Not met: no evidence of the evidence in the look-back window.");
  }
}
