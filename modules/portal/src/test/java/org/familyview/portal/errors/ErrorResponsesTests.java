package org.familyview.portal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.server.ResponseStatusException;

class ErrorResponsesTests {

  @Test
  void anApiPathGetsAProblemDetailWhateverItAccepts() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/persons/x");
    request.addHeader("Accept", "text/html");
    MockHttpServletResponse response = new MockHttpServletResponse();

    ErrorResponses.write(request, response, ErrorResponses.Problem.of(404));

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Page not found\",\"status\":404,"
                + "\"detail\":\"If you typed the address, check it is correct.\"}");
  }

  @Test
  void aBrowserGetsAGovUkPageWithTheTextEscaped() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/review");
    request.addHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    MockHttpServletResponse response = new MockHttpServletResponse();

    ErrorResponses.write(
        request, response, ErrorResponses.Problem.of(403).withDetail("<script>x</script> \"q\""));

    assertThat(response.getContentType()).startsWith("text/html");
    assertThat(response.getContentAsString())
        .contains("govuk-template", "You do not have access to this", "&lt;script&gt;")
        .doesNotContain("<script>x");
  }

  @Test
  void jsonEscapesQuotesBackslashesAndControlCharacters() {
    assertThat(ErrorResponses.json(new ErrorResponses.Problem(400, "a\"b", "c\\d\ne")))
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"a\\\"b\",\"status\":400,\"detail\":\"c\\\\d\\u000ae\"}");
  }

  @Test
  void aLostDatabaseConnectionIsRecognisedThroughItsCauses() {
    assertThat(
            DatabaseUnavailable.causedBy(
                new DataAccessResourceFailureException(
                    "x", new SQLTransientConnectionException("pool timeout"))))
        .isTrue();
    assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new ConnectException()))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new SQLException("refused", "08001"))).isTrue();
    assertThat(DatabaseUnavailable.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseUnavailable.causedBy(null)).isFalse();
  }

  @Test
  void aBrowserRefusedByAControllerGetsThePageAndAnApiClientTheProblemDetail() throws Exception {
    BrowserErrors resolver = new BrowserErrors();
    MockHttpServletRequest browser =
        new MockHttpServletRequest("GET", "/extracts/scorecard/police");
    browser.addHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    MockHttpServletResponse page = new MockHttpServletResponse();

    assertThat(
            resolver.resolveException(
                browser, page, null, new ResponseStatusException(HttpStatus.FORBIDDEN)))
        .isNotNull();
    assertThat(page.getStatus()).isEqualTo(403);
    assertThat(page.getContentAsString()).contains("govuk-template");

    MockHttpServletRequest api = new MockHttpServletRequest("GET", "/api/extracts/x");
    assertThat(
            resolver.resolveException(
                api,
                new MockHttpServletResponse(),
                null,
                new ResponseStatusException(HttpStatus.FORBIDDEN)))
        .isNull();
  }
}
