package org.familyview.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.familyview.portal.identity.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The demo agreements in config/sharing, applied to the cases that matter. */
class EventDisclosureTests {

  static final EventDisclosure DISCLOSURE =
      new EventDisclosure(
          SharingAgreements.load(
              Path.of(System.getenv().getOrDefault("FV_CONFIG_DIR", "../../config"), "sharing")));

  static Stream<Arguments> cases() {
    Set<Role> keyworker = Set.of(Role.KEYWORKER);
    Set<Role> lead = Set.of(Role.SAFEGUARDING_LEAD);
    return Stream.of(
        Arguments.of("police", "police.crime", Sensitivity.STANDARD, keyworker, true),
        Arguments.of(
            "police", "police.domestic_abuse_incident", Sensitivity.SENSITIVE, keyworker, true),
        Arguments.of("police", "police.crime", Sensitivity.SENSITIVE, keyworker, false),
        Arguments.of("police", "police.crime", Sensitivity.SENSITIVE, lead, true),
        Arguments.of(
            "police", "police.domestic_abuse_incident", Sensitivity.RESTRICTED, keyworker, false),
        Arguments.of(
            "police", "police.domestic_abuse_incident", Sensitivity.RESTRICTED, lead, true),
        Arguments.of(
            "health", "health.mental_health_referral", Sensitivity.SENSITIVE, keyworker, false),
        Arguments.of("health", "health.ae_attendance", Sensitivity.SENSITIVE, keyworker, true),
        Arguments.of("education", "education.suspension", Sensitivity.RESTRICTED, keyworker, false),
        // A role with no sharing at all (a data steward reading a task) sees only that it exists.
        Arguments.of(
            "council",
            "council.csc_referral",
            Sensitivity.SENSITIVE,
            Set.of(Role.DATA_STEWARD),
            false),
        Arguments.of("housing-association", "x.any", Sensitivity.STANDARD, lead, false));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void showsOrRedactsByTheAgreement(
      String agency, String type, Sensitivity sensitivity, Set<Role> viewer, boolean shown) {
    EventDisclosure.Outcome outcome = DISCLOSURE.decide(agency, type, sensitivity, viewer);
    if (shown) {
      assertThat(outcome).isInstanceOf(EventDisclosure.Outcome.Shown.class);
    } else {
      assertThat(outcome)
          .isInstanceOfSatisfying(
              EventDisclosure.Outcome.Redacted.class,
              redacted ->
                  assertThat(redacted.notice())
                      .startsWith("a restricted " + agency + " record exists — contact "));
    }
  }

  @org.junit.jupiter.api.Test
  void theRedactionNamesTheAgencyContact() {
    assertThat(
            DISCLOSURE.decide(
                "police", "police.arrest", Sensitivity.RESTRICTED, Set.of(Role.KEYWORKER)))
        .isEqualTo(
            new EventDisclosure.Outcome.Redacted(
                "a restricted police record exists — contact Public Protection Unit, 0300 000 0101, ppu.sharing@police.example"));
  }

  @org.junit.jupiter.api.Test
  void theRedactionNamesThePartnersOwnContactBeforeTheAgreements() {
    EventDisclosure withContacts =
        new EventDisclosure(
            SharingAgreements.load(
                Path.of(System.getenv().getOrDefault("FV_CONFIG_DIR", "../../config"), "sharing")),
            agency ->
                switch (agency) {
                  case "police" -> java.util.Optional.of("Shires PPU duty desk, 0300 000 0999");
                  case "housing-north" -> java.util.Optional.of("Northshire Homes tenancy team");
                  default -> java.util.Optional.empty();
                });
    Set<Role> keyworker = Set.of(Role.KEYWORKER);
    // The partner's configuration names its own contact: the notice gives it.
    assertThat(withContacts.decide("police", "police.arrest", Sensitivity.RESTRICTED, keyworker))
        .isEqualTo(
            new EventDisclosure.Outcome.Redacted(
                "a restricted police record exists — contact Shires PPU duty desk, 0300 000 0999"));
    // A partner that names none falls back to its agreement's contact.
    assertThat(
            withContacts.decide(
                "health", "health.mental_health_referral", Sensitivity.SENSITIVE, keyworker))
        .isEqualTo(
            new EventDisclosure.Outcome.Redacted(
                "a restricted health record exists — contact ICB Safeguarding Team, 0300 000 0202,"
                    + " safeguarding@icb.example"));
    // A partner without an agreement shows nothing, but names its own contact, not a stand-in.
    assertThat(
            withContacts.decide(
                "housing-north",
                "housing.any",
                Sensitivity.STANDARD,
                Set.of(Role.SAFEGUARDING_LEAD)))
        .isEqualTo(
            new EventDisclosure.Outcome.Redacted(
                "a restricted housing-north record exists — contact Northshire Homes tenancy team"));
  }
}
