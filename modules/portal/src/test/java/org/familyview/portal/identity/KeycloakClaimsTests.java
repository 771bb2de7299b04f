package org.familyview.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeycloakClaimsTests {

  static Stream<Arguments> realmAccess() {
    return Stream.of(
        Arguments.of(Map.of(), Set.of()),
        Arguments.of(Map.of("realm_access", Map.of()), Set.of()),
        Arguments.of(
            Map.of("realm_access", Map.of("roles", List.of("keyworker"))), Set.of(Role.KEYWORKER)),
        Arguments.of(
            Map.of("realm_access", Map.of("roles", List.of("data-steward", "auditor"))),
            Set.of(Role.DATA_STEWARD, Role.AUDITOR)),
        // Keycloak's built-in roles and anything unknown grant nothing in FamilyView.
        Arguments.of(
            Map.of(
                "realm_access",
                Map.of("roles", List.of("offline_access", "uma_authorization", "superuser"))),
            Set.of()),
        Arguments.of(Map.of("realm_access", Map.of("roles", "admin")), Set.of()),
        // A role claimed at the top level (not where Keycloak puts realm roles) is not trusted.
        Arguments.of(Map.of("roles", List.of("admin")), Set.of()));
  }

  @ParameterizedTest
  @MethodSource("realmAccess")
  void readsOnlyKnownRealmRoles(Map<String, Object> claims, Set<Role> expected) {
    assertThat(KeycloakClaims.roles(claims)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("users")
  void readsUserAttributes(Map<String, Object> claims, CurrentUser expected) {
    assertThat(KeycloakClaims.currentUser(claims)).isEqualTo(expected);
  }

  static Stream<Arguments> users() {
    return Stream.of(
        Arguments.of(
            Map.of("preferred_username", "police-upload", "name", "Pat Police", "agency", "police"),
            new CurrentUser("police-upload", "Pat Police", Set.of(), "police", null)),
        Arguments.of(
            Map.of("preferred_username", "keyworker1", "team", List.of("north")),
            new CurrentUser("keyworker1", "keyworker1", Set.of(), null, "north")),
        Arguments.of(Map.of("sub", "1234"), new CurrentUser("1234", "1234", Set.of(), null, null)),
        Arguments.of(
            Map.of("preferred_username", "lead", "agency", " "),
            new CurrentUser("lead", "lead", Set.of(), null, null)));
  }
}
