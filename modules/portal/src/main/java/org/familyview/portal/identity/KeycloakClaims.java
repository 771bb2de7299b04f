package org.familyview.portal.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads FamilyView's identity out of Keycloak token claims. Keycloak puts realm roles in {@code
 * realm_access.roles}; the realm maps the user attributes {@code agency}, {@code team} and {@code
 * authority} to claims of the same names. Roles FamilyView does not know are ignored rather than
 * trusted.
 */
public final class KeycloakClaims {

  private KeycloakClaims() {}

  public static Set<Role> roles(Map<String, Object> claims) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
        && realmAccess.get("roles") instanceof Collection<?> names) {
      for (Object name : names) {
        if (name instanceof String s) {
          Role.fromRealmName(s).ifPresent(roles::add);
        }
      }
    }
    return roles;
  }

  public static CurrentUser currentUser(Map<String, Object> claims) {
    String username = text(claims, "preferred_username", text(claims, "sub", "unknown"));
    String name = text(claims, "name", username);
    return new CurrentUser(
        username,
        name,
        roles(claims),
        text(claims, "agency", null),
        text(claims, "team", null),
        text(claims, "authority", null));
  }

  private static String text(Map<String, Object> claims, String key, String fallback) {
    Object value = claims.get(key);
    if (value instanceof Collection<?> many && !many.isEmpty()) {
      value = many.iterator().next();
    }
    return value instanceof String s && !s.isBlank() ? s : fallback;
  }
}
