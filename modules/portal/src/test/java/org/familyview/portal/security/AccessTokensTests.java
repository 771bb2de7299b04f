package org.familyview.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** Each rule a bearer token must pass, with a token that passes it and one that breaks it. */
class AccessTokensTests {

  private static final String ISSUER = "http://localhost:8180/realms/familyview";
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  private static Jwt.Builder anAccessToken() {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .issuer(ISSUER)
        .issuedAt(NOW.minusSeconds(60))
        .expiresAt(NOW.plusSeconds(240))
        .claim("typ", "Bearer")
        .claim("azp", "familyview-cli")
        .claim("preferred_username", "keyworker1");
  }

  private static AccessTokens.Checked decoderOf(UnaryOperator<Jwt.Builder> token) {
    Jwt jwt = token.apply(anAccessToken()).build();
    return new AccessTokens.Checked(
        value -> jwt,
        ISSUER,
        List.of("familyview-portal", "familyview-cli"),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void anAccessTokenOfThePortalsClientPasses() {
    assertThat(decoderOf(t -> t).decode("t").getClaimAsString("preferred_username"))
        .isEqualTo("keyworker1");
  }

  @Test
  void aTokenForAnotherClientPassesWhenItsAudienceIsThePortal() {
    assertThat(
            decoderOf(t -> t.claim("azp", "some-app").audience(List.of("familyview-portal")))
                .decode("t"))
        .isNotNull();
  }

  @Test
  void anIdTokenIsRefusedNamingItsUser() {
    assertThatThrownBy(() -> decoderOf(t -> t.claim("typ", "ID")).decode("t"))
        .isInstanceOfSatisfying(
            RefusedToken.class,
            refused -> {
              assertThat(refused.username()).isEqualTo("keyworker1");
              assertThat(refused.getMessage()).contains("not an access token");
            });
  }

  @Test
  void aTokenOfAnotherClientOfTheRealmIsRefused() {
    assertThatThrownBy(
            () ->
                decoderOf(t -> t.claim("azp", "admin-cli").audience(List.of("account")))
                    .decode("t"))
        .isInstanceOf(RefusedToken.class)
        .hasMessageContaining("not issued to a FamilyView client");
  }

  @Test
  void aTokenOfAnotherIssuerIsRefused() {
    assertThatThrownBy(
            () -> decoderOf(t -> t.issuer("http://localhost:8180/realms/master")).decode("t"))
        .isInstanceOf(RefusedToken.class)
        .hasMessageContaining("another issuer");
  }

  @Test
  void anExpiredTokenIsRefusedBeyondTheClockSkew() {
    assertThat(decoderOf(t -> t.expiresAt(NOW.minusSeconds(30))).decode("t")).isNotNull();
    assertThatThrownBy(
            () ->
                decoderOf(t -> t.issuedAt(NOW.minusSeconds(600)).expiresAt(NOW.minusSeconds(120)))
                    .decode("t"))
        .isInstanceOf(RefusedToken.class)
        .hasMessageContaining("expired");
  }

  @Test
  void theKeycloakOriginIsAllowedAsAFormTargetAndNothingElse() {
    assertThat(SecurityConfiguration.origin(ISSUER)).contains("http://localhost:8180");
    assertThat(SecurityConfiguration.origin("")).isEmpty();
  }

  @Test
  void aRefusalNamesTheUserElseTheSubjectElseTheSession() {
    Jwt named = anAccessToken().build();
    Jwt lightweight = Jwt.withTokenValue("t").header("alg", "RS256").claim("sid", "abc").build();

    assertThat(AccessTokens.Checked.username(named)).isEqualTo("keyworker1");
    assertThat(AccessTokens.Checked.username(lightweight)).isEqualTo("session abc");
  }
}
