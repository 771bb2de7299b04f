package org.familyview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.familyview.matching.RecordKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;

/** The steward's queue and what a task shows, through the API with real tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ReviewQueueIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  ReviewApi api;
  World world;

  @BeforeEach
  void start() {
    api = new ReviewApi(port);
    world = new World(jdbc);
  }

  @Test
  void theQueuePutsChildrenFirstThenPoliceHeldRecordsThenTheMostUncertain() throws Exception {
    RecordKey a = world.record("health", "H1").save();
    RecordKey b = world.record("council", "C1").save();
    UUID sure = world.task(a, b).probability(0.69).save();
    UUID unsure = world.task(a, b).probability(0.51).save();
    UUID police = world.task(a, b).police().probability(0.69).save();
    UUID child = world.task(a, b).child().probability(0.69).save();

    JsonNode page = api.get("/api/review/tasks?size=200", "steward").json();

    List<String> ours =
        StreamSupport.stream(page.get("tasks").spliterator(), false)
            .map(t -> t.get("id").asString())
            .filter(id -> Set.of(sure, unsure, police, child).contains(UUID.fromString(id)))
            .toList();
    assertThat(ours)
        .containsExactly(child.toString(), police.toString(), unsure.toString(), sure.toString());
    JsonNode first = page.get("tasks").get(0);
    assertThat(first.has("kind") && first.has("priority") && first.has("records")).isTrue();
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void theQueueFiltersByAgencyAndReasonAndPages() throws Exception {
    RecordKey police = world.record("police", "PF").save();
    RecordKey health = world.record("health", "HF").save();
    RecordKey council = world.record("council", "CF").save();
    UUID withPolice = world.task(police, health).save();
    UUID dispute = world.task(health, council).kind("DISPUTE").save();

    JsonNode byAgency = api.get("/api/review/tasks?agency=police&size=200", "steward").json();
    JsonNode byKind = api.get("/api/review/tasks?kind=DISPUTE&size=200", "steward").json();

    assertThat(ids(byAgency)).contains(withPolice.toString()).doesNotContain(dispute.toString());
    assertThat(ids(byKind)).contains(dispute.toString()).doesNotContain(withPolice.toString());
    assertThat(byKind.get("tasks").valueStream().map(t -> t.get("kind").asString()))
        .containsOnly("DISPUTE");
    JsonNode small = api.get("/api/review/tasks?size=1&page=1", "steward").json();
    assertThat(small.get("tasks").size()).isEqualTo(1);
    assertThat(small.get("page").asInt()).isEqualTo(1);
  }

  @Test
  void aStewardReadsOnlyThePeopleAReviewTaskNamesAndTheRefusalIsAudited() throws Exception {
    RecordKey health = world.record("health", "HN").save();
    RecordKey council = world.record("council", "CN").save();
    String person = world.person(Instant.now(), health);
    world.person(Instant.now(), council);

    ReviewApi.Answer refused = api.get("/api/review/persons/" + person, "steward");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("detail").asString()).contains("no review task names");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where actor = 'steward'"
                        + " and outcome = 'DENIED' and target_type = 'person' and target_id = ?")
                .param(person)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    world.task(health, council).save();

    assertThat(api.get("/api/review/persons/" + person, "steward").status()).isEqualTo(200);
  }

  @Test
  void anUnknownReasonIsAProblemDetailAndOtherRolesAreRefused() throws Exception {
    ReviewApi.Answer bad = api.get("/api/review/tasks?kind=GUESSWORK", "steward");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("detail").asString()).contains("kind must be one of");

    assertThat(api.get("/api/review/tasks", "keyworker1").status()).isEqualTo(403);
    assertThat(api.get("/api/review/tasks", "lead").status()).isEqualTo(403);
    assertThat(api.get("/api/review/tasks/" + UUID.randomUUID(), "steward").status())
        .isEqualTo(404);
  }

  @Test
  void aTaskShowsTheRecordsSideBySideTheWaterfallThePeopleAndTheirFamily() throws Exception {
    Instant then = Instant.now().minus(3, ChronoUnit.DAYS);
    RecordKey health = world.record("health", "HS").named("Samuel", "Okafor").save();
    RecordKey other = world.record("health", "HO").named("Samuel", "Okafor").save();
    RecordKey school =
        world.record("education", "ES").named("Sam", "Okafor").postcode("LS6 9ZZ").save();
    String adult = world.person(then, health, other);
    String pupil = world.person(then, school);
    String family = world.family(adult, pupil);
    String waterfall =
        """
        {"explanation": {"modelVersion": "fs1-test", "priorWeight": -13.3,
          "contributions": [
            {"comparison": "forename", "levelDescription": "nickname or alias", "weight": 5.18, "termFrequencyAdjustment": 0},
            {"comparison": "surname", "levelDescription": "exact", "weight": 7.29, "termFrequencyAdjustment": 0.26},
            {"comparison": "residence", "levelDescription": "same address", "weight": 1.2, "termFrequencyAdjustment": 0}],
          "matchWeight": 0.63, "matchProbability": 0.61, "decision": "REVIEW", "rule": ""},
         "otherPairs": [{"left": {"agency": "education", "recordId": "ES"},
           "right": {"agency": "health", "recordId": "HO"},
           "matchWeight": 0.25, "matchProbability": 0.54}]}
        """;
    UUID task = world.task(health, school).detail(waterfall).save();

    ReviewApi.Answer answer = api.get("/api/review/tasks/" + task, "steward");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode view = answer.json();
    JsonNode fields = view.get("fields");
    assertThat(field(fields, "givenName").get("differs").asBoolean()).isTrue();
    assertThat(field(fields, "givenName").get("values").get(0).asString()).isEqualTo("Samuel");
    assertThat(field(fields, "familyName").get("differs").asBoolean()).isFalse();
    assertThat(field(fields, "postcode").get("differs").asBoolean()).isTrue();
    assertThat(field(fields, "dateOfBirth").get("differs").asBoolean()).isFalse();
    assertThat(view.get("waterfall").get("steps").size()).isEqualTo(3);
    assertThat(view.get("waterfall").get("steps").get(1).get("running").asDouble())
        .isCloseTo(-13.3 + 5.18 + 7.29 + 0.26, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(view.get("waterfall").get("source").asString()).isEqualTo("task");
    assertThat(view.get("otherPairs").size())
        .as("the other record pairs between the same two people")
        .isEqualTo(1);
    assertThat(view.get("otherPairs").get(0).get("leftRecordId").asString()).isEqualTo("ES");
    assertThat(view.get("otherPairs").get(0).get("rightAgency").asString()).isEqualTo("health");
    assertThat(view.get("otherPairs").get(0).get("matchWeight").asDouble()).isEqualTo(0.25);
    assertThat(view.get("candidates").valueStream().map(c -> c.get("personId").asString()))
        .containsExactly(adult, pupil);
    assertThat(view.get("candidates").get(0).get("records").size())
        .as("the other records of each candidate person")
        .isEqualTo(2);
    assertThat(view.get("families").get(0).get("familyId").asString()).isEqualTo(family);
    assertThat(view.toString()).doesNotContain("a summary");

    long audited =
        jdbc.sql(
                """
                select count(*) from audit_entry where actor = 'steward' and action = 'PERSON_VIEW'
                  and target_type = 'person' and target_id in (?, ?) and detail like ?
                """)
            .param(adult)
            .param(pupil)
            .param("review task " + task + "%")
            .query(Long.class)
            .single();
    assertThat(audited).isEqualTo(2);
  }

  @Test
  void aPossibleMatchPageListsTheOtherRecordPairsBetweenItsTwoPeople() throws Exception {
    Instant then = Instant.now().minus(2, ChronoUnit.DAYS);
    RecordKey health = world.record("health", "HP").named("Ruth", "Adeyemi").save();
    RecordKey council = world.record("council", "CP").named("Ruth", "Adeyemi").save();
    RecordKey school = world.record("education", "EP").named("Ruth", "Adeyemi").save();
    RecordKey police = world.record("police", "PP").named("Ruth", "Adeyemi").save();
    world.person(then, health, council);
    world.person(then, school, police);
    String detail =
        """
        {"contributions": [], "matchWeight": 2.5,
         "otherPairs": [{"left": {"agency": "%s", "recordId": "%s"},
           "right": {"agency": "%s", "recordId": "%s"},
           "matchWeight": 1.75, "matchProbability": 0.7703}]}
        """
            .formatted(council.agency(), council.recordId(), police.agency(), police.recordId());
    UUID withOthers = world.task(health, school).detail(detail).save();
    UUID alone = world.task(council, school).detail("{\"otherPairs\": []}").save();

    String page = page("/review/tasks/" + withOthers);
    String other = page("/review/tasks/" + alone);

    assertThat(page).contains("id=\"other-pairs\"");
    String section =
        page.substring(page.indexOf("id=\"other-pairs\""), page.indexOf("The candidate people"));
    assertThat(section)
        .contains("Other record pairs between these two people")
        .contains(council.agency() + "/" + council.recordId())
        .contains(police.agency() + "/" + police.recordId())
        .contains("1.75", "0.7703")
        .doesNotContain(health.agency() + "/" + health.recordId());
    assertThat(other).doesNotContain("id=\"other-pairs\"").contains("id=\"waterfall-note\"");
  }

  private String page(String path) throws Exception {
    return mvc.perform(
            MockMvcRequestBuilders.get(path)
                .with(
                    SecurityMockMvcRequestPostProcessors.oidcLogin()
                        .idToken(t -> t.claim("preferred_username", "steward").claim("name", "S"))
                        .authorities(new SimpleGrantedAuthority("ROLE_data-steward"))))
        .andReturn()
        .getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode page) {
    return page.get("tasks").valueStream().map(t -> t.get("id").asString()).toList();
  }

  private static JsonNode field(JsonNode fields, String name) {
    return fields
        .valueStream()
        .filter(f -> f.get("field").asString().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
