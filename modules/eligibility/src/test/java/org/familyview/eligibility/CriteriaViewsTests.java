package org.familyview.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import org.familyview.access.EventDisclosure;
import org.familyview.access.SharingAgreement;
import org.familyview.portal.identity.Role;
import org.junit.jupiter.api.Test;

class CriteriaViewsTests {

  private static final EventDisclosure DISCLOSURE =
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

  // Only evidence() is exercised: it needs the disclosure rule and nothing from the database.
  @SuppressWarnings("NullAway")
  private final CriteriaViews views = new CriteriaViews(null, null, null, DISCLOSURE);

  private static EvidenceEvent event(String agency, String type, String sensitivity) {
    return new EvidenceEvent(
        agency + "/PE1",
        agency,
        type,
        LocalDate.of(2026, 3, 1),
        "victim",
        "Officers attended",
        sensitivity,
        "P0000001");
  }

  @Test
  void evidenceStoredUnderTheAgencysUpperCaseNameIsDisclosedByItsAgreement() {
    CriteriaViews.EvidenceView shown =
        views.evidence(
            "POLICE/PE1",
            event("POLICE", "police.domestic_abuse_incident", "SENSITIVE"),
            Set.of(Role.KEYWORKER));

    assertThat(shown.redacted()).isNull();
    assertThat(shown.label()).isNotBlank();
  }

  @Test
  void evidenceTheAgreementDoesNotShareIsStillRedacted() {
    CriteriaViews.EvidenceView hidden =
        views.evidence(
            "POLICE/PE1",
            event("POLICE", "police.domestic_abuse_incident", "RESTRICTED"),
            Set.of(Role.KEYWORKER));

    assertThat(hidden.redacted()).contains("contact the PPU");
    assertThat(hidden.label()).isNull();
  }
}
