package org.familyview.portal.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in user. {@code agency} is set for agency uploaders (police, health, council,
 * education); {@code team} groups keyworkers; {@code authority} is the local authority a member of
 * staff works for (see the access module's {@code authority} package). All three come from Keycloak
 * user attributes.
 */
public record CurrentUser(
    String username,
    String name,
    Set<Role> roles,
    @Nullable String agency,
    @Nullable String team,
    @Nullable String authority) {

  public CurrentUser {
    roles = Set.copyOf(roles);
  }

  /** A user whose token names no authority (uploaders, or any user of a single authority). */
  public CurrentUser(
      String username,
      String name,
      Set<Role> roles,
      @Nullable String agency,
      @Nullable String team) {
    this(username, name, roles, agency, team, null);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The user behind a bearer token or a browser session; roles are the granted authorities. */
  public static CurrentUser of(Authentication authentication) {
    CurrentUser fromClaims =
        switch (authentication) {
          case JwtAuthenticationToken jwt -> KeycloakClaims.currentUser(jwt.getTokenAttributes());
          case Authentication a when a.getPrincipal() instanceof OidcUser oidc ->
              KeycloakClaims.currentUser(oidc.getClaims());
          default ->
              new CurrentUser(
                  authentication.getName(), authentication.getName(), Set.of(), null, null);
        };
    Set<Role> granted =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .flatMap(a -> Role.fromAuthority(a).stream())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    return new CurrentUser(
        fromClaims.username(),
        fromClaims.name(),
        granted,
        fromClaims.agency(),
        fromClaims.team(),
        fromClaims.authority());
  }
}
