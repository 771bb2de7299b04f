package org.familyview.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.familyview.testsupport.BearerRequests;
import org.familyview.testsupport.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue findings 3, 6, 7 and 9, against the real Keycloak and PostgreSQL: tokens that are not the
 * portal's access tokens are refused and the refusal is audited against the user they name; every
 * 403 outside a case gate is audited; a refused break-glass keeps what the user typed; every error
 * is a problem detail for API clients and a GOV.UK page for browsers, container errors included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RefusalsAndErrorsIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

  @LocalServerPort int port;

  @Test
  void anIdTokenIsNotAnAccessTokenAndItsRefusalIsAuditedAgainstItsUser() throws Exception {
    Instant before = Instant.now();
    String idToken = token("familyview-cli", "keyworker2", "openid").get("id_token").asString();

    HttpResponse<String> refused = call("GET", "/api/me", idToken, null);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refusalsOf("keyworker2", before))
        .anySatisfy(e -> assertThat(e).contains("GET /api/me").contains("401").contains("typ ID"));
  }

  @Test
  void aTokenIssuedToAnotherClientOfTheRealmIsRefused() throws Exception {
    Instant before = Instant.now();
    String adminCli = token("admin-cli", "keyworker2", null).get("access_token").asString();

    assertThat(call("GET", "/api/me", adminCli, null).statusCode()).isEqualTo(401);
    // admin-cli's tokens are Keycloak's lightweight ones: no username, often no subject either, so
    // the refusal names whatever the signed token does name (at least its session).
    assertThat(refusalsOf(null, before))
        .anySatisfy(
            e -> assertThat(e).contains("GET /api/me").contains("401").doesNotContain("typ ID"));
    // The portal's own clients' access tokens still work.
    assertThat(BearerRequests.get(port, "/api/me", "keyworker2").statusCode()).isEqualTo(200);
  }

  @Test
  void aForbiddenRequestOutsideTheCaseGateIsAuditedWithWhoAndWhat() throws Exception {
    Instant before = Instant.now();
    String body = "{\"keyworker\":\"keyworker2\",\"familyId\":\"F-" + UUID.randomUUID() + "\"}";

    HttpResponse<String> assigning =
        BearerRequests.post(port, "/api/caseloads", "keyworker2", body);
    HttpResponse<String> readingTheTrail = BearerRequests.get(port, "/api/audit", "keyworker2");

    assertThat(assigning.statusCode()).isEqualTo(403);
    assertThat(readingTheTrail.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(assigning.body()).get("status").asInt()).isEqualTo(403);
    assertThat(refusalsOf("keyworker2", before))
        .anySatisfy(e -> assertThat(e).contains("POST /api/caseloads"))
        .anySatisfy(e -> assertThat(e).contains("GET /api/audit"));
  }

  @Test
  void theIssuesOtherRefusalsAreEachAuditedAgainstTheirUser() throws Exception {
    Instant before = Instant.now();

    assertThat(BearerRequests.post(port, "/api/pipeline/runs", "keyworker2", "{}").statusCode())
        .isEqualTo(403);
    assertThat(
            BearerRequests.get(port, "/api/persons/P-refused/subject-access", "keyworker2")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            BearerRequests.post(port, "/api/retention/runs?dryRun=true", "lead", "{}").statusCode())
        .isEqualTo(403);

    assertThat(refusalsOf("keyworker2", before))
        .anySatisfy(e -> assertThat(e).contains("POST /api/pipeline/runs"))
        .anySatisfy(e -> assertThat(e).contains("GET /api/persons/P-refused/subject-access"));
    assertThat(refusalsOf("lead", before))
        .anySatisfy(e -> assertThat(e).contains("POST /api/retention/runs"));
  }

  @Test
  void aRefusedBreakGlassKeepsThePurposeAndTheReasonTheUserTyped() throws Exception {
    String family = "F-" + UUID.randomUUID();
    String typed = "Neighbour rang about shouting " + UUID.randomUUID();
    String body = "{\"purpose\":\"curiosity\",\"reason\":\"" + typed + "\"}";

    assertThat(
            BearerRequests.post(
                    port, "/api/families/" + family + "/access-reasons", "keyworker1", body)
                .statusCode())
        .isEqualTo(400);

    JsonNode entries =
        JSON.readTree(BearerRequests.get(port, "/api/audit?familyId=" + family, "auditor").body())
            .get("entries");
    assertThat(entries.values())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("outcome").asString()).isEqualTo("DENIED");
              assertThat(e.get("purpose").asString()).isEqualTo("curiosity");
              assertThat(e.get("detail").asString()).isEqualTo(typed);
            });
  }

  @Test
  void containerLevelErrorsAreProblemDetailsForTheApiAndPagesForBrowsers() throws Exception {
    String longQuery = "/api/search?q=" + "a".repeat(10_000);
    for (String path :
        List.of("/api/persons/a%00b", "/api/persons/a%2fb", "/api/me;x=1", longQuery)) {
      HttpResponse<String> response = raw(path, "application/json");
      assertThat(response.statusCode()).as(path).isBetween(400, 499);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(path)
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(JSON.readTree(response.body()).get("status").asInt())
          .as(path)
          .isEqualTo(response.statusCode());
      assertThat(response.body()).as(path).doesNotContainIgnoringCase("tomcat");
    }
    HttpResponse<String> page = raw("/persons/a%00b", BROWSER);
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("govuk-template").doesNotContainIgnoringCase("tomcat");
  }

  @Test
  void aBrowserIsShownAPageWhereTheApiGetsAProblemDetail() throws Exception {
    // The error page needs no sign-in, whatever the error (it is where the container forwards).
    HttpResponse<String> page = raw("/error", BROWSER);

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains("govuk-template", "Page not found")
        .doesNotContain("Whitelabel");
  }

  @Test
  void theErrorPageOpenedDirectlyIsNotFoundNotAFiveHundredWithStatus999() throws Exception {
    HttpResponse<String> response = raw("/error", "application/json");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void anUnknownApiAddressAndAWrongMethodAreProblemDetails() throws Exception {
    HttpResponse<String> unknown = BearerRequests.get(port, "/api/no-such-thing", "keyworker1");
    HttpResponse<String> wrongMethod =
        call("DELETE", "/api/me", KeycloakTokens.accessToken("keyworker1"), null);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("status").asInt()).isEqualTo(404);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(JSON.readTree(wrongMethod.body()).get("status").asInt()).isEqualTo(405);
  }

  @Test
  void formsMayPostToThePortalAndRedirectToKeycloakOnly() throws Exception {
    String policy =
        raw("/api/me", "application/json")
            .headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow();

    assertThat(policy).contains("form-action 'self' " + KeycloakTokens.keycloakUrl());
    assertThat(policy).doesNotContain("localhost:*");
  }

  // ------------------------------------------------------------------------------------------

  private List<String> refusalsOf(String user, Instant since) throws Exception {
    String byUser = user == null ? "" : "user=" + user + "&";
    JsonNode entries =
        JSON.readTree(
                BearerRequests.get(
                        port, "/api/audit?" + byUser + "from=" + since.minusSeconds(1), "auditor")
                    .body())
            .get("entries");
    return entries.values().stream()
        .filter(e -> e.get("action").asString().equals("ACCESS_REFUSED"))
        .filter(e -> e.get("outcome").asString().equals("DENIED"))
        .map(e -> e.get("targetId").asString() + " | " + e.get("detail").asString())
        .toList();
  }

  private static JsonNode token(String client, String user, String scope) throws Exception {
    String form =
        "grant_type=password&client_id="
            + client
            + "&username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo"
            + (scope == null ? "" : "&scope=" + scope);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    KeycloakTokens.keycloakUrl()
                        + "/realms/"
                        + KeycloakTokens.realm()
                        + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("token for " + user + " from " + client).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An anonymous GET of the path exactly as written (percent escapes are sent as they are). */
  private HttpResponse<String> raw(String path, String accept) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", accept)
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
