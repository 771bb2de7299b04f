package org.familyview.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.errors.ErrorResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors. {@code /api/**} takes bearer tokens only and keeps no session, so it needs no CSRF
 * token and answers 401 rather than redirecting. Everything else is the browser portal behind the
 * Keycloak login, with CSRF protection, strict security headers and sessions that expire. Only
 * health and static assets are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

  // GOV.UK Frontend needs its own script and styles only; nothing is loaded from elsewhere.
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
          + "form-action 'self'";

  /**
   * Forms post to the portal only; signing out redirects to Keycloak, which browsers check against
   * form-action too, so Keycloak's own origin (and no other port) is allowed as well.
   */
  private final String contentSecurityPolicy;

  private final RefusalAudit refusals;

  SecurityConfiguration(
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
      ObjectProvider<RequestAudit> audit) {
    this.contentSecurityPolicy =
        CONTENT_SECURITY_POLICY + origin(issuer).map(o -> " " + o).orElse("");
    this.refusals = new RefusalAudit(audit);
  }

  static Optional<String> origin(String uri) {
    if (uri.isBlank()) {
      return Optional.empty();
    }
    URI parsed = URI.create(uri);
    String port = parsed.getPort() < 0 ? "" : ":" + parsed.getPort();
    return Optional.of(parsed.getScheme() + "://" + parsed.getHost() + port);
  }

  /**
   * Requests Spring Security's firewall refuses (a semicolon, an encoded slash) get a 400 problem.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (request, response, rejected) ->
        ErrorResponses.write(request, response, ErrorResponses.Problem.of(400));
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    JwtAuthenticationConverter tokens = new JwtAuthenticationConverter();
    tokens.setJwtGrantedAuthoritiesConverter(new KeycloakAuthorities());
    tokens.setPrincipalClaimName("preferred_username");
    // The metrics endpoint is a door for the operator's scraper: a bearer token of an admin.
    http.securityMatcher("/api/**", "/actuator/prometheus")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/prometheus")
                    .hasRole("admin")
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                    .authenticationEntryPoint(refusals.entryPoint())
                    .accessDeniedHandler(SecurityConfiguration::forbidden))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(refusals.entryPoint())
                    .accessDeniedHandler(SecurityConfiguration::forbidden))
        .addFilterBefore(refusals, ExceptionTranslationFilter.class)
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .headers(this::hardenHeaders);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain portal(
      HttpSecurity http,
      ClientRegistrationRepository registrations,
      JwtDecoder accessTokens,
      PortalSecurityProperties properties)
      throws Exception {
    OidcClientInitiatedLogoutSuccessHandler logout =
        new OidcClientInitiatedLogoutSuccessHandler(registrations);
    logout.setPostLogoutRedirectUri(properties.publicUrl());
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        // The OpenAPI document: partners' developers read it before any account.
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/webjars/**",
                        "/assets/**",
                        "/css/**",
                        "/js/**",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2Login(
            login ->
                login.userInfoEndpoint(
                    userInfo ->
                        userInfo.oidcUserService(new KeycloakOidcUserService(accessTokens))))
        .logout(out -> out.logoutSuccessHandler(logout))
        .addFilterBefore(refusals, ExceptionTranslationFilter.class)
        .csrf(Customizer.withDefaults())
        .headers(this::hardenHeaders);
    return http.build();
  }

  /** The API's 403: the bearer challenge header and a problem detail body. */
  private static void forbidden(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    new BearerTokenAccessDeniedHandler().handle(request, response, denied);
    ErrorResponses.write(request, response, ErrorResponses.Problem.of(403));
  }

  private void hardenHeaders(
      org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity>
          headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
        .referrerPolicy(
            referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
        .frameOptions(frame -> frame.deny());
  }
}
