package org.familyview.alerts.inbox;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Records each signed-in user that reaches a page or the API in {@link KnownUsers}. */
@Configuration(proxyBeanMethods = false)
class SeenUsers implements WebMvcConfigurer, HandlerInterceptor {

  private final KnownUsers users;

  SeenUsers(KnownUsers users) {
    this.users = users;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).excludePathPatterns("/css/**", "/js/**", "/webjars/**");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    if (who != null && who.isAuthenticated() && claims(who) != null) {
      CurrentUser user = CurrentUser.of(who);
      users.seen(
          user.username(),
          user.team(),
          email(who),
          checksFor(user),
          user.authority(),
          user.roles().stream().map(Role::realmName).toList());
    }
    return true;
  }

  /** The partner a partner-checker answers for, lower case as the front door names it. */
  static @Nullable String checksFor(CurrentUser user) {
    return user.has(Role.PARTNER_CHECKER) && user.agency() != null
        ? user.agency().toLowerCase(Locale.ROOT)
        : null;
  }

  static @Nullable Map<String, Object> claims(Authentication who) {
    return switch (who) {
      case JwtAuthenticationToken jwt -> jwt.getTokenAttributes();
      case Authentication a when a.getPrincipal() instanceof OidcUser oidc -> oidc.getClaims();
      default -> null;
    };
  }

  static @Nullable String email(Authentication who) {
    Map<String, Object> claims = claims(who);
    return claims != null && claims.get("email") instanceof String email && !email.isBlank()
        ? email
        : null;
  }
}
