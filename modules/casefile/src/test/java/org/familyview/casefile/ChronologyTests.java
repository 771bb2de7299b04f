package org.familyview.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.familyview.access.EventDisclosure;
import org.familyview.access.SharingAgreement;
import org.familyview.portal.identity.Role;
import org.junit.jupiter.api.Test;

class ChronologyTests {

  static final EventDisclosure DISCLOSURE =
      new EventDisclosure(
          Map.of(
              "police",
              new SharingAgreement(
                  "police",
                  "Demo police",
                  "the PPU",
                  "basis",
                  "gateway",
                  "condition",
                  Period.ofYears(7),
                  Map.of("police.domestic_abuse_incident", Set.of(Role.KEYWORKER)),
                  Set.of(Role.SAFEGUARDING_LEAD))));

  static CaseRecords.EventRow event(
      String id, String agency, String date, String time, String type, String sensitivity) {
    Link link = new Link("SOLE", null, null, null, null, null, null, Instant.EPOCH);
    return new CaseRecords.EventRow(
        "P1",
        agency,
        id,
        "R1",
        date == null ? null : LocalDate.parse(date),
        time == null ? null : LocalTime.parse(time),
        type,
        "subject",
        "summary of " + id,
        sensitivity,
        new Provenance(
            agency, "R1", id, UUID.randomUUID(), "events.csv", 2, Instant.EPOCH, true, link));
  }

  static Chronology assemble(List<CaseRecords.EventRow> rows, ChronologyFilter filter) {
    return Chronology.assemble(
        rows,
        filter,
        DISCLOSURE,
        Set.of(Role.KEYWORKER),
        Set.of("police.missing_person"),
        Map.of("P1", "Kai Tagg"),
        List.of());
  }

  @Test
  void datedEntriesAreInDateAndTimeOrderAndUndatedOnesAreListedApart() {
    Chronology c =
        assemble(
            List.of(
                event("b", "police", "2024-01-02", "10:00", "police.missing_person", "STANDARD"),
                event("u", "police", null, null, "police.missing_person", "STANDARD"),
                event("a", "police", "2024-01-02", "09:00", "police.missing_person", "STANDARD"),
                event("c", "police", "2023-12-31", null, "police.missing_person", "STANDARD")),
            ChronologyFilter.ALL);
    assertThat(c.events())
        .extracting(ChronologyEntry::occurredAt)
        .containsExactly("2023-12-31", "2024-01-02T09:00", "2024-01-02T10:00");
    assertThat(c.undated()).extracting(e -> e.provenance().eventId()).containsExactly("u");
    assertThat(c.events()).allMatch(ChronologyEntry::significant);
  }

  @Test
  void aSensitiveEntryNotSharedWithTheReaderKeepsItsPlaceButNotItsContent() {
    Chronology c =
        assemble(
            List.of(
                event("crime", "police", "2024-01-01", null, "police.crime", "SENSITIVE"),
                event(
                    "da",
                    "police",
                    "2024-01-02",
                    null,
                    "police.domestic_abuse_incident",
                    "SENSITIVE")),
            ChronologyFilter.ALL);
    ChronologyEntry crime = c.events().getFirst();
    assertThat(crime.redacted()).isTrue();
    assertThat(crime.type()).isNull();
    assertThat(crime.summary()).isNull();
    assertThat(crime.shownText()).isEqualTo("a restricted police record exists — contact the PPU");
    assertThat(crime.provenance().eventId()).isEqualTo("crime");
    assertThat(c.events().get(1).redacted()).isFalse();
  }

  @Test
  void anAgencyWithoutAnAgreementIsRedactedAndAnUnknownSensitivityIsTreatedAsRestricted() {
    Chronology c =
        assemble(
            List.of(
                event("h", "health", "2024-01-01", null, "health.ae_attendance", "STANDARD"),
                event(
                    "p", "police", "2024-01-02", null, "police.domestic_abuse_incident", "SECRET")),
            ChronologyFilter.ALL);
    assertThat(c.events()).allMatch(ChronologyEntry::redacted);
  }

  @Test
  void aPeriodNeverHidesUndatedEntriesAndATypeFilterCannotSelectARedactedOne() {
    ChronologyFilter filter =
        new ChronologyFilter(
            Set.of(),
            Set.of("police.missing_person"),
            LocalDate.parse("2024-01-01"),
            null,
            Set.of());
    Chronology c =
        assemble(
            List.of(
                event("old", "police", "2020-01-01", null, "police.missing_person", "STANDARD"),
                event("new", "police", "2024-02-01", null, "police.missing_person", "STANDARD"),
                event("other", "police", "2024-02-02", null, "police.asb_incident", "STANDARD"),
                event("crime", "police", "2024-02-03", null, "police.crime", "SENSITIVE"),
                event("u", "police", null, null, "police.missing_person", "STANDARD")),
            filter);
    assertThat(c.events())
        .extracting(e -> e.provenance().eventId())
        .containsExactly("new", "crime");
    assertThat(c.undated()).hasSize(1);
  }

  @Test
  void householdMembershipIsThatOfTheEventsDate() {
    CaseRecords.Household home =
        new CaseRecords.Household(
            "H1",
            null,
            "LS6 1AA",
            LocalDate.parse("2020-01-01"),
            null,
            List.of(
                new CaseRecords.HouseholdMember("P1", null, null, null, null),
                new CaseRecords.HouseholdMember(
                    "P2",
                    LocalDate.parse("2023-01-01"),
                    LocalDate.parse("2023-12-31"),
                    null,
                    null)));
    assertThat(Chronology.householdsOn(LocalDate.parse("2022-06-01"), List.of(home), Map.of()))
        .flatExtracting(ChronologyEntry.HouseholdOnDate::residents)
        .extracting(ChronologyEntry.Resident::personId)
        .containsExactly("P1");
    assertThat(Chronology.householdsOn(LocalDate.parse("2023-06-01"), List.of(home), Map.of()))
        .flatExtracting(ChronologyEntry.HouseholdOnDate::residents)
        .extracting(ChronologyEntry.Resident::personId)
        .containsExactly("P1", "P2");
    assertThat(Chronology.householdsOn(LocalDate.parse("2019-06-01"), List.of(home), Map.of()))
        .isEmpty();
  }
}
