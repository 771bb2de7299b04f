package org.familyview.portal.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes an error response the caller can read. Plain servlet API and no framework beneath it,
 * because the container's own error valve uses it before Spring has seen the request.
 *
 * <p>API clients (a path under {@code /api/}, or a request that asks for JSON and not HTML) get
 * {@code application/problem+json}; browsers get a short GOV.UK page that says what happened and
 * what to do, never a stack trace, a server version or the request's own text.
 */
public final class ErrorResponses {

  private ErrorResponses() {}

  /** The status, a title for people and a one-line reason; nothing from the request itself. */
  public record Problem(int status, String title, String detail) {

    public static Problem of(int status) {
      return new Problem(status, titleFor(status), detailFor(status));
    }

    public Problem withDetail(String value) {
      return new Problem(status, title, value);
    }
  }

  public static boolean wantsJson(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (path != null && (path.startsWith("/api/") || path.equals("/api"))) {
      return true;
    }
    String accept = request.getHeader("Accept");
    if (accept == null || accept.isBlank()) {
      return true;
    }
    return !accept.contains(MediaType.TEXT_HTML_VALUE)
        && (accept.contains("json") || !accept.contains("*/*"));
  }

  public static void write(
      HttpServletRequest request, HttpServletResponse response, Problem problem)
      throws IOException {
    boolean json = wantsJson(request);
    byte[] body = (json ? json(problem) : page(problem)).getBytes(StandardCharsets.UTF_8);
    response.setStatus(problem.status());
    response.setContentType(
        json ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      response.setHeader("Retry-After", "30");
    }
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  static String json(Problem problem) {
    return "{\"type\":\"about:blank\",\"title\":"
        + quoted(problem.title())
        + ",\"status\":"
        + problem.status()
        + ",\"detail\":"
        + quoted(problem.detail())
        + "}";
  }

  static String page(Problem problem) {
    String title = HtmlUtils.htmlEscape(problem.title());
    String detail = HtmlUtils.htmlEscape(problem.detail());
    return """
        <!DOCTYPE html>
        <html lang="en" class="govuk-template">
        <head>
          <meta charset="utf-8">
          <title>%1$s – FamilyView</title>
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
          <meta name="robots" content="noindex, nofollow">
          <link rel="stylesheet" href="/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css">
          <link rel="stylesheet" href="/css/familyview.css">
        </head>
        <body class="govuk-template__body">
        <header class="govuk-header">
          <div class="govuk-header__container govuk-width-container">
            <div class="govuk-header__logo">
              <a href="/" class="govuk-header__link govuk-header__service-name">FamilyView</a>
            </div>
          </div>
        </header>
        <div class="govuk-width-container">
          <main class="govuk-main-wrapper" id="main-content" role="main">
            <h1 class="govuk-heading-l" id="error-title">%1$s</h1>
            <p class="govuk-body" id="error-detail">%2$s</p>
            <p class="govuk-body">Error %3$d. <a class="govuk-link" href="/">Go to your FamilyView home page</a>.</p>
          </main>
        </div>
        </body>
        </html>
        """
        .formatted(title, detail, problem.status());
  }

  private static String quoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String titleFor(int status) {
    return switch (status) {
      case 400 -> "There is a problem with the request";
      case 401 -> "Sign in to continue";
      case 403 -> "You do not have access to this";
      case 404 -> "Page not found";
      case 405 -> "This action is not allowed here";
      case 413 -> "What you sent is too large";
      case 503 -> "Sorry, the service is unavailable";
      default -> status >= 500 ? "Sorry, there is a problem with the service" : "Request refused";
    };
  }

  static String detailFor(int status) {
    return switch (status) {
      case 400 -> "The address or the request was not understood. Check it and try again.";
      case 401 -> "You need to sign in, or your sign-in has expired.";
      case 403 ->
          "Your role does not allow this. If you need it for your work, ask your safeguarding"
              + " lead or administrator.";
      case 404 -> "If you typed the address, check it is correct.";
      case 405 -> "The address exists, but not for this kind of request.";
      case 413 -> "Send less at a time, or ask an administrator to raise the limit.";
      case 503 ->
          "A service FamilyView depends on is not answering. Try again in a few minutes; nothing"
              + " you did was lost.";
      default -> "Try again later. The error has been logged.";
    };
  }
}
