package org.familyview.portal.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A browser that hits an expected web error (another agency's scorecard, an unknown page, a wrong
 * method, a malformed parameter) gets the portal's page rather than the JSON problem detail the API
 * gives: Spring's own handler answers a browser that accepts any type with JSON, which a browser
 * then shows raw. API clients are left to the standard problem-detail handling.
 */
@Component
class BrowserErrors implements HandlerExceptionResolver, Ordered {

  @Override
  public @Nullable ModelAndView resolveException(
      HttpServletRequest request,
      HttpServletResponse response,
      @Nullable Object handler,
      Exception failure) {
    if (!(failure instanceof ErrorResponse error) || ErrorResponses.wantsJson(request)) {
      return null;
    }
    try {
      error
          .getHeaders()
          .forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
      ErrorResponses.write(
          request, response, ErrorResponses.Problem.of(error.getStatusCode().value()));
    } catch (IOException e) {
      return null;
    }
    return new ModelAndView();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
