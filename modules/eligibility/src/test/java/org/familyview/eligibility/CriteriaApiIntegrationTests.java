package org.familyview.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.familyview.access.caseload.Caseloads;
import org.familyview.testsupport.KeycloakTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The criteria API with real Keycloak tokens: each role allowed and refused, every read audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CriteriaApiIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** One token per user for the whole class: a burst of password grants trips Keycloak. */
  static final java.util.Map<String, String> TOKENS =
      new java.util.concurrent.ConcurrentHashMap<>();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired FamilyCases families;
  @Autowired CriteriaResults results;
  @Autowired CriteriaRulesets rulesets;
  @Autowired CriteriaProperties properties;
  @Autowired Caseloads caseloads;

  final HttpClient http = HttpClient.newHttpClient();
  UUID run;

  @BeforeAll
  void warmUp() throws Exception {
    // The resource server reads Keycloak's keys on its first request; under load that first
    // fetch can time out once (500) before any test has begun.
    for (int i = 0; i < 5 && get("/api/criteria/eligible", "lead").statusCode() == 500; i++) {
      Thread.sleep(1_000);
    }
  }

  @BeforeEach
  void evaluate() {
    CriteriaWorld.reset(jdbc, tx);
    run = UUID.randomUUID();
    new CriteriaStage(families, results, rulesets, properties, tx, CriteriaWorld.CLOCK).run(run);
  }

  @Test
  void aLeadSeesWhichNeedsAreMetAndWhy() throws Exception {
    long before = lastAudit();

    HttpResponse<String> response = get("/api/families/F1/criteria", "lead");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("runId").asString()).isEqualTo(run.toString());
    assertThat(body.get("evaluatedOn").asString()).isEqualTo("2026-11-01");
    JsonNode outcomes = body.get("frameworks").get(0);
    assertThat(outcomes.get("framework").asString()).isEqualTo("2022");
    assertThat(outcomes.get("version").asString()).isEqualTo("2022-25.2");
    assertThat(outcomes.get("eligible").asBoolean()).isTrue();
    assertThat(outcomes.get("needs").values()).hasSize(10);
    JsonNode abuse = need(outcomes, "domestic-abuse");
    assertThat(abuse.get("met").asBoolean()).isTrue();
    assertThat(abuse.get("why").asString()).startsWith("Met: a domestic abuse incident: 2 events");
    assertThat(abuse.get("evidence").values())
        .extracting(e -> e.get("id").asString() + " " + e.get("type").asString())
        .containsExactly(
            "police/E1 police.domestic_abuse_incident", "police/E2 police.domestic_abuse_incident");
    assertThat(body.get("frameworks").get(1).get("framework").asString()).isEqualTo("2015");
    assertThat(audits(before)).containsExactly("lead FAMILY_VIEW ALLOWED family F1");
  }

  @Test
  void aKeyworkerSeesOnlyTheirCaseloadAndNotWhatTheAgreementsHold() throws Exception {
    long before = lastAudit();
    assertThat(get("/api/families/F1/criteria", "keyworker2").statusCode()).isEqualTo(403);

    caseloads.assign("keyworker2", "F1", LocalDate.now().minusDays(1), null, "lead");
    HttpResponse<String> response = get("/api/families/F1/criteria", "keyworker2");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode outcomes = JSON.readTree(response.body()).get("frameworks").get(0);
    // Police crime is shared with leads only: the entry stays, its kind and the why do not.
    JsonNode crime = need(outcomes, "crime");
    assertThat(crime.get("met").asBoolean()).isTrue();
    assertThat(crime.get("why").asString())
        .isEqualTo(
            "Met on 1 entry, 1 of which you may not read; the agency named on each can"
                + " explain it.");
    JsonNode entry = crime.get("evidence").get(0);
    assertThat(entry.get("agency").asString()).isEqualTo("police");
    assertThat(entry.get("type").isNull()).isTrue();
    assertThat(entry.get("redacted").asString()).startsWith("a restricted police record exists");
    // Domestic abuse incidents are shared with keyworkers.
    assertThat(need(outcomes, "domestic-abuse").get("evidence").get(0).get("type").asString())
        .isEqualTo("police.domestic_abuse_incident");
    assertThat(audits(before))
        .containsExactly(
            "keyworker2 FAMILY_VIEW DENIED family F1", "keyworker2 FAMILY_VIEW ALLOWED family F1");
  }

  @Test
  void rolesWithoutCaseDataAreRefusedAndUnknownFamiliesAre404() throws Exception {
    for (String user : List.of("auditor", "steward", "admin", "police-upload")) {
      assertThat(get("/api/families/F1/criteria", user).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(get("/api/families/F1/criteria", null).statusCode()).isEqualTo(401);
    HttpResponse<String> unknown = get("/api/families/F404/criteria", "lead");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type").orElseThrow())
        .contains("application/problem+json");
  }

  @Test
  void aLeadListsTheEligibleFamiliesOfAFramework() throws Exception {
    HttpResponse<String> response = get("/api/criteria/eligible?framework=2022", "lead");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("total").asLong()).isEqualTo(3);
    assertThat(body.get("eligibleWith").asInt()).isEqualTo(3);
    assertThat(body.get("families").values())
        .extracting(f -> f.get("familyId").asString() + " " + f.get("needsMet").asInt())
        .containsExactly("@F5 3", "F1 4", "F3 3");
    JsonNode f3 = body.get("families").get(2);
    assertThat(f3.get("needs").values())
        .extracting(n -> n.get("id").asString())
        .containsExactly("health", "substance-use", "family-relationships");

    JsonNode problems =
        JSON.readTree(get("/api/criteria/eligible?framework=2015&size=1&page=1", "lead").body());
    assertThat(problems.get("total").asLong()).isEqualTo(3);
    assertThat(problems.get("families").values())
        .extracting(f -> f.get("familyId").asString())
        .containsExactly("F1");
  }

  @Test
  void withSeveralAuthoritiesTheListHoldsOnlyTheFamiliesOfTheLeadsArea() {
    // CaseAccess.area gives the families of the lead's authority; null with a single authority.
    assertThat(results.eligibleCount(run, "2022", null)).isEqualTo(3);
    assertThat(results.eligibleCount(run, "2022", java.util.Set.of("F1", "F-elsewhere")))
        .isEqualTo(1);
    assertThat(results.eligible(run, "2022", 0, 10, java.util.Set.of("F1", "F3")))
        .extracting(CriteriaResults.FamilyResult::familyId)
        .containsExactly("F1", "F3");
    assertThat(results.eligible(run, "2022", 0, 10, java.util.Set.of())).isEmpty();
    java.util.List<String> packed = new java.util.ArrayList<>();
    results.eachEligible(run, "2022", java.util.Set.of("F3"), f -> packed.add(f.familyId()));
    assertThat(packed).containsExactly("F3");
  }

  @Test
  void theListAndThePackAreTheLeadsAlone() throws Exception {
    for (String user : List.of("keyworker1", "auditor", "steward", "admin", "police-upload")) {
      assertThat(get("/api/criteria/eligible", user).statusCode()).as(user).isEqualTo(403);
      assertThat(get("/api/criteria/evidence-pack", user).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(get("/api/criteria/eligible", null).statusCode()).isEqualTo(401);
  }

  @Test
  void anUnknownFrameworkIsAProblemNamingTheKnownOnes() throws Exception {
    HttpResponse<String> response = get("/api/criteria/eligible?framework=2019", "lead");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("detail").asString())
        .isEqualTo("framework '2019' is not configured; it must be one of 2022, 2015");
    assertThat(get("/api/criteria/evidence-pack?framework=2019", "lead").statusCode())
        .isEqualTo(400);
  }

  @Test
  void theEvidencePackListsEveryEvidencingEventNeutralisedAndIsAudited() throws Exception {
    long before = lastAudit();

    HttpResponse<String> response = get("/api/criteria/evidence-pack?framework=2022", "lead");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("evidence-pack-2022-2026-11-01.csv");
    List<String> lines = response.body().lines().toList();
    assertThat(lines.getFirst())
        .isEqualTo(
            "family_id,framework,ruleset_version,run_id,evaluated_on,needs_met,need_id,need,why,"
                + "event_id,agency,event_type,occurred_on,person_id,role,disclosure");
    // F1: education 1, crime 1, domestic abuse 2, rent arrears 1; F3: 3; @F5: 3.
    assertThat(lines).hasSize(1 + 5 + 3 + 3);
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("F1,2022,2022-25.2," + run + ",2026-11-01,4,domestic-abuse,")
                    .contains(
                        ",police/E1,police,police.domestic_abuse_incident,2026-09-02,P1,"
                            + "victim,shown"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("'@F5,2022,"));
    assertThat(lines).noneSatisfy(l -> assertThat(l).startsWith("F2,"));
    assertThat(audits(before)).containsExactly("lead EXPORT ALLOWED criteria-evidence-pack 2022");
  }

  private static JsonNode need(JsonNode framework, String id) {
    return framework.get("needs").values().stream()
        .filter(n -> n.get("id").asString().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private long lastAudit() {
    return jdbc.sql("select coalesce(max(seq), 0) from audit_entry").query(Long.class).single();
  }

  private List<String> audits(long after) {
    return jdbc.sql(
            """
            select actor || ' ' || action || ' ' || outcome || ' ' || target_type || ' ' || target_id
            from audit_entry where seq > ? order by seq
            """)
        .param(after)
        .query(String.class)
        .list();
  }

  private HttpResponse<String> get(String path, @Nullable String user) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      request.header(
          "Authorization", "Bearer " + TOKENS.computeIfAbsent(user, KeycloakTokens::accessToken));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
