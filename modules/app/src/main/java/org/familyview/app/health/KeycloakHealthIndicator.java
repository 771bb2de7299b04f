package org.familyview.app.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Keycloak is up for FamilyView when the realm's OpenID discovery document is served: without it
 * nobody can sign in and no token can be verified once the key cache expires.
 */
@Component("keycloak")
class KeycloakHealthIndicator extends AbstractHealthIndicator {

  private final URI discovery;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  KeycloakHealthIndicator(
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
    super("Keycloak health check failed");
    this.discovery = URI.create(issuer + "/.well-known/openid-configuration");
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() == 200) {
      builder.up();
    } else {
      builder.down().withDetail("status", response.statusCode());
    }
  }
}
