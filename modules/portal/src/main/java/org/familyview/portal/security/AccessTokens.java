package org.familyview.portal.security;

import jakarta.validation.constraints.NotEmpty;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.client.RestTemplate;

/**
 * The API's bearer tokens. Any token the realm signs used to be accepted (an ID token, a token
 * issued to {@code admin-cli}); now a token must be an access token ({@code typ} "Bearer"), from
 * the realm's issuer, unexpired, and issued to or for one of the portal's clients ({@code azp} or
 * {@code aud}). The signature is checked first, so a refusal can name the user it was issued to.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessTokens.Clients.class)
class AccessTokens {

  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /** {@code familyview.portal.tokens.clients}: the clients whose access tokens the API takes. */
  @Validated
  @ConfigurationProperties("familyview.portal.tokens")
  record Clients(
      @DefaultValue({"familyview-portal", "familyview-cli"}) @NotEmpty List<String> clients) {}

  @Bean
  JwtDecoder jwtDecoder(
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
      @Value("${spring.security.oauth2.client.provider.keycloak.jwk-set-uri}") String jwkSetUri,
      Clients clients) {
    // Keycloak's keys are fetched once and cached; a slow first answer (a busy machine) must not
    // turn every request into a 503, while a Keycloak that does not answer at all must.
    SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
    http.setConnectTimeout(Duration.ofSeconds(5));
    http.setReadTimeout(Duration.ofSeconds(20));
    NimbusJwtDecoder signatures =
        NimbusJwtDecoder.withJwkSetUri(jwkSetUri).restOperations(new RestTemplate(http)).build();
    // Nothing but the signature here: the checks below say which rule a token broke.
    signatures.setJwtValidator(token -> OAuth2TokenValidatorResult.success());
    return new Checked(signatures, issuer, clients.clients(), Clock.systemUTC());
  }

  /** Verifies the signature, then the token's issuer, lifetime, type and client. */
  record Checked(JwtDecoder signatures, String issuer, List<String> clients, Clock clock)
      implements JwtDecoder {

    @Override
    public Jwt decode(String token) throws JwtException {
      Jwt jwt = signatures.decode(token);
      Optional<String> refusal = refusal(jwt);
      if (refusal.isPresent()) {
        throw new RefusedToken(username(jwt), refusal.get());
      }
      return jwt;
    }

    Optional<String> refusal(Jwt jwt) {
      if (jwt.getIssuer() == null || !issuer.equals(jwt.getIssuer().toString())) {
        return Optional.of("the token was issued by another issuer");
      }
      Instant now = clock.instant();
      if (jwt.getExpiresAt() == null || now.minus(CLOCK_SKEW).isAfter(jwt.getExpiresAt())) {
        return Optional.of("the token has expired");
      }
      if (jwt.getNotBefore() != null && now.plus(CLOCK_SKEW).isBefore(jwt.getNotBefore())) {
        return Optional.of("the token is not valid yet");
      }
      if (!"Bearer".equals(jwt.getClaimAsString("typ"))) {
        return Optional.of("not an access token (typ " + jwt.getClaimAsString("typ") + ")");
      }
      if (!issuedToAPortalClient(jwt)) {
        return Optional.of("the token was not issued to a FamilyView client");
      }
      return Optional.empty();
    }

    private boolean issuedToAPortalClient(Jwt jwt) {
      @Nullable String azp = jwt.getClaimAsString("azp");
      List<String> audience = jwt.getAudience() == null ? List.of() : jwt.getAudience();
      return (azp != null && clients.contains(azp))
          || audience.stream().anyMatch(clients::contains);
    }

    /**
     * Whom the signed token names: the username, else the subject, else (Keycloak's lightweight
     * tokens carry neither) its session, which Keycloak's own records resolve to a user.
     */
    static String username(Jwt jwt) {
      for (String claim : new String[] {"preferred_username", "sub"}) {
        String value = jwt.getClaimAsString(claim);
        if (value != null && !value.isBlank()) {
          return value;
        }
      }
      String session = jwt.getClaimAsString("sid");
      return session != null ? "session " + session : "unnamed token " + jwt.getId();
    }
  }
}
