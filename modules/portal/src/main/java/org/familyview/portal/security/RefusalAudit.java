package org.familyview.portal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.errors.ErrorResponses;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every refusal leaves a trace. The case gates audit their own refusals with what was asked for;
 * everything else refused with a 403 (a role that does not fit the endpoint, another agency's
 * extract, a keyworker assigning themself a caseload) is recorded here once the request is done,
 * with who, the method and path, and the status. A 401 is recorded when the token's signature names
 * a user (an expired token, an ID token, a token for another client).
 */
final class RefusalAudit extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RefusalAudit.class);

  private final ObjectProvider<RequestAudit> audit;

  RefusalAudit(ObjectProvider<RequestAudit> audit) {
    this.audit = audit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN
          && request.getAttribute(RequestAudit.REFUSAL_RECORDED) == null) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who != null
            && who.isAuthenticated()
            && !(who instanceof AnonymousAuthenticationToken)) {
          record(request, audit -> audit.event(who, request, AuditAction.ACCESS_REFUSED), "403");
        }
      }
    }
  }

  /** The API's 401: recorded against the user a verified but refused token names. */
  AuthenticationEntryPoint entryPoint() {
    BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    return (request, response, failure) -> {
      RefusedToken refused = refusedToken(failure);
      if (refused != null) {
        record(
            request,
            audit ->
                AuditEvent.of(refused.username(), Set.of(), AuditAction.ACCESS_REFUSED)
                    .from(request.getRemoteAddr()),
            "401: " + refused.getMessage());
      }
      bearer.commence(request, response, failure);
      ErrorResponses.write(request, response, ErrorResponses.Problem.of(401));
    };
  }

  private interface Event {
    AuditEvent of(RequestAudit audit);
  }

  private void record(HttpServletRequest request, Event event, String why) {
    RequestAudit requests = audit.getIfAvailable();
    if (requests == null) {
      return;
    }
    try {
      requests.record(
          event
              .of(requests)
              .on("request", request.getMethod() + " " + request.getRequestURI())
              .withDetail(why)
              .denied());
    } catch (RuntimeException e) {
      // The refusal stands; only its record failed (the database may be down). No request data.
      log.warn("A refused request could not be audited: {}", e.getClass().getSimpleName());
    }
  }

  private static @Nullable RefusedToken refusedToken(AuthenticationException failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RefusedToken refused) {
        return refused;
      }
    }
    return null;
  }
}
