package org.familyview.portal.security;

import java.util.HashSet;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Browser sign-in: Keycloak puts realm roles in the access token, not the ID token, so the roles of
 * a browser session are read from the access token after verifying it with the same decoder
 * (signature and issuer) the API uses. A session therefore never holds a role a bearer token for
 * the same user would not.
 */
final class KeycloakOidcUserService extends OidcUserService {

  private final JwtDecoder accessTokens;

  KeycloakOidcUserService(JwtDecoder accessTokens) {
    this.accessTokens = accessTokens;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
    OidcUser user = super.loadUser(request);
    Set<GrantedAuthority> authorities = new HashSet<>();
    try {
      authorities.addAll(
          KeycloakAuthorities.fromClaims(
              accessTokens.decode(request.getAccessToken().getTokenValue()).getClaims()));
    } catch (JwtException e) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error("invalid_token", "The access token could not be verified", null), e);
    }
    return new DefaultOidcUser(
        authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
  }
}
