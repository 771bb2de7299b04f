package org.familyview.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.familyview.testsupport.BearerRequests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Caseloads, break-glass and the audit of both, through the API with real Keycloak tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PURPOSE = "Child protection enquiry (Children Act 1989 s.47)";

  @LocalServerPort int port;

  @Test
  void onlyASafeguardingLeadAssignsCaseloads() throws Exception {
    String family = "F-" + UUID.randomUUID();
    String body = "{\"keyworker\":\"keyworker2\",\"familyId\":\"" + family + "\"}";

    assertThat(post("/api/caseloads", "lead", body).statusCode()).isEqualTo(201);
    assertThat(post("/api/caseloads", "keyworker1", body).statusCode()).isEqualTo(403);
    assertThat(post("/api/caseloads", "auditor", body).statusCode()).isEqualTo(403);

    HttpResponse<String> caseload = get("/api/caseloads/keyworker2", "keyworker2");
    assertThat(caseload.statusCode()).isEqualTo(200);
    assertThat(caseload.body()).contains(family);
    assertThat(get("/api/caseloads/keyworker2", "keyworker1").statusCode()).isEqualTo(403);
  }

  @Test
  void breakingTheGlassNeedsAConfiguredPurposeAndIsAudited() throws Exception {
    String family = "F-" + UUID.randomUUID();
    String unknown =
        "{\"purpose\":\"curiosity\",\"reason\":\"I wanted to have a look at this family\"}";
    HttpResponse<String> refused =
        post("/api/families/" + family + "/access-reasons", "keyworker1", unknown);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("purpose must be one of");

    String valid =
        "{\"purpose\":\""
            + PURPOSE
            + "\",\"reason\":\"Strategy discussion at 14:00 about a referral\"}";
    HttpResponse<String> granted =
        post("/api/families/" + family + "/access-reasons", "keyworker1", valid);
    assertThat(granted.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(granted.body()).get("expiresAt").asString()).isNotBlank();

    JsonNode audit = JSON.readTree(get("/api/audit?familyId=" + family, "auditor").body());
    assertThat(audit.get("entries").values())
        .extracting(
            e ->
                e.get("action").asString()
                    + "/"
                    + e.get("outcome").asString()
                    + "/"
                    + e.get("user").asString())
        .containsExactlyInAnyOrder(
            "BREAK_GLASS/ALLOWED/keyworker1", "BREAK_GLASS/DENIED/keyworker1");
  }

  @Test
  void rolesWithoutCaseAccessCannotBreakTheGlass() throws Exception {
    String valid =
        "{\"purpose\":\"" + PURPOSE + "\",\"reason\":\"Trying to read a case I should not\"}";
    for (String user : new String[] {"police-upload", "auditor", "admin", "steward"}) {
      assertThat(post("/api/persons/P-1/access-reasons", user, valid).statusCode())
          .as(user)
          .isEqualTo(403);
    }
  }

  @Test
  void onlyAuditorsReadTheAuditTrail() throws Exception {
    assertThat(get("/api/audit", "auditor").statusCode()).isEqualTo(200);
    for (String user : new String[] {"keyworker1", "lead", "steward", "admin", "police-upload"}) {
      assertThat(get("/api/audit", user).statusCode()).as(user).isEqualTo(403);
    }
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return BearerRequests.get(port, path, user);
  }

  private HttpResponse<String> post(String path, String user, String json) throws Exception {
    return BearerRequests.post(port, path, user, json);
  }
}
