package org.familyview.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.familyview.access.caseload.Caseloads;
import org.familyview.audit.read.AuditFilter;
import org.familyview.audit.read.AuditReader;
import org.familyview.frontdoor.rules.ConcernStage;
import org.familyview.testsupport.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MASH workflow through the API with real Keycloak tokens on the real PostgreSQL: the front
 * door raises a contact, each partner's checker answers only their own check and sees only their
 * own records, the front door decides, the decision shows in the family chronology; every role that
 * may not act is refused with a problem detail, and every step is in the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RecordApplicationEvents
class FrontDoorApiIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Caseloads caseloads;
  @Autowired AuditReader audit;
  @Autowired ConcernStage concerns;
  @Autowired FrontDoor frontDoor;

  final HttpClient http = HttpClient.newHttpClient();
  FrontDoorWorld world;

  @BeforeAll
  void seed() {
    world = new FrontDoorWorld(jdbc).build();
    caseloads.assign("keyworker1", world.family, LocalDate.now().minusDays(1), null, "lead");
  }

  String raiseAboutTheFamily(String rag) throws Exception {
    HttpResponse<String> raised =
        post(
            "/api/front-door/contacts",
            "mash1",
            "{\"subject\":{\"familyId\":\""
                + world.family
                + "\"},\"source\":\"police\","
                + "\"concern\":\"Neighbour reports shouting and a child crying\",\"rag\":\""
                + rag
                + "\"}");
    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
    return JSON.readTree(raised.body()).get("id").asString();
  }

  @Test
  void theFrontDoorRaisesAContactWithItsClockAndOneCheckPerLinkedPartner() throws Exception {
    HttpResponse<String> raised =
        post(
            "/api/front-door/contacts",
            "mash1",
            "{\"subject\":{\"familyId\":\""
                + world.family
                + "\"},\"source\":\"police\","
                + "\"concern\":\"Police notification\",\"rag\":\"RED\"}");

    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(raised.body());
    assertThat(raised.headers().firstValue("Location"))
        .hasValue("/api/front-door/contacts/" + body.get("id").asString());
    assertThat(body.get("rag").asString()).isEqualTo("RED");
    assertThat(java.time.Instant.parse(body.get("dueAt").asString()))
        .isAfter(java.time.Instant.now());
    assertThat(body.get("checks").values())
        .extracting(c -> c.get("partner").asString() + "/" + c.get("status").asString())
        .containsExactly(
            "council/REQUESTED", "education/REQUESTED", "health/REQUESTED", "police/REQUESTED");
    // Pre-filled with what FamilyView links: the police check names the mother's police record.
    assertThat(body.get("checks").get(3).get("linkedRecords").values())
        .extracting(JsonNode::asString)
        .containsExactly(world.record("police", "m"));
    // A red check is due before the contact's own deadline.
    assertThat(
            body.get("checks")
                .get(0)
                .get("dueAt")
                .asString()
                .compareTo(body.get("dueAt").asString()))
        .isLessThan(0);

    assertThat(audit.find(new AuditFilter(null, world.family, "mash1", null, null), 0, 50))
        .anyMatch(
            e ->
                e.action().equals("FRONT_DOOR_CONTACT")
                    && e.outcome().equals("ALLOWED")
                    && e.detail().contains("raised contact " + body.get("id").asString()));
  }

  @Test
  void anUnratedContactIsAmberAndAPersonInNoFamilyGetsOnlyTheirPartnersChecks() throws Exception {
    HttpResponse<String> raised =
        post(
            "/api/front-door/contacts",
            "mash1",
            "{\"subject\":{\"personId\":\""
                + world.loner
                + "\"},\"source\":\"public\","
                + "\"concern\":\"Seen with a child at night\"}");
    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(raised.body());
    assertThat(body.get("rag").asString()).isEqualTo("AMBER");
    assertThat(body.get("familyId").isNull()).isTrue();
    assertThat(body.get("checks").values())
        .extracting(c -> c.get("partner").asString())
        .containsExactly("police");

    // The health checker was not asked: the contact does not exist for them.
    HttpResponse<String> health =
        get("/api/front-door/contacts/" + body.get("id").asString(), "health-checker");
    assertThat(health.statusCode()).isEqualTo(404);
    assertThat(health.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
  }

  @Test
  void badInputGetsAProblemDetailNamingEachMistake() throws Exception {
    HttpResponse<String> bad =
        post(
            "/api/front-door/contacts",
            "mash1",
            "{\"subject\":{\"personId\":\"a\",\"familyId\":\"b\"},\"source\":\"pigeon\",\"concern\":\" \",\"rag\":\"PINK\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    JsonNode problem = JSON.readTree(bad.body());
    assertThat(problem.get("title").asString()).isEqualTo("Invalid contact");
    assertThat(problem.get("errors").values())
        .extracting(JsonNode::asString)
        .containsExactly(
            "subject must have exactly one of personId and familyId",
            "concern is required",
            "rag must be RED, AMBER or GREEN");

    HttpResponse<String> source =
        post(
            "/api/front-door/contacts",
            "mash1",
            "{\"subject\":{\"familyId\":\""
                + world.family
                + "\"},\"source\":\"pigeon\",\"concern\":\"x\"}");
    assertThat(source.statusCode()).isEqualTo(400);
    assertThat(source.body()).contains("source must be one of police, health");

    HttpResponse<String> unknown =
        post(
            "/api/front-door/contacts",
            "mash1",
            "{\"subject\":{\"familyId\":\"F-nobody\"},\"source\":\"police\",\"concern\":\"x\"}");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(unknown.body()).get("detail").asString())
        .isEqualTo("no current family F-nobody");

    assertThat(post("/api/front-door/contacts", "mash1", "not json").statusCode()).isEqualTo(400);
    assertThat(get("/api/front-door/contacts/not-a-uuid", "mash1").statusCode()).isEqualTo(400);
    assertThat(get("/api/front-door/contacts/" + UUID.randomUUID(), "mash1").statusCode())
        .isEqualTo(404);
    assertThat(get("/api/front-door/board?from=yesterday", "mash1").statusCode()).isEqualTo(400);
  }

  @Test
  void rolesWithoutTheFrontDoorAreRefusedAndTheRefusalIsAudited() throws Exception {
    String id = raiseAboutTheFamily("AMBER");
    String body =
        "{\"subject\":{\"familyId\":\""
            + world.family
            + "\"},\"source\":\"police\",\"concern\":\"x\"}";
    for (String user : List.of("keyworker1", "police-checker", "auditor")) {
      HttpResponse<String> refused = post("/api/front-door/contacts", user, body);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(JSON.readTree(refused.body()).get("title").asString()).isEqualTo("Forbidden");
      assertThat(get("/api/front-door/board", user).statusCode()).as(user).isEqualTo(403);
      assertThat(
              post(
                      "/api/front-door/contacts/" + id + "/decision",
                      user,
                      "{\"outcome\":\"EARLY_HELP\",\"reason\":\"x\"}")
                  .statusCode())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(get("/api/front-door/contacts/" + id, "keyworker1").statusCode()).isEqualTo(403);
    assertThat(audit.find(new AuditFilter(null, world.family, "keyworker1", null, null), 0, 50))
        .anyMatch(e -> e.action().equals("FRONT_DOOR_CONTACT") && e.outcome().equals("DENIED"));
  }

  @Test
  void aCheckerSeesOnlyTheirOwnCheckAndRecordsAndAnswersOnlyForTheirAgency() throws Exception {
    String id = raiseAboutTheFamily("AMBER");
    String path = "/api/front-door/contacts/" + id;

    JsonNode police = JSON.readTree(get(path, "police-checker").body());
    assertThat(police.get("checks").values())
        .extracting(c -> c.get("partner").asString())
        .containsExactly("police");
    assertThat(police.get("records").values())
        .extracting(r -> r.get("eventId").asString())
        .containsExactlyInAnyOrder(world.event("da1"), world.event("da2"), world.event("da3"));
    assertThat(police.has("decision")).isFalse();
    assertThat(police.toString()).doesNotContain("Persistent absence").doesNotContain("health");

    // Another agency's check is not theirs to answer.
    HttpResponse<String> wrong =
        post(path + "/checks/police", "health-checker", "{\"response\":\"x\"}");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(wrong.body()).get("detail").asString())
        .isEqualTo("you answer for health, not for police");
    // The front door does not answer checks either.
    assertThat(post(path + "/checks/police", "mash1", "{\"response\":\"x\"}").statusCode())
        .isEqualTo(403);
    // An answer needs a response unless nothing is known.
    assertThat(post(path + "/checks/police", "police-checker", "{}").statusCode()).isEqualTo(400);

    HttpResponse<String> answered =
        post(
            path + "/checks/police",
            "police-checker",
            "{\"response\":\"Three domestic incidents this year; DASH medium\"}");
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    JsonNode check = JSON.readTree(answered.body()).get("checks").get(0);
    assertThat(check.get("status").asString()).isEqualTo("ANSWERED");
    assertThat(check.get("answeredBy").asString()).isEqualTo("police-checker");
    assertThat(
            post(path + "/checks/police", "police-checker", "{\"response\":\"again\"}")
                .statusCode())
        .isEqualTo(409);

    HttpResponse<String> nothing =
        post(
            path + "/checks/health", "health-checker", "{\"response\":\"\",\"nothingKnown\":true}");
    assertThat(nothing.statusCode()).as(nothing.body()).isEqualTo(200);
    assertThat(JSON.readTree(nothing.body()).get("checks").get(0).get("nothingKnown").asBoolean())
        .isTrue();

    // The front door sees every answer.
    JsonNode full = JSON.readTree(get(path, "mash1").body());
    assertThat(full.get("checks").values())
        .extracting(c -> c.get("partner").asString() + "/" + c.get("status").asString())
        .containsExactly(
            "council/REQUESTED", "education/REQUESTED", "health/ANSWERED", "police/ANSWERED");
    assertThat(audit.find(new AuditFilter(null, world.family, "health-checker", null, null), 0, 50))
        .anyMatch(
            e -> e.action().equals("FRONT_DOOR_CHECK") && e.detail().contains("nothing known"));
  }

  @Test
  void theDecisionIsRecordedOnceAndShownInTheFamilyChronology() throws Exception {
    String id = raiseAboutTheFamily("GREEN");
    String path = "/api/front-door/contacts/" + id + "/decision";

    HttpResponse<String> bad =
        post(path, "mash1", "{\"outcome\":\"LOCK_THEM_UP\",\"reason\":\"\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("outcome must be one of NO_FURTHER_ACTION")
        .contains("reason is required");

    HttpResponse<String> decided =
        post(
            path,
            "mash1",
            "{\"outcome\":\"EARLY_HELP\",\"reason\":\"Repeat incidents, no injury; parents engage\"}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    JsonNode decision = JSON.readTree(decided.body()).get("decision");
    assertThat(decision.get("outcome").asString()).isEqualTo("EARLY_HELP");
    assertThat(decision.get("decidedBy").asString()).isEqualTo("mash1");
    assertThat(
            post(path, "mash1", "{\"outcome\":\"NO_FURTHER_ACTION\",\"reason\":\"x\"}")
                .statusCode())
        .isEqualTo(409);
    // Checks close with the decision.
    assertThat(
            post(
                    "/api/front-door/contacts/" + id + "/checks/council",
                    "council-checker",
                    "{\"response\":\"late\"}")
                .statusCode())
        .isEqualTo(409);

    JsonNode chronology =
        JSON.readTree(get("/api/families/" + world.family + "/chronology", "keyworker1").body());
    assertThat(chronology.get("events").values())
        .filteredOn(e -> e.get("type").asString("").equals("council.front_door_decision"))
        .extracting(e -> e.get("summary").asString())
        .anyMatch(
            s ->
                s.startsWith(
                    "Front door decision: Early help. Reason: Repeat incidents, no injury; parents engage"));
    assertThat(audit.find(new AuditFilter(null, world.family, "mash1", null, null), 0, 50))
        .anyMatch(
            e -> e.action().equals("FRONT_DOOR_DECISION") && e.detail().contains("EARLY_HELP"));
  }

  @Test
  void theBoardCountsBySourceAndRagTheNfaRateOverdueChecksAndRepeats() throws Exception {
    String first = raiseAboutTheFamily("RED");
    raiseAboutTheFamily("RED");
    post(
        "/api/front-door/contacts/" + first + "/decision",
        "mash1",
        "{\"outcome\":\"NO_FURTHER_ACTION\",\"reason\":\"Known, already supported\"}");

    HttpResponse<String> response =
        get("/api/front-door/board?from=" + LocalDate.now().minusDays(1), "mash1");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode board = JSON.readTree(response.body());
    assertThat(board.get("contacts").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(board.get("bySourceAndRag").get("police").get("RED").asInt())
        .isGreaterThanOrEqualTo(2);
    assertThat(board.get("noFurtherAction").get("count").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(board.get("repeatContacts").get("count").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(board.get("checksByPartner").get("police").get("asked").asInt())
        .isGreaterThanOrEqualTo(2);
    assertThat(board.get("timeliness").get("RED").get("onTime").asInt()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theConcernRuleRaisesOneContactWithItsEvidenceAndNotAgainTheNextNight(
      @Autowired ApplicationEvents events) {
    concerns.run(UUID.randomUUID());
    concerns.run(UUID.randomUUID());

    List<java.util.Map<String, Object>> raised =
        jdbc.sql(
                "select rule_id, rule_version, rag, evidence_key, evidence::text as evidence, source"
                    + " from front_door_contact where family_id = ? and rule_id is not null")
            .param(world.family)
            .query()
            .listOfRows();
    assertThat(raised).hasSize(1);
    var contact = raised.getFirst();
    assertThat(contact.get("rule_id")).isEqualTo("domestic-abuse-repeat");
    assertThat(contact.get("rule_version")).isEqualTo("2026-12.1");
    assertThat(contact.get("rag")).isEqualTo("AMBER");
    assertThat(contact.get("source")).isEqualTo("concern-rule");
    assertThat(contact.get("evidence_key")).isEqualTo("police/" + world.event("da3"));
    assertThat((String) contact.get("evidence"))
        .contains(world.event("da1"), world.event("da2"), world.event("da3"))
        .contains(world.extract.toString())
        .contains("events.csv");
    assertThat(events.stream(ContactRaised.class))
        .filteredOn(e -> world.family.equals(e.familyId()))
        .extracting(ContactRaised::ruleId)
        .containsExactly("domestic-abuse-repeat");
  }

  @Test
  void aCheckComingDueAndOneOverdueAreEachAnnouncedOnce(@Autowired ApplicationEvents events)
      throws Exception {
    UUID id = UUID.fromString(raiseAboutTheFamily("GREEN"));
    // The police check is due within the hour; the health check's deadline has passed.
    jdbc.sql(
            "update front_door_check set due_at = now() + interval '1 hour'"
                + " where contact_id = ? and partner = 'police'")
        .param(id)
        .update();
    jdbc.sql(
            "update front_door_check set due_at = now() - interval '1 hour'"
                + " where contact_id = ? and partner = 'health'")
        .param(id)
        .update();

    frontDoor.announceChecks();
    frontDoor.announceChecks();

    assertThat(events.stream(CheckDue.class))
        .filteredOn(e -> e.contactId().equals(id))
        .extracting(e -> e.partner() + (e.overdue() ? " overdue" : " due"))
        .containsExactlyInAnyOrder("police due", "health overdue");
    JsonNode health = JSON.readTree(get("/api/front-door/contacts/" + id, "health-checker").body());
    assertThat(health.get("checks").get(0).get("status").asString()).isEqualTo("OVERDUE");
  }

  HttpRequest.Builder request(String path, String user) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user))
        .header("Accept", "application/json");
  }

  HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String user, String json) throws Exception {
    return http.send(
        request(path, user)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
