package org.familyview.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import org.familyview.portal.identity.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharingAgreementsTests {

  @Test
  void theShippedAgreementsCoverEveryFeed() {
    var agreements =
        SharingAgreements.load(
            Path.of(System.getenv().getOrDefault("FV_CONFIG_DIR", "../../config"), "sharing"));

    assertThat(agreements)
        .containsOnlyKeys(
            "police",
            "health",
            "health-south",
            "council",
            "council-south",
            "education",
            "education-south");
    // A second trust's agreement shares its kind's event types.
    assertThat(agreements.get("health-south").sharing()).containsKey("health.ae_attendance");
    assertThat(agreements.get("police").retention()).isEqualTo(Period.ofYears(7));
    assertThat(agreements.get("police").sharing().get("police.crime"))
        .containsExactly(Role.SAFEGUARDING_LEAD);
  }

  @Test
  void everyMistakeIsReportedAtOnce(@TempDir Path folder) throws Exception {
    Files.writeString(
        folder.resolve("police.yaml"),
        """
        agency: police
        name: Demo police
        contact: PPU
        lawful-basis: public task
        legal-gateway: Children Act 2004
        special-category-condition: safeguarding
        retention: seven years
        sharing:
          police.crime: [keyworker, superhero]
          health.ae_attendance: [keyworker]
        restricted-roles: [safeguarding-lead]
        """);

    SharingAgreementsInvalid invalid =
        catchThrowableOfType(SharingAgreementsInvalid.class, () -> SharingAgreements.load(folder));

    assertThat(invalid.problems())
        .containsExactlyInAnyOrder(
            "police.yaml: retention 'seven years' is not an ISO-8601 period such as P7Y",
            "police.yaml: sharing.police.crime names an unknown role 'superhero'",
            "police.yaml: event type health.ae_attendance does not belong to police");
  }
}
