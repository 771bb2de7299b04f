package org.familyview.portal.security;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.familyview.portal.identity.KeycloakClaims;
import org.familyview.portal.identity.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Keycloak realm roles to Spring authorities, for bearer tokens and browser sessions alike. */
final class KeycloakAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

  @Override
  public Collection<GrantedAuthority> convert(Jwt jwt) {
    return fromClaims(jwt.getClaims());
  }

  static Collection<GrantedAuthority> fromClaims(Map<String, Object> claims) {
    return KeycloakClaims.roles(claims).stream()
        .map(Role::authority)
        .map(SimpleGrantedAuthority::new)
        .collect(Collectors.toUnmodifiableSet());
  }
}
