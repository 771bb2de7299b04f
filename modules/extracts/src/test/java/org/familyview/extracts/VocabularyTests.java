package org.familyview.extracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VocabularyTests {

  private final Vocabulary vocabulary = Vocabulary.standard();

  /** The types issue 3 requires, at least. */
  @ParameterizedTest(name = "{0} has {1}")
  @CsvSource({
    "POLICE, domestic_abuse_incident",
    "POLICE, asb_incident",
    "POLICE, missing_person",
    "POLICE, crime",
    "POLICE, arrest",
    "HEALTH, ae_attendance",
    "HEALTH, hospital_admission",
    "HEALTH, gp_registration_change",
    "HEALTH, health_visitor_contact",
    "HEALTH, mental_health_referral",
    "HEALTH, substance_misuse_contact",
    "COUNCIL, asb_complaint",
    "COUNCIL, rent_arrears",
    "COUNCIL, notice_seeking_possession",
    "COUNCIL, eviction",
    "COUNCIL, homelessness_application",
    "COUNCIL, childrens_social_care_referral",
    "COUNCIL, assessment",
    "COUNCIL, child_in_need_plan",
    "COUNCIL, child_protection_plan_start",
    "COUNCIL, child_protection_plan_end",
    "COUNCIL, early_help_assessment",
    "COUNCIL, child_in_need_plan_end",
    "COUNCIL, looked_after_start",
    "COUNCIL, looked_after_end",
    "COUNCIL, pre_birth_plan_start",
    "COUNCIL, pre_birth_plan_end",
    "EDUCATION, unauthorised_absence",
    "EDUCATION, persistent_absence",
    "EDUCATION, suspension",
    "EDUCATION, permanent_exclusion",
    "EDUCATION, child_missing_education",
    "EDUCATION, elective_home_education"
  })
  void everyAgencyHasTheTypesTheContractPromises(PartnerId agency, String localCode) {
    EventType type = vocabulary.find(agency, localCode).orElseThrow();

    assertThat(type.code()).isEqualTo(agency.code() + "." + localCode);
    assertThat(type.kind().code()).isEqualTo(agency.code());
    assertThat(type.label()).isNotBlank();
  }

  @Test
  void codesAreStableLowerSnakeCaseUnderTheirAgency() {
    assertThat(vocabulary.all())
        .allSatisfy(
            t -> {
              assertThat(t.code()).matches("[a-z]+\\.[a-z_]+");
              assertThat(t.code()).startsWith(t.kind().code() + ".");
              assertThat(t.localCode()).doesNotContain(".");
            });
  }

  @Test
  void qualifiersAreWhereTheContractNamesThem() {
    assertThat(vocabulary.byCode("police.domestic_abuse_incident").orElseThrow().detail())
        .isEqualTo(new Detail.OneOf("dash_risk", List.of("standard", "medium", "high")));
    assertThat(vocabulary.byCode("police.crime").orElseThrow().detail())
        .isEqualTo(new Detail.OneOf("crime_role", List.of("victim", "offender", "suspect")));
    assertThat(vocabulary.byCode("education.unauthorised_absence").orElseThrow().detail())
        .isEqualTo(new Detail.Count("sessions"));
    assertThat(vocabulary.byCode("police.arrest").orElseThrow().detail())
        .isEqualTo(new Detail.None());
  }

  @Test
  void aTypeIsOnlyFoundInItsOwnAgencysVocabulary() {
    assertThat(vocabulary.find(PartnerId.HEALTH, "police.crime")).isEmpty();
    assertThat(vocabulary.find(PartnerId.HEALTH, "crime")).isEmpty();
    assertThat(vocabulary.find(PartnerId.POLICE, "CRIME")).isPresent();
  }

  @Test
  void everySupportingFamiliesHeadlineTheGeneratorNeedsHasEvidence() {
    assertThat(vocabulary.all())
        .extracting(EventType::criterion)
        .contains(
            SupportingFamiliesCriterion.DOMESTIC_ABUSE,
            SupportingFamiliesCriterion.EDUCATION,
            SupportingFamiliesCriterion.CRIME,
            SupportingFamiliesCriterion.HEALTH,
            SupportingFamiliesCriterion.HOUSING,
            SupportingFamiliesCriterion.CHILD_SAFETY);
  }

  @Test
  void countDetailsAcceptOnlyPositiveWholeNumbers() {
    Detail sessions = new Detail.Count("sessions");

    assertThat(sessions.normalise(" 12 ")).contains("12");
    assertThat(sessions.normalise("0")).isEmpty();
    assertThat(sessions.normalise("-1")).isEmpty();
    assertThat(sessions.normalise("1.5")).isEmpty();
    assertThat(sessions.normalise("1000")).isEmpty();
  }
}
