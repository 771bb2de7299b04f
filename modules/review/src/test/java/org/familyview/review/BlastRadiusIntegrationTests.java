package org.familyview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.matching.RecordKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * When a wrong link is undone, the report names what it exposed and who saw it, from the link
 * history and the real audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlastRadiusIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired AuditTrail trail;

  ReviewApi api;
  World world;

  @BeforeEach
  void start() {
    api = new ReviewApi(port);
    world = new World(jdbc);
  }

  @Test
  void theReportNamesTheUsersWhoViewedTheWronglyJoinedPersonAndWhatTheySaw() throws Exception {
    Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS);
    RecordKey mother = world.record("health", "M").named("Grace", "Okafor").save();
    RecordKey stranger = world.record("police", "S").named("Grace", "Okafor").save();
    world.event(mother, "EV-M", "health.antenatal_booking", "STANDARD");
    world.event(stranger, "EV-S", "police.domestic_abuse_incident", "SENSITIVE");
    String joined = world.person(lastWeek, mother);
    String wrong = world.person(lastWeek, stranger);
    world.merged(wrong, joined, Instant.now().minus(1, ChronoUnit.DAYS));
    String family = world.family(joined);
    String unrelated = world.person(lastWeek, world.record("council", "U").save());

    view("keyworker1", "person", joined, AuditAction.CHRONOLOGY_READ);
    view("lead", "family", family, AuditAction.FAMILY_VIEW);
    view("keyworker2", "family", family, AuditAction.EXPORT);
    view("auditor", "person", unrelated, AuditAction.PERSON_VIEW);

    ReviewApi.Answer split =
        api.post(
            "/api/review/persons/" + joined + "/split",
            "steward",
            ReviewApi.JSON.writeValueAsString(
                java.util.Map.of(
                    "records", List.of(stranger), "reason", "Two women of the same name")));
    assertThat(split.status()).as(split.body()).isEqualTo(200);
    String decision = split.json().get("id").asString();

    ReviewApi.Answer answer = api.get("/api/review/blast-radius/" + decision, "lead");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode report = answer.json();
    assertThat(report.get("undidALink").asBoolean()).isTrue();
    assertThat(strings(report.get("usersWhoSaw")))
        .contains("keyworker1", "lead", "keyworker2")
        .doesNotContain("auditor");
    assertThat(strings(report.get("families"))).containsExactly(family);
    assertThat(report.get("exposures").get(0).get("personId").asString()).isEqualTo(joined);
    assertThat(
            report
                .get("events")
                .valueStream()
                .map(e -> e.get("type").asString() + "/" + e.get("side").asString()))
        .contains("police.domestic_abuse_incident/leaving", "health.antenatal_booking/staying");
    assertThat(report.get("accessesByAction").get("EXPORT").asInt()).isEqualTo(1);
    assertThat(report.toString())
        .as("stewards and leads get no summaries")
        .doesNotContain("a summary");

    assertThat(api.get("/api/review/blast-radius/" + decision, "keyworker1").status())
        .isEqualTo(403);
  }

  @Test
  void aDecisionThatUndidNoLinkExposedNothing() throws Exception {
    RecordKey a = world.record("health", "A").save();
    RecordKey b = world.record("council", "B").save();
    world.person(Instant.now().minus(2, ChronoUnit.DAYS), a);
    world.person(Instant.now().minus(2, ChronoUnit.DAYS), b);
    java.util.UUID task = world.task(a, b).save();
    String decision =
        api.post(
                "/api/review/tasks/" + task + "/decision",
                "steward",
                ReviewApi.decision("NO_MATCH", "Never linked in the first place"))
            .json()
            .get("id")
            .asString();

    JsonNode report = api.get("/api/review/blast-radius/" + decision, "steward").json();

    assertThat(report.get("undidALink").asBoolean()).isFalse();
    assertThat(report.get("usersWhoSaw").size()).isZero();
  }

  private void view(String user, String type, String id, AuditAction action) {
    trail.record(AuditEvent.of(user, Set.of("keyworker"), action).on(type, id).withDetail("test"));
  }

  private static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
