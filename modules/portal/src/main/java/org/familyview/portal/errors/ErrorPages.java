package org.familyview.portal.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}), in place of Spring Boot's: errors that reach
 * the container (Spring Security's 403s and 401s, an unknown address, an exception no handler took)
 * are answered in the portal's own voice. Opened directly, it is simply not found: Boot's own
 * answered 500 with a status of 999.
 */
@Controller
class ErrorPages implements ErrorController {

  @RequestMapping("/error")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value && value >= 400 ? value : 404;
    Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    ErrorResponses.Problem problem = ErrorResponses.Problem.of(status);
    if (status >= 500 && DatabaseUnavailable.causedBy(failure)) {
      problem = ErrorResponses.Problem.of(503).withDetail(DatabaseUnavailable.DETAIL);
    } else if (status >= 500 && signInUnavailable(failure)) {
      problem = ErrorResponses.Problem.of(503).withDetail(SIGN_IN_UNAVAILABLE);
    }
    ErrorResponses.write(request, response, problem);
  }

  static final String SIGN_IN_UNAVAILABLE =
      "FamilyView cannot check your sign-in just now: the sign-in service is not answering. Try"
          + " again in a few minutes.";

  /** Keycloak's keys could not be fetched to check a token: the identity provider is down. */
  static boolean signInUnavailable(@Nullable Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthenticationServiceException) {
        return true;
      }
    }
    return false;
  }
}
