package org.familyview.portal.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The portal's real security configuration for web-slice tests, with a client registration that
 * points nowhere and a decoder that rejects every token (tests authenticate with {@code jwt()}).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class TestSecurityImports {

  @Bean
  ClientRegistrationRepository clientRegistrations() {
    return new InMemoryClientRegistrationRepository(
        ClientRegistration.withRegistrationId("keycloak")
            .clientId("familyview-portal")
            .clientSecret("not-used")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid")
            .authorizationUri("http://localhost:1/auth")
            .tokenUri("http://localhost:1/token")
            .jwkSetUri("http://localhost:1/certs")
            .userNameAttributeName("preferred_username")
            .build());
  }

  @Bean
  JwtDecoder jwtDecoder() {
    return token -> {
      throw new JwtException("no real tokens in slice tests");
    };
  }

  @Bean
  PortalSecurityProperties portalSecurityProperties() {
    return new PortalSecurityProperties("http://localhost:8080/");
  }
}
