package org.familyview.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.familyview.extracts.PartnerId;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AgencyAccessTests {

  @Test
  void aPoliceUploaderMaySendPoliceExtracts() {
    assertThat(AgencyAccess.of(uploader("police"), PartnerId.POLICE))
        .isInstanceOf(AgencyAccess.Allowed.class);
  }

  @Test
  void aPoliceUploaderMayNotSendHealthExtracts() {
    assertThat(AgencyAccess.of(uploader("police"), PartnerId.HEALTH))
        .isInstanceOf(AgencyAccess.Denied.class);
  }

  @Test
  void anUploaderWithoutAnAgencyMaySendNothing() {
    assertThat(AgencyAccess.visibleTo(uploader(null), PartnerId.V1)).isEmpty();
  }

  @Test
  void anAdminMaySendAndSeeEveryAgency() {
    CurrentUser admin = user(Set.of(Role.ADMIN), null);
    assertThat(AgencyAccess.visibleTo(admin, PartnerId.V1))
        .containsExactlyInAnyOrderElementsOf(PartnerId.V1);
  }

  @Test
  void aKeyworkerWithAnAgencyAttributeIsStillNotAnUploader() {
    CurrentUser keyworker = user(Set.of(Role.KEYWORKER), "police");
    assertThat(AgencyAccess.of(keyworker, PartnerId.POLICE))
        .isInstanceOf(AgencyAccess.Denied.class);
  }

  @Test
  void anUploaderSeesOnlyTheirOwnAgency() {
    assertThat(AgencyAccess.visibleTo(uploader("Health"), PartnerId.V1))
        .containsExactly(PartnerId.HEALTH);
  }

  private static CurrentUser uploader(@Nullable String agency) {
    return user(Set.of(Role.AGENCY_UPLOADER), agency);
  }

  private static CurrentUser user(Set<Role> roles, @Nullable String agency) {
    return new CurrentUser("someone", "Some One", roles, agency, null);
  }
}
