package org.familyview.app.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.familyview.extracts.Partner;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.PartnerKind;
import org.familyview.extracts.Partners;
import org.junit.jupiter.api.Test;

/**
 * Review's "involves police" and agency picker follow the configured partners' kinds, not version
 * 1's ids: a second force is police, a trust whose id is not {@code health} is not.
 */
class ConfiguredPartnerKindsTests {

  final ConfiguredPartnerKinds kinds =
      new ConfiguredPartnerKinds(
          Partners.of(
              List.of(
                  partner("health-south", PartnerKind.HEALTH),
                  partner("housing-north", PartnerKind.HOUSING),
                  partner("police", PartnerKind.POLICE),
                  partner("west-police", PartnerKind.POLICE))));

  @Test
  void aPartnerIsPoliceByItsKindWhateverItsId() {
    assertThat(kinds.isPolice("WEST-POLICE")).isTrue();
    assertThat(kinds.isPolice("police")).isTrue();
    assertThat(kinds.isPolice("HEALTH-SOUTH")).isFalse();
    assertThat(kinds.isPolice("housing-north")).isFalse();
    // A partner nobody configures now is nobody's force.
    assertThat(kinds.isPolice("PROBATION")).isFalse();
  }

  @Test
  void thePickerListsEveryConfiguredPartnerAsStoredByKind() {
    assertThat(kinds.stored())
        .containsExactly("POLICE", "WEST-POLICE", "HEALTH-SOUTH", "HOUSING-NORTH");
  }

  private static Partner partner(String id, PartnerKind kind) {
    return new Partner(
        new PartnerId(id),
        id,
        kind,
        List.of(),
        "the " + id + " contact",
        Set.of(Partner.Feed.UPLOAD),
        id,
        List.of());
  }
}
