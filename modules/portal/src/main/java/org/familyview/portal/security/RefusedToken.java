package org.familyview.portal.security;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * A token whose signature FamilyView's realm made, refused for what it is: expired, an ID or
 * refresh token rather than an access token, or issued to a client that is not the portal's. The
 * signature proves who it names, so the refusal can be audited against that user.
 */
final class RefusedToken extends BadJwtException {

  private final String username;

  RefusedToken(String username, String reason) {
    super(reason);
    this.username = username;
  }

  String username() {
    return username;
  }
}
