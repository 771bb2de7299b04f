package org.familyview.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.familyview.testsupport.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API endpoint for every role, allowed and denied, with real Keycloak tokens. A new endpoint
 * fails {@link #everyApiEndpointIsInTheMatrix} until someone decides, here, who may call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleEndpointMatrixIntegrationTests {

  /** One demo user per role; the uploader is police's. */
  static final Map<String, String> USER_OF_ROLE =
      Map.of(
          "keyworker", "keyworker1",
          "data-steward", "steward",
          "agency-uploader", "police-upload",
          "safeguarding-lead", "lead",
          "auditor", "auditor",
          "admin", "admin");

  static final Set<String> CASE_ROLES = Set.of("keyworker", "safeguarding-lead");

  record Call(
      String method,
      String pattern,
      String path,
      String contentType,
      String body,
      Set<String> allowed) {}

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  final HttpClient http = HttpClient.newHttpClient();
  final Map<String, String> tokens = new LinkedHashMap<>();
  List<Call> matrix;

  @BeforeAll
  void prepare() throws Exception {
    USER_OF_ROLE.values().forEach(u -> tokens.put(u, KeycloakTokens.accessToken(u)));
    String extractId = upload("police-upload");
    String family = "F-matrix-" + UUID.randomUUID();
    String reason =
        "{\"purpose\":\"Child protection enquiry (Children Act 1989 s.47)\",\"reason\":\"Matrix test of who may break the glass\"}";
    matrix =
        List.of(
            new Call("GET", "/api/me", "/api/me", null, null, USER_OF_ROLE.keySet()),
            // Issue 17: everyone has an inbox of their own (another's entry answers 404 to all).
            new Call(
                "GET",
                "/api/notifications",
                "/api/notifications",
                null,
                null,
                USER_OF_ROLE.keySet()),
            new Call(
                "POST",
                "/api/notifications/{id}/read",
                "/api/notifications/" + UUID.randomUUID() + "/read",
                null,
                null,
                USER_OF_ROLE.keySet()),
            new Call(
                "GET", "/api/authorities", "/api/authorities", null, null, USER_OF_ROLE.keySet()),
            new Call("GET", "/api/moved-families", "/api/moved-families", null, null, CASE_ROLES),
            new Call(
                "GET", "/api/me/families", "/api/me/families", null, null, Set.of("keyworker")),
            // Issue 17: the front door answers only its own roles (front-door, partner-checker;
            // FrontDoorApiIntegrationTests signs in as those): every staff role here is refused.
            new Call(
                "POST",
                "/api/front-door/contacts",
                "/api/front-door/contacts",
                "application/json",
                "{\"subject\":{\"familyId\":\""
                    + family
                    + "\"},\"source\":\"police\","
                    + "\"concern\":\"matrix\"}",
                Set.of()),
            new Call(
                "GET",
                "/api/front-door/contacts",
                "/api/front-door/contacts?from=2026-01-01",
                null,
                null,
                Set.of()),
            new Call(
                "GET",
                "/api/front-door/contacts/{id}",
                "/api/front-door/contacts/" + UUID.randomUUID(),
                null,
                null,
                Set.of()),
            new Call(
                "POST",
                "/api/front-door/contacts/{id}/checks/{partner}",
                "/api/front-door/contacts/" + UUID.randomUUID() + "/checks/police",
                "application/json",
                "{\"response\":\"nothing\",\"nothingKnown\":true}",
                Set.of()),
            new Call(
                "POST",
                "/api/front-door/contacts/{id}/decision",
                "/api/front-door/contacts/" + UUID.randomUUID() + "/decision",
                "application/json",
                "{\"outcome\":\"EARLY_HELP\",\"reason\":\"matrix\"}",
                Set.of()),
            new Call("GET", "/api/front-door/board", "/api/front-door/board", null, null, Set.of()),
            new Call("GET", "/api/audit", "/api/audit", null, null, Set.of("auditor")),
            new Call(
                "GET",
                "/api/audit/reports/{report}",
                "/api/audit/reports/many-views",
                null,
                null,
                Set.of("auditor")),
            new Call(
                "POST",
                "/api/audit/access-grants/{grantId}/review",
                // A grant that does not exist: the auditor gets 404 (allowed), others 403.
                "/api/audit/access-grants/" + UUID.randomUUID() + "/review",
                null,
                null,
                Set.of("auditor")),
            new Call(
                "POST",
                "/api/caseloads",
                "/api/caseloads",
                "application/json",
                "{\"keyworker\":\"keyworker2\",\"familyId\":\"" + family + "\"}",
                Set.of("safeguarding-lead")),
            new Call(
                "GET",
                "/api/caseloads/{keyworker}",
                "/api/caseloads/keyworker1",
                null,
                null,
                Set.of("safeguarding-lead", "keyworker")),
            new Call(
                "POST",
                "/api/persons/{id}/access-reasons",
                "/api/persons/P-matrix/access-reasons",
                "application/json",
                reason,
                Set.of("keyworker")),
            new Call(
                "POST",
                "/api/families/{id}/access-reasons",
                "/api/families/" + family + "/access-reasons",
                "application/json",
                reason,
                Set.of("keyworker")),
            // Who shares data with FamilyView is no secret from anyone signed in.
            new Call("GET", "/api/partners", "/api/partners", null, null, USER_OF_ROLE.keySet()),
            new Call(
                "POST",
                "/api/extracts/{partner}",
                "/api/extracts/police",
                "multipart",
                null,
                Set.of("agency-uploader", "admin")),
            new Call(
                "GET",
                "/api/extracts",
                "/api/extracts",
                null,
                null,
                Set.of("agency-uploader", "admin")),
            new Call(
                "GET",
                "/api/extracts/{extractId}",
                "/api/extracts/" + extractId,
                null,
                null,
                Set.of("agency-uploader", "admin")),
            new Call(
                "GET",
                "/api/extracts/{extractId}/rejects.csv",
                "/api/extracts/" + extractId + "/rejects.csv",
                null,
                null,
                Set.of("agency-uploader", "admin")),
            // A held extract's decision. An extract that does not exist: uploaders and admins get
            // 404 (allowed), others 403; never a real one, which an allowed role would apply.
            new Call(
                "POST",
                "/api/extracts/{extractId}/confirm",
                "/api/extracts/" + UUID.randomUUID() + "/confirm",
                "application/json",
                "{\"reason\":\"Matrix test of who may confirm\"}",
                Set.of("agency-uploader", "admin")),
            new Call(
                "POST",
                "/api/extracts/{extractId}/discard",
                "/api/extracts/" + UUID.randomUUID() + "/discard",
                "application/json",
                "{}",
                Set.of("agency-uploader", "admin")),
            // Case data: keyworkers (caseload or break-glass, granted above) and leads; unknown
            // ids answer them 404, every other role 403 before anything is looked up.
            new Call("GET", "/api/persons/{id}", "/api/persons/P-matrix", null, null, CASE_ROLES),
            new Call(
                "GET",
                "/api/persons/{id}/chronology",
                "/api/persons/P-matrix/chronology",
                null,
                null,
                CASE_ROLES),
            new Call(
                "GET",
                "/api/persons/{id}/chronology/export",
                "/api/persons/P-matrix/chronology/export",
                null,
                null,
                CASE_ROLES),
            new Call(
                "POST",
                "/api/persons/{id}/disputes",
                "/api/persons/P-matrix/disputes",
                "application/json",
                "{\"records\":[{\"agency\":\"police\",\"recordId\":\"M1\"}],\"reason\":\"Matrix test: not my client\"}",
                CASE_ROLES),
            new Call(
                "GET", "/api/families/{id}", "/api/families/" + family, null, null, CASE_ROLES),
            new Call(
                "GET",
                "/api/families/{id}/chronology",
                "/api/families/" + family + "/chronology",
                null,
                null,
                CASE_ROLES),
            new Call(
                "GET",
                "/api/families/{id}/chronology/export",
                "/api/families/" + family + "/chronology/export",
                null,
                null,
                CASE_ROLES),
            new Call("GET", "/api/search", "/api/search?q=smith", null, null, CASE_ROLES),
            // Supporting Families criteria: a family no keyworker has on caseload or a grant for,
            // so the keyworker is refused and the lead gets 404; the lists are the lead's alone.
            new Call(
                "GET",
                "/api/families/{id}/criteria",
                "/api/families/F-matrix-criteria-" + UUID.randomUUID() + "/criteria",
                null,
                null,
                Set.of("safeguarding-lead")),
            new Call(
                "GET",
                "/api/criteria/eligible",
                "/api/criteria/eligible?framework=2022",
                null,
                null,
                Set.of("safeguarding-lead")),
            new Call(
                "GET",
                "/api/criteria/evidence-pack",
                "/api/criteria/evidence-pack?framework=2015",
                null,
                null,
                Set.of("safeguarding-lead")),
            // The steward's workbench: data stewards only (the blast radius also leads);
            // unknown tasks, people and decisions answer a steward 404.
            new Call(
                "GET",
                "/api/review/tasks",
                "/api/review/tasks",
                null,
                null,
                Set.of("data-steward")),
            new Call(
                "GET",
                "/api/review/tasks/{id}",
                "/api/review/tasks/" + UUID.randomUUID(),
                null,
                null,
                Set.of("data-steward")),
            new Call(
                "POST",
                "/api/review/tasks/{id}/decision",
                "/api/review/tasks/" + UUID.randomUUID() + "/decision",
                "application/json",
                "{\"decision\":\"NO_MATCH\",\"reason\":\"matrix\"}",
                Set.of("data-steward")),
            new Call(
                "GET",
                "/api/review/persons/{id}",
                "/api/review/persons/P-matrix",
                null,
                null,
                Set.of("data-steward")),
            new Call(
                "POST",
                "/api/review/persons/{id}/split",
                "/api/review/persons/P-matrix/split",
                "application/json",
                "{\"records\":[{\"agency\":\"police\",\"recordId\":\"M1\"}],\"reason\":\"matrix\"}",
                Set.of("data-steward")),
            new Call(
                "POST",
                "/api/review/persons/{id}/merge",
                "/api/review/persons/P-matrix/merge",
                "application/json",
                "{\"otherPersonId\":\"P-matrix-2\",\"reason\":\"matrix\"}",
                Set.of("data-steward")),
            new Call(
                "POST",
                "/api/review/persons/{id}/unmerge",
                "/api/review/persons/P-matrix/unmerge",
                "application/json",
                "{\"mergedPersonId\":\"P-matrix-2\",\"reason\":\"matrix\"}",
                Set.of("data-steward")),
            new Call(
                "GET",
                "/api/review/approvals",
                "/api/review/approvals",
                null,
                null,
                Set.of("data-steward")),
            new Call(
                "POST",
                "/api/review/approvals/{id}",
                "/api/review/approvals/" + UUID.randomUUID(),
                "application/json",
                "{\"outcome\":\"REJECT\"}",
                Set.of("data-steward")),
            new Call(
                "GET",
                "/api/review/decisions/{id}",
                "/api/review/decisions/" + UUID.randomUUID(),
                null,
                null,
                Set.of("data-steward")),
            new Call(
                "GET",
                "/api/review/blast-radius/{decisionId}",
                "/api/review/blast-radius/" + UUID.randomUUID(),
                null,
                null,
                Set.of("data-steward", "safeguarding-lead")),
            new Call(
                "POST",
                "/api/pipeline/runs",
                "/api/pipeline/runs",
                null,
                null,
                Set.of("admin", "data-steward")),
            new Call(
                "GET",
                "/api/pipeline/runs",
                "/api/pipeline/runs",
                null,
                null,
                Set.of("admin", "data-steward")),
            new Call(
                "GET",
                "/api/pipeline/runs/{runId}",
                // A run that does not exist: 404 for the roles allowed, 403 for the others.
                "/api/pipeline/runs/" + UUID.randomUUID(),
                null,
                null,
                Set.of("admin", "data-steward")),
            new Call(
                "POST",
                "/api/pipeline/runs/{runId}/restart",
                "/api/pipeline/runs/" + UUID.randomUUID() + "/restart",
                null,
                null,
                Set.of("admin", "data-steward")),
            new Call(
                "GET",
                "/api/persons/by-record/{agency}/{recordId}",
                "/api/persons/by-record/police/matrix-record",
                null,
                null,
                Set.of("data-steward", "safeguarding-lead")),
            new Call(
                "GET",
                "/api/persons/{id}/history",
                "/api/persons/P-matrix/history",
                null,
                null,
                Set.of("data-steward", "safeguarding-lead")),
            new Call(
                "GET",
                "/api/persons/{id}/subject-access",
                "/api/persons/P-matrix/subject-access",
                null,
                null,
                Set.of("safeguarding-lead")),
            new Call(
                "GET", "/api/retention/due", "/api/retention/due", null, null, Set.of("admin")),
            // A dry run: the matrix must not erase what is due in the shared test database.
            new Call(
                "POST",
                "/api/retention/runs",
                "/api/retention/runs?dryRun=true",
                null,
                null,
                Set.of("admin")));
  }

  @Test
  void everyApiEndpointIsInTheMatrix() {
    Set<String> mapped =
        mappings.getHandlerMethods().keySet().stream()
            .flatMap(
                info ->
                    info.getPatternValues().stream()
                        .flatMap(
                            p ->
                                info.getMethodsCondition().getMethods().stream()
                                    .map(m -> m.name() + " " + p)))
            .filter(s -> s.contains(" /api/"))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> covered =
        matrix.stream()
            .map(c -> c.method() + " " + c.pattern())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(covered).containsAll(mapped);
  }

  @Test
  void eachRoleIsAllowedOrRefusedAsTheAccessModelSays() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Call call : matrix) {
      for (Map.Entry<String, String> role : USER_OF_ROLE.entrySet()) {
        int status = send(call, tokens.get(role.getValue())).statusCode();
        boolean allowed = call.allowed().contains(role.getKey());
        if (allowed ? (status == 401 || status == 403) : status != 403) {
          wrong.add(call.method() + " " + call.path() + " as " + role.getKey() + " -> " + status);
        }
      }
      int anonymous = send(call, null).statusCode();
      if (anonymous != 401) {
        wrong.add(call.method() + " " + call.path() + " without a token -> " + anonymous);
      }
    }
    assertThat(wrong).isEmpty();
  }

  private String upload(String user) throws Exception {
    HttpResponse<String> response =
        send(
            new Call("POST", "", "/api/extracts/police", "multipart", null, Set.of()),
            KeycloakTokens.accessToken(user));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JsonMapper.builder().build().readTree(response.body()).get("extractId").asString();
  }

  private HttpResponse<String> send(Call call, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + call.path()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if ("multipart".equals(call.contentType())) {
      String boundary = "fv" + UUID.randomUUID();
      String persons = "record_id,given_name,family_name\r\nM1,Matrix,Tester\r\n";
      String body =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"persons\"; filename=\"persons.csv\"\r\n"
              + "Content-Type: text/csv\r\n\r\n"
              + persons
              + "\r\n--"
              + boundary
              + "--\r\n";
      request
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else if (call.body() != null) {
      request
          .header("Content-Type", call.contentType())
          .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
    } else {
      request.method(call.method(), HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
