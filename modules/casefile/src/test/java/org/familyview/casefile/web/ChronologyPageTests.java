package org.familyview.casefile.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.familyview.casefile.Chronology;
import org.familyview.casefile.ChronologyEntry;
import org.familyview.casefile.Link;
import org.familyview.casefile.Provenance;
import org.junit.jupiter.api.Test;

class ChronologyPageTests {

  static ChronologyEntry entry(
      String person,
      String name,
      String agency,
      String date,
      String type,
      String role,
      boolean sig) {
    return entry(person, name, agency, date, type, role, sig, false, Instant.EPOCH);
  }

  static ChronologyEntry entry(
      String person,
      String name,
      String agency,
      String date,
      String type,
      String role,
      boolean significant,
      boolean redacted,
      Instant loaded) {
    Link link = new Link("SOLE", null, null, null, null, null, null, Instant.EPOCH);
    return new ChronologyEntry(
        LocalDate.parse(date),
        LocalTime.of(22, 15),
        agency,
        redacted ? null : type,
        redacted ? null : "Label of " + type,
        redacted ? null : role,
        redacted ? null : "Officers attended",
        "SENSITIVE",
        significant,
        redacted,
        redacted ? "a restricted record exists" : null,
        person,
        name,
        new Provenance(
            agency,
            "R-" + person,
            UUID.randomUUID().toString(),
            UUID.randomUUID(),
            "events.csv",
            2,
            loaded,
            true,
            link),
        List.of());
  }

  static ChronologyEntry in(ChronologyEntry e, String... residents) {
    List<ChronologyEntry.Resident> people = new ArrayList<>();
    for (String r : residents) {
      people.add(new ChronologyEntry.Resident("id-" + r, r));
    }
    return new ChronologyEntry(
        e.date(),
        e.time(),
        e.agency(),
        e.type(),
        e.typeLabel(),
        e.role(),
        e.summary(),
        e.sensitivity(),
        e.significant(),
        e.redacted(),
        e.notice(),
        e.personId(),
        e.personName(),
        e.provenance(),
        List.of(new ChronologyEntry.HouseholdOnDate("H1", "LS6 1AA", people)));
  }

  /** Issue 18: the household is listed once per make-up, and each entry points at its make-up. */
  @Test
  void eachHouseholdMakeUpIsListedOnceWithItsSpanAndEveryEntryFindsItsOwn() {
    List<ChronologyEntry> dated =
        List.of(
            in(entry("P1", "Jo", "police", "2020-01-01", "a", "subject", false), "Jo", "Kai"),
            in(entry("P1", "Jo", "health", "2021-01-01", "b", "subject", false), "Jo", "Kai"),
            in(
                entry("P1", "Jo", "health", "2022-01-01", "c", "subject", false),
                "Jo",
                "Kai",
                "Dean"),
            in(entry("P1", "Jo", "police", "2023-01-01", "d", "subject", false), "Jo", "Kai"),
            entry("P1", "Jo", "police", "2024-01-01", "e", "subject", false));
    ChronologyPage page =
        ChronologyPage.of(new Chronology(dated, List.of()), true, false, List.of());

    assertThat(page.households())
        .extracting(
            ChronologyPage.Household::number,
            ChronologyPage.Household::size,
            ChronologyPage.Household::entries,
            h -> h.from().toString(),
            h -> h.to().toString(),
            ChronologyPage.Household::residents)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                1, 2, 3, "2020-01-01", "2023-01-01", "Jo, Kai (LS6 1AA)"),
            org.assertj.core.groups.Tuple.tuple(
                2, 3, 1, "2022-01-01", "2022-01-01", "Jo, Kai, Dean (LS6 1AA)"));
    // Newest first: 2024 (no household recorded), 2023 (the first make-up), 2022 (the second).
    List<ChronologyPage.Incident> shown = page.entries();
    assertThat(page.household(shown.get(0))).isNull();
    assertThat(page.household(shown.get(1)).number()).isEqualTo(1);
    assertThat(page.household(shown.get(2)).number()).isEqualTo(2);
  }

  /** Provenance in one line, the load time as people write it (not an ISO instant). */
  @Test
  void provenanceIsOneLineWithAUkTime() {
    ChronologyEntry e =
        entry(
            "P1",
            "Jo",
            "police",
            "2020-01-01",
            "a",
            "subject",
            false,
            false,
            Instant.parse("2025-03-03T14:05:30.123456Z"));
    ChronologyPage page =
        ChronologyPage.of(new Chronology(List.of(e), List.of()), true, false, List.of());
    assertThat(page.provenance(e))
        .startsWith("police record R-P1, event ")
        .contains("(events.csv line 2), loaded 3 Mar 2025, 14:05; linked: ")
        .doesNotContain("2025-03-03T");
  }

  @Test
  void oneIncidentRecordedForTwoPeopleIsOneEntryNamingBothAndTheirParts() {
    List<ChronologyEntry> dated =
        List.of(
            entry("P1", "Jolene Tagg", "police", "2023-05-01", "police.dai", "VICTIM", true),
            entry("P2", "Dean Marsh", "police", "2023-05-01", "police.dai", "perpetrator", true),
            entry("P3", "Kai Tagg", "health", "2023-05-01", "health.ae", "subject", false));
    List<ChronologyPage.Incident> incidents = ChronologyPage.incidents(dated);
    assertThat(incidents).hasSize(2);
    assertThat(incidents.getFirst().people())
        .isEqualTo("Jolene Tagg (victim), Dean Marsh (perpetrator)");
    assertThat(incidents.get(1).people()).isEqualTo("Kai Tagg");
  }

  @Test
  void restrictedRecordsAreNeverGroupedSoTheirTypeIsNotGivenAway() {
    List<ChronologyEntry> dated =
        List.of(
            entry("P1", "A", "police", "2023-05-01", "t", "victim", false, true, Instant.EPOCH),
            entry(
                "P2", "B", "police", "2023-05-01", "t", "perpetrator", false, true, Instant.EPOCH));
    assertThat(ChronologyPage.incidents(dated)).hasSize(2);
  }

  @Test
  void newestFirstByDefaultSignificantOnlyOnRequestAndCountsByPartnerAndYear() {
    List<ChronologyEntry> dated = new ArrayList<>();
    for (int year = 2015; year <= 2024; year++) {
      dated.add(entry("P1", "A", "health", year + "-03-01", "h" + year, "subject", false));
      dated.add(entry("P1", "A", "police", year + "-06-01", "p" + year, "subject", year % 2 == 0));
    }
    Chronology chronology = new Chronology(dated, List.of());

    ChronologyPage newest = ChronologyPage.of(chronology, true, false, List.of());
    assertThat(newest.entries().getFirst().entry().date()).isEqualTo(LocalDate.of(2024, 6, 1));
    assertThat(newest.entries()).hasSize(20);
    assertThat(newest.significantCount()).isEqualTo(5);

    ChronologyPage oldest = ChronologyPage.of(chronology, false, false, List.of());
    assertThat(oldest.entries().getFirst().entry().date()).isEqualTo(LocalDate.of(2015, 3, 1));

    ChronologyPage significant = ChronologyPage.of(chronology, true, true, List.of());
    assertThat(significant.entries()).hasSize(5).allMatch(i -> i.entry().significant());

    ChronologyPage.Summary summary = newest.summary();
    assertThat(summary.columns())
        .containsExactly("2024", "2023", "2022", "2021", "2020", "2019", "Earlier");
    assertThat(summary.rows())
        .extracting(ChronologyPage.Row::partner)
        .containsExactly("Police", "Health");
    assertThat(summary.rows().getFirst().counts()).containsExactly(1, 1, 1, 1, 1, 1, 4);
    assertThat(summary.rows().getFirst().total()).isEqualTo(10);
    assertThat(summary.total()).isEqualTo(20);
  }

  @Test
  void anEntryIsNewWhenARecordOfItWasLoadedAfterTheLastVisit() {
    Instant visit = Instant.parse("2026-12-01T10:00:00Z");
    ChronologyEntry before =
        entry("P1", "A", "police", "2023-05-01", "t", "s", false, false, visit.minusSeconds(1));
    ChronologyEntry after =
        entry("P2", "B", "police", "2023-05-01", "t", "s", false, false, visit.plusSeconds(1));
    ChronologyPage page =
        ChronologyPage.of(
            new Chronology(List.of(before, after), List.of()), true, false, List.of());
    assertThat(page.entries()).hasSize(1);
    assertThat(page.newCount(visit)).isEqualTo(1);
    assertThat(page.newCount(null)).isZero();
    assertThat(
            ChronologyPage.of(new Chronology(List.of(before), List.of()), true, false, List.of())
                .newCount(visit))
        .isZero();
  }
}
