package org.familyview.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.familyview.access.caseload.Caseloads;
import org.familyview.audit.read.AuditFilter;
import org.familyview.audit.read.AuditReader;
import org.familyview.pipeline.PipelineRunFinished;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Flags derived at the end of a nightly run, shown on {@code GET /api/persons/{id}} and audited;
 * notify-on-view; tonight's new-event notifications; the inbox API. Real PostgreSQL and Keycloak
 * tokens; the owning team of a child protection plan is {@code north} (keyworker1, lead).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlagsAndInboxIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Caseloads caseloads;
  @Autowired AuditReader audit;

  /** The nightly run's end is announced as the pipeline announces it: an application event. */
  @Autowired ApplicationEventPublisher events;

  Api api;
  AlertsWorld world;

  @BeforeAll
  void seed() throws Exception {
    api = new Api(port);
    // Signing in makes a user known (team, email): the owning team's members are those known.
    for (String user : List.of("keyworker1", "keyworker2", "lead")) {
      assertThat(api.get("/api/notifications", user).statusCode()).isEqualTo(200);
    }
    world = new AlertsWorld(jdbc).build();
    caseloads.assign("keyworker1", world.family, LocalDate.now().minusDays(1), null, "lead");
    caseloads.assign("keyworker2", world.family, LocalDate.now().minusDays(1), null, "lead");
    events.publishEvent(new PipelineRunFinished(UUID.randomUUID(), "COMPLETED"));
  }

  @Test
  void thePersonApiCarriesTheChildsFlagsWithOwnerAndContactsAndTheShowingIsAudited()
      throws Exception {
    HttpResponse<String> response = api.get("/api/persons/" + world.child, "keyworker1");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode flags = api.json(response).get("flags");

    JsonNode plan = byType(flags, "CHILD_PROTECTION_PLAN");
    assertThat(plan.propertyNames()).containsExactly("type", "since", "until", "owner", "contact");
    assertThat(plan.get("since").asString()).isEqualTo(world.planStart.toString());
    assertThat(plan.get("until").isNull()).isTrue();
    assertThat(plan.get("owner").get("authority").asString()).isEqualTo("Northshire Council");
    assertThat(plan.get("contact").get("officeHours").asString()).isEqualTo("01632 960100");
    assertThat(plan.get("contact").get("outOfHours").asString()).isEqualTo("01632 960999");
    // Operation Encompass: the incident about the mother flags her child, from the incident's day.
    assertThat(byType(flags, "OPERATION_ENCOMPASS").get("since").asString())
        .isEqualTo(world.incident.toString());

    // The mother has no flag of her own.
    JsonNode mother = api.json(api.get("/api/persons/" + world.mother, "keyworker1"));
    assertThat(mother.get("flags").values()).isEmpty();

    assertThat(audit.find(new AuditFilter(world.child, null, "keyworker1", null, null), 0, 50))
        .filteredOn(e -> e.action().equals("FLAG_SHOWN"))
        .extracting(e -> e.detail())
        .anySatisfy(
            d ->
                assertThat(d)
                    .contains("CHILD_PROTECTION_PLAN")
                    .contains("OPERATION_ENCOMPASS")
                    .contains("person API"));
  }

  @Test
  void openingAFlaggedRecordFromOutsideTheOwningTeamTellsTheTeamAndFromInsideDoesNot()
      throws Exception {
    long leadBefore = unread("lead");
    // keyworker1 is in the owning team (north): nobody is told.
    assertThat(api.get("/api/persons/" + world.child, "keyworker1").statusCode()).isEqualTo(200);
    assertThat(unread("lead")).isEqualTo(leadBefore);

    // keyworker2 (south) opens it: north's known members are told, keyworker2 is not.
    assertThat(api.get("/api/persons/" + world.child, "keyworker2").statusCode()).isEqualTo(200);
    JsonNode lead = api.json(api.get("/api/notifications", "lead"));
    assertThat(lead.get("unread").asLong()).isEqualTo(leadBefore + 1);
    JsonNode told = lead.get("notifications").get(0);
    assertThat(told.get("kind").asString()).isEqualTo("FLAGGED_RECORD_OPENED");
    assertThat(told.get("link").asString()).isEqualTo("/persons/" + world.child);
    assertThat(told.get("reason").asString()).contains("keyworker2").contains("team south");
    assertThat(inbox("keyworker2"))
        .noneMatch(
            n ->
                n.get("kind").asString().equals("FLAGGED_RECORD_OPENED")
                    && n.get("link").asString().equals("/persons/" + world.child));

    // Opened again the same day: told once.
    api.get("/api/persons/" + world.child, "keyworker2");
    assertThat(unread("lead")).isEqualTo(leadBefore + 1);
  }

  @Test
  void tonightsNewEventsReachTheOwningTeamAndTheCaseloadHoldersOnce() throws Exception {
    // lead (north, no caseload): the new council event about the flagged child.
    assertThat(inbox("lead"))
        .anySatisfy(
            n -> {
              assertThat(n.get("kind").asString()).isEqualTo("NEW_EVENT_FLAGGED_CHILD");
              assertThat(n.get("reason").asString())
                  .isEqualTo(
                      "Council recorded a new event about a child with a flag (Child protection plan)");
              assertThat(n.get("link").asString()).isEqualTo("/persons/" + world.child);
            });
    // keyworker2 (south) holds the family: both events, as caseload news, linking the family.
    List<JsonNode> caseload =
        inbox("keyworker2").stream()
            .filter(n -> n.get("link").asString().equals("/families/" + world.family))
            .toList();
    assertThat(caseload).hasSize(2);
    assertThat(caseload)
        .extracting(n -> n.get("kind").asString())
        .containsOnly("NEW_EVENT_CASELOAD_FAMILY");
    // No reason names a person.
    assertThat(inbox("keyworker2"))
        .noneMatch(n -> n.get("reason").asString().contains("Test Person"));

    // The same run's end announced again: nothing new is posted.
    long before = unread("keyworker2");
    events.publishEvent(new PipelineRunFinished(UUID.randomUUID(), "COMPLETED"));
    assertThat(unread("keyworker2")).isEqualTo(before);
  }

  @Test
  void anEntryIsMarkedReadOnlyByItsRecipient() throws Exception {
    JsonNode entry =
        inbox("keyworker2").stream()
            .filter(n -> !n.get("read").asBoolean())
            .findFirst()
            .orElseThrow();
    String id = entry.get("id").asString();
    long before = unread("keyworker2");

    HttpResponse<String> other = api.post("/api/notifications/" + id + "/read", "keyworker1");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).contains("no notification");

    HttpResponse<String> marked = api.post("/api/notifications/" + id + "/read", "keyworker2");
    assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
    assertThat(api.json(marked).get("read").asBoolean()).isTrue();
    assertThat(unread("keyworker2")).isEqualTo(before - 1);

    HttpResponse<String> bad = api.post("/api/notifications/not-an-id/read", "keyworker2");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  private static JsonNode byType(JsonNode flags, String type) {
    return flags.values().stream()
        .filter(f -> f.get("type").asString().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " flag in " + flags));
  }

  private List<JsonNode> inbox(String user) throws Exception {
    return api.json(api.get("/api/notifications", user)).get("notifications").values().stream()
        .toList();
  }

  private long unread(String user) throws Exception {
    return api.json(api.get("/api/notifications", user)).get("unread").asLong();
  }
}
