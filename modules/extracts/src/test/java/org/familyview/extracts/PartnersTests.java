package org.familyview.extracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnersTests {

  private static final Path SHIPPED =
      Path.of(System.getenv().getOrDefault("FV_CONFIG_DIR", "../../config"), "partners");

  static final String HOUSING =
      """
      id: housing-north
      name: Northshire Homes
      kind: housing
      authorities: [northshire]
      contact: Tenancy Safeguarding Team, 0300 000 0505
      feeds: [upload]
      vocabulary:
        - code: repairs_access_refused
          label: Repairs access refused
          criterion: housing
        - code: housing.welfare_visit
          label: Tenancy welfare visit
          detail: outcome
          detail-values: [seen, not_seen]
      """;

  @Test
  void theShippedConfigurationIsTheDemoWorldsPartners() {
    Partners partners = Partners.load(SHIPPED);

    assertThat(partners.ids())
        .extracting(PartnerId::code)
        .containsExactlyInAnyOrder(
            "police",
            "health",
            "health-south",
            "council",
            "council-south",
            "education",
            "education-south");
    Partner police = partners.find("police").orElseThrow();
    assertThat(police.authorities()).containsExactly("northshire", "southshire");
    Partner trust = partners.find("health-south").orElseThrow();
    assertThat(trust.kind()).isEqualTo(PartnerKind.HEALTH);
    assertThat(trust.authorities()).containsExactly("southshire");
    // A second trust uses its kind's vocabulary, codes and all.
    assertThat(partners.vocabulary().find(trust.id(), "ae_attendance").orElseThrow().code())
        .isEqualTo("health.ae_attendance");
  }

  @Test
  void aPartnerAddedInConfigurationGetsItsKindsTypesAndItsOwn(@TempDir Path folder)
      throws Exception {
    Files.writeString(folder.resolve("housing-north.yaml"), HOUSING);

    Partners partners = Partners.load(folder);
    PartnerId housing = new PartnerId("housing-north");
    Vocabulary vocabulary = partners.vocabulary();

    assertThat(partners.find(housing).orElseThrow().name()).isEqualTo("Northshire Homes");
    assertThat(partners.find(housing).orElseThrow().delivers(Partner.Feed.DROP_FOLDER)).isFalse();
    EventType own = vocabulary.find(housing, "REPAIRS_ACCESS_REFUSED").orElseThrow();
    assertThat(own.code()).isEqualTo("housing.repairs_access_refused");
    assertThat(own.kind()).isEqualTo(PartnerKind.HOUSING);
    assertThat(own.criterion()).isEqualTo(SupportingFamiliesCriterion.HOUSING);
    assertThat(vocabulary.find(housing, "welfare_visit").orElseThrow().detail())
        .isEqualTo(new Detail.OneOf("outcome", java.util.List.of("seen", "not_seen")));
    assertThat(vocabulary.find(housing, "tenancy_start"))
        .as("its kind's standard type")
        .isPresent();
    assertThat(vocabulary.byCode("housing.repairs_access_refused")).contains(own);
    assertThat(vocabulary.find(housing, "police.crime")).isEmpty();
  }

  @Test
  void everyMistakeIsReportedAtOnceByFileAndField(@TempDir Path folder) throws Exception {
    Files.writeString(
        folder.resolve("a.yaml"),
        """
        id: Police Force
        kind: constabulary
        authorites: [northshire]
        contact: PPU
        feeds: [upload, carrier-pigeon]
        """);
    Files.writeString(
        folder.resolve("b.yaml"),
        """
        id: housing-north
        name: Northshire Homes
        kind: housing
        authorities: [northshire]
        contact: Tenancy team
        vocabulary:
          - code: tenancy_start
            label: Again
          - code: Bad Code
        """);
    Files.writeString(folder.resolve("c.yaml"), HOUSING);

    PartnersInvalid invalid =
        catchThrowableOfType(PartnersInvalid.class, () -> Partners.load(folder));

    assertThat(invalid.problems())
        .containsExactly(
            "a.yaml: authorites is not a partner field (one of "
                + "[id, name, kind, authorities, contact, feeds, agreement, vocabulary])",
            "a.yaml: id: 'Police Force' must be lower-case letters, digits and hyphens, starting"
                + " with a letter",
            "a.yaml: name is required",
            "a.yaml: kind: 'constabulary' is not one of"
                + " [police, health, council, education, housing, other]",
            "a.yaml: authorities: a list of at least one authority id is required",
            "a.yaml: feeds: 'carrier-pigeon' is not one of [upload, drop-folder]",
            "b.yaml: vocabulary[0].code: housing.tenancy_start is already a standard type",
            "b.yaml: vocabulary[1].code: 'bad code' is not a lower_snake_case code",
            "b.yaml: vocabulary[1].label is required",
            "c.yaml: id: housing-north is already the id of b.yaml");
  }

  @Test
  void anEmptyFolderIsAMistakeNotFourDefaultPartners(@TempDir Path folder) {
    assertThatThrownBy(() -> Partners.load(folder))
        .isInstanceOf(PartnersInvalid.class)
        .hasMessageContaining("no partner is configured");
  }

  @Test
  void withoutConfigurationTheFourVersionOneAgenciesAreThePartners() {
    assertThat(Partners.v1().ids()).containsExactlyElementsOf(PartnerId.V1);
    assertThat(Partners.v1().find("Police ").orElseThrow().kind()).isEqualTo(PartnerKind.POLICE);
    assertThat(Vocabulary.standard().find(PartnerId.COUNCIL, "eviction")).isPresent();
  }

  @Test
  void idsAreStoredUpperCaseAsVersionOneStoredItsEnumNames() {
    assertThat(new PartnerId("health-south").stored()).isEqualTo("HEALTH-SOUTH");
    assertThat(PartnerId.fromStored("POLICE")).isEqualTo(PartnerId.POLICE);
    assertThat(PartnerId.fromCode(" Council ")).contains(PartnerId.COUNCIL);
    assertThat(PartnerId.fromCode("../etc")).isEmpty();
    assertThatThrownBy(() -> new PartnerId("Police")).isInstanceOf(IllegalArgumentException.class);
  }
}
