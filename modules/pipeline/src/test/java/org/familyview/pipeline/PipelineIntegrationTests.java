package org.familyview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.SourceRecord;
import org.familyview.testsupport.KeycloakTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import tools.jackson.databind.JsonNode;

/**
 * The nightly pipeline end to end against the real PostgreSQL, Elasticsearch and Keycloak: runs
 * started over HTTP with real tokens, the Spring Batch job, the people tables, review tasks and the
 * people index. Each test starts from an empty schema of its own (pipeline_it) and loads a
 * synthetic population as the extract load would leave it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIntegrationTests {

  static final Duration WAIT = Duration.ofSeconds(120);
  static final List<SourceRecord> POPULATION = SourceRows.population(20261121L, 600);

  /**
   * A world with uncertain pairs: most records carry errors, and the seed is one whose population
   * leaves the matcher pairs it cannot decide (14 at 600 records when chosen; the world of seed
   * 20261121 leaves none since the household correction and family corroboration of session 4).
   */
  static final List<SourceRecord> NOISY = SourceRows.population(7L, 0.9, 600);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;
  @Autowired ElasticsearchClient elastic;
  @Autowired MockMvc mvc;

  PipelineApi api;
  String steward;
  String admin;

  @BeforeAll
  void tokens() throws Exception {
    steward = KeycloakTokens.accessToken("steward");
    admin = KeycloakTokens.accessToken("admin");
    // The resource server reads Keycloak's keys on its first request; under load that first
    // fetch can fail once (500) before any test has begun.
    PipelineApi warmUp = new PipelineApi(port);
    for (int i = 0; i < 5 && warmUp.get("/api/pipeline/runs", admin).statusCode() == 500; i++) {
      Thread.sleep(1_000);
    }
  }

  @BeforeEach
  void emptySchema() {
    api = new PipelineApi(port);
    // Everything, index bookkeeping included: a class run before this one (which one varies
    // between clones) may have left an index this run would otherwise extend.
    PipelineFixture.startFromNothing(jdbc);
    SourceRows.load(template, POPULATION);
    CriteriaStub.gate = new CountDownLatch(0);
    CriteriaStub.failNext = false;
  }

  @AfterEach
  void release() {
    CriteriaStub.gate.countDown();
  }

  @Test
  void aRunStartedOverTheApiIsAcceptedReportedStepByStepAndLinksPeople() throws Exception {
    var accepted = api.post("/api/pipeline/runs", steward, null);
    JsonNode body = api.json(accepted, 202);
    String runId = body.get("runId").asString();
    assertThat(UUID.fromString(runId)).isNotNull();
    assertThat(accepted.headers().firstValue("Location")).hasValue("/api/pipeline/runs/" + runId);

    JsonNode run = api.finished(runId, steward, WAIT);

    assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(run.get("steps").values())
        .extracting(s -> s.get("name").asString())
        .containsExactlyElementsOf(PipelineStage.ORDER);
    for (JsonNode step : run.get("steps").values()) {
      assertThat(step.has("read") && step.has("written") && step.has("durationMs")).isTrue();
    }
    JsonNode matching = run.get("steps").get(0);
    assertThat(matching.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(matching.get("read").asLong()).isEqualTo(POPULATION.size());
    assertThat(PipelineApi.step(run, "clustering")).isEqualTo("COMPLETED");
    assertThat(PipelineApi.step(run, "families")).isIn("SKIPPED", "COMPLETED");
    assertThat(PipelineApi.step(run, "indexing")).isEqualTo("COMPLETED");

    assertThat(count("select count(*) from person_record")).isEqualTo(POPULATION.size());
    long people = count("select count(*) from person where retired_at is null");
    assertThat(people).isBetween(50L, (long) POPULATION.size() - 1);
    assertThat(count("select count(*) from source_person where needs_matching")).isZero();
    assertThat(count("select count(*) from match_model")).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "select count(distinct model_version) from person_record where link_type = 'PROBABILISTIC'")
                .query(Long.class)
                .single())
        .as("every probabilistic link names the model")
        .isEqualTo(1);
    elastic.indices().refresh(r -> r.index("familyview-pipeline-it-people"));
    assertThat(elastic.count(c -> c.index("familyview-pipeline-it-people")).count())
        .as("one document per live person in the people index")
        .isEqualTo(people);

    JsonNode list = api.json(api.get("/api/pipeline/runs", admin), 200);
    assertThat(list.get(0).get("runId").asString()).isEqualTo(runId);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'PIPELINE_RUN' and target_id = ?")
                .param(runId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void noPersonHoldsRecordsWithDifferentValidIdentifiersOrBirthDatesYearsApart() throws Exception {
    complete(api.start(steward, null));

    Map<String, List<String[]>> byPerson = new java.util.HashMap<>();
    jdbc.sql(
            "select r.person_id, s.nhs_number, s.upn, s.pnc_id, s.date_of_birth::text"
                + " from person_record r join source_person s using (agency, record_id)")
        .query(
            (rs, n) ->
                byPerson
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(
                        new String[] {
                          rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
                        }))
        .list();
    List<String> incoherent = new ArrayList<>();
    byPerson.forEach(
        (person, records) -> {
          if (distinct(records, 0, org.familyview.identifiers.NhsNumber::isValid) > 1
              || distinct(records, 1, org.familyview.identifiers.Upn::isValid) > 1
              || distinct(records, 2, org.familyview.identifiers.PncId::isValid) > 1
              || birthYearsApart(records) >= 5) {
            incoherent.add(person);
          }
        });

    assertThat(byPerson).isNotEmpty();
    assertThat(incoherent).as("people no steward joined, holding conflicting records").isEmpty();
  }

  private static long distinct(
      List<String[]> records, int field, java.util.function.Predicate<String> valid) {
    return records.stream()
        .map(r -> r[field])
        .filter(v -> v != null && valid.test(v))
        .map(v -> v.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT))
        .distinct()
        .count();
  }

  private static int birthYearsApart(List<String[]> records) {
    var years =
        records.stream()
            .map(r -> r[3])
            .filter(v -> v != null && v.length() >= 4)
            .mapToInt(v -> Integer.parseInt(v.substring(0, 4)))
            .summaryStatistics();
    return years.getCount() < 2 ? 0 : years.getMax() - years.getMin();
  }

  @Test
  void onlyAdminsAndStewardsStartOrReadRunsAndAnUnknownRunIs404() throws Exception {
    String keyworker = KeycloakTokens.accessToken("keyworker1");
    assertThat(api.post("/api/pipeline/runs", keyworker, null).statusCode()).isEqualTo(403);
    assertThat(api.post("/api/pipeline/runs", null, null).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/pipeline/runs", keyworker).statusCode()).isEqualTo(403);
    var unknown = api.get("/api/pipeline/runs/" + UUID.randomUUID(), steward);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
    assertThat(count("select count(*) from pipeline_run")).isZero();
  }

  @Test
  void aRunStartedWhileAnotherRunsIsQueuedAndRunsAfterIt() throws Exception {
    CriteriaStub.gate = new CountDownLatch(1);
    CriteriaStub.entered = new CountDownLatch(1);
    String first = api.start(steward, null);
    CriteriaStub.entered.await();

    String second = api.start(admin, null);

    assertThat(api.run(second, admin).get("status").asString()).isEqualTo("QUEUED");
    assertThat(api.run(second, admin).get("steps").values())
        .allSatisfy(s -> assertThat(s.get("status").asString()).isEqualTo("PENDING"));
    JsonNode running = api.run(first, steward);
    assertThat(running.get("status").asString()).isEqualTo("RUNNING");
    assertThat(PipelineApi.step(running, "criteria")).isEqualTo("RUNNING");
    assertThat(PipelineApi.step(running, "indexing")).isEqualTo("PENDING");

    CriteriaStub.gate.countDown();
    assertThat(api.finished(first, steward, WAIT).get("status").asString()).isEqualTo("COMPLETED");
    assertThat(api.finished(second, steward, WAIT).get("status").asString()).isEqualTo("COMPLETED");
    Timestamp firstEnded = timestamp("finished_at", first);
    Timestamp secondStarted = timestamp("started_at", second);
    assertThat(secondStarted).as("never interleaved").isAfterOrEqualTo(firstEnded);
  }

  @Test
  void aWorldOfOneRecordCompletesWithOnePersonRatherThanFailingToTrain() throws Exception {
    jdbc.sql("delete from source_person").update();
    SourceRows.load(template, POPULATION.subList(0, 1));

    complete(api.start(steward, null));

    assertThat(count("select count(*) from person_record")).isEqualTo(1);
    assertThat(count("select count(*) from person")).isEqualTo(1);
    assertThat(count("select count(*) from match_model")).as("nothing to train on").isZero();
  }

  @Test
  void personIdsAreStableAcrossRuns() throws Exception {
    complete(api.start(steward, null));
    Map<String, String> before = personOfRecord();
    long events = count("select count(*) from person_link_event");

    JsonNode second = complete(api.start(steward, null));

    assertThat(personOfRecord()).isEqualTo(before);
    assertThat(count("select count(*) from person_link_event"))
        .as("nothing changed person, so nothing is logged")
        .isEqualTo(events);
    assertThat(count("select count(*) from person_lineage")).isZero();
    assertThat(second.get("steps").get(1).get("written").asLong()).isZero();
  }

  @Test
  void aStoredModelTrainedOnOtherComparisonsIsReplacedByANewOneRatherThanFailingTheNight()
      throws Exception {
    complete(api.start(steward, null));
    // The default model of the release before dates of birth gained partial-agreement levels.
    String older;
    try (var in =
        PipelineIntegrationTests.class.getResourceAsStream("model-before-partial-dates.txt")) {
      older = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String olderVersion =
        older.lines().filter(l -> l.startsWith("version ")).findFirst().orElseThrow().substring(8);
    jdbc.sql("insert into match_model (version, parameters, trained_at) values (?, ?, now())")
        .params(olderVersion, older)
        .update();

    JsonNode next = complete(api.start(steward, null));

    assertThat(next.get("modelVersion").asString()).isNotEqualTo(olderVersion);
    assertThat(
            jdbc.sql("select version from match_model order by id desc limit 1")
                .query(String.class)
                .single())
        .as("the night trained and stored a model that fits")
        .isEqualTo(next.get("modelVersion").asString());
  }

  @Test
  void stewardsDecisionsBindTheNextRunAndARetrainedOneAndShowInLineageAndHistory()
      throws Exception {
    complete(api.start(steward, null));
    // A person of exactly two records, and two one-record people without NHS numbers.
    List<String[]> pairOfOne =
        jdbc.sql(
                "select r.agency, r.record_id, r.person_id from person_record r"
                    + " where r.person_id in (select person_id from person_record group by person_id"
                    + " having count(*) = 2) order by r.person_id, r.agency, r.record_id limit 2")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .list();
    // Two one-record people whose NHS numbers cannot keep them apart (at most one has one), and
    // whom no review task names.
    List<String[]> singles =
        jdbc.sql(
                "with p as (select r.person_id, min(r.agency) agency, min(r.record_id) record_id,"
                    + " min(s.nhs_number) nhs, count(*) size from person_record r"
                    + " join source_person s using (agency, record_id) group by r.person_id)"
                    + " select a.agency, a.record_id, a.person_id, b.agency, b.record_id,"
                    + " b.person_id from p a join p b on a.person_id < b.person_id"
                    + " where a.size = 1 and b.size = 1 and (a.nhs is null or b.nhs is null)"
                    // and no review task names either: the steward's refusal below depends on it
                    + " and not exists (select 1 from review_task t where a.person_id ="
                    + " any(t.person_ids) or b.person_id = any(t.person_ids))"
                    + " order by a.person_id, b.person_id limit 1")
            .query(
                (rs, n) ->
                    List.of(
                        new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                        new String[] {rs.getString(4), rs.getString(5), rs.getString(6)}))
            .optional()
            .orElse(List.of());
    assertThat(pairOfOne).hasSize(2);
    assertThat(singles).hasSize(2);
    String split = pairOfOne.get(0)[2];
    String mergedA = singles.get(0)[2];
    String mergedB = singles.get(1)[2];
    long highest = highestPersonNumber();
    decide("CANNOT_LINK", pairOfOne.get(0), pairOfOne.get(1));
    decide("MUST_LINK", singles.get(0), singles.get(1));

    complete(api.start(steward, null));

    assertThat(personOf(pairOfOne.get(0))).isEqualTo(split);
    assertThat(personOf(pairOfOne.get(1)))
        .as("the record that left got a fresh id, beyond every id issued")
        .isNotEqualTo(split);
    assertThat(number(personOf(pairOfOne.get(1)))).isGreaterThan(highest);
    assertThat(personOf(singles.get(0))).isEqualTo(mergedA);
    assertThat(personOf(singles.get(1))).isEqualTo(mergedA);
    assertThat(
            jdbc.sql("select link_type from person_record where agency = ? and record_id = ?")
                .params(singles.get(1)[0], singles.get(1)[1])
                .query(String.class)
                .single())
        .isEqualTo("MANUAL");
    assertThat(
            jdbc.sql(
                    "select decided_by from person_link_event where agency = ? and record_id = ?"
                        + " and action = 'LINKED' order by id desc limit 1")
                .params(singles.get(1)[0], singles.get(1)[1])
                .query(String.class)
                .single())
        .as("a steward's link names the steward")
        .isEqualTo("steward");
    assertThat(lineage())
        .contains(
            "SPLIT " + split + " " + personOf(pairOfOne.get(1)),
            "MERGE " + mergedB + " " + mergedA);
    assertThat(
            jdbc.sql("select retired_at is not null from person where id = ?")
                .param(mergedB)
                .query(Boolean.class)
                .single())
        .isTrue();

    Map<String, String> afterDecisions = personOfRecord();
    JsonNode retrained = complete(api.start(admin, "{\"retrain\": true}"));
    assertThat(count("select count(*) from match_model")).isEqualTo(2);
    assertThat(retrained.get("retrain").asBoolean()).isTrue();
    assertThat(personOf(pairOfOne.get(1))).isNotEqualTo(personOf(pairOfOne.get(0)));
    assertThat(personOf(singles.get(1))).isEqualTo(personOf(singles.get(0)));
    assertThat(personOfRecord().get(key(pairOfOne.get(0))))
        .isEqualTo(afterDecisions.get(key(pairOfOne.get(0))));

    // No review task names these people (the decisions were written directly): a steward is
    // refused their history and the refusal is audited; a safeguarding lead reads it.
    String lead = KeycloakTokens.accessToken("lead");
    assertThat(api.get("/api/persons/" + mergedB + "/history", steward).statusCode())
        .isEqualTo(403);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'PERSON_VIEW'"
                        + " and outcome = 'DENIED' and target_id = ?")
                .param(mergedB)
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(1);
    JsonNode history = api.json(api.get("/api/persons/" + mergedB + "/history", lead), 200);
    assertThat(history.get("retiredAt").isNull()).isFalse();
    assertThat(history.get("becameIds").values())
        .extracting(JsonNode::asString)
        .containsExactly(mergedA);
    assertThat(history.get("events").values())
        .extracting(e -> e.get("type").asString())
        .contains("LINKED", "UNLINKED", "MERGE");
    JsonNode byRecord =
        api.json(
            api.get(
                "/api/persons/by-record/"
                    + singles.get(1)[0].toLowerCase()
                    + "/"
                    + singles.get(1)[1],
                lead),
            200);
    assertThat(byRecord.get("personId").asString()).isEqualTo(mergedA);
    assertThat(api.get("/api/persons/by-record/police/no-such-record", steward).statusCode())
        .isEqualTo(404);
    assertThat(
            api.get(
                    "/api/persons/" + mergedA + "/history",
                    KeycloakTokens.accessToken("keyworker1"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'PERSON_VIEW' and detail = 'history'")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void decisionsTheWorkbenchAppliedAtOnceKeepTheirIdsInTheNextRun() throws Exception {
    complete(api.start(steward, null));
    List<String[]> people =
        jdbc.sql(
                "with p as (select r.person_id, min(r.agency) agency, min(r.record_id) record_id,"
                    + " min(s.nhs_number) nhs, count(*) size from person_record r"
                    + " join source_person s using (agency, record_id) group by r.person_id)"
                    + " select a.agency, a.record_id, a.person_id, b.agency, b.record_id,"
                    + " b.person_id from p a join p b on a.person_id < b.person_id"
                    + " where a.size = 1 and b.size = 1 and (a.nhs is null or b.nhs is null)"
                    // and no review task names either: the steward's refusal below depends on it
                    + " and not exists (select 1 from review_task t where a.person_id ="
                    + " any(t.person_ids) or b.person_id = any(t.person_ids))"
                    + " order by a.person_id, b.person_id limit 1")
            .query(
                (rs, n) ->
                    List.of(
                        new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                        new String[] {rs.getString(4), rs.getString(5), rs.getString(6)}))
            .single();
    String[] older = people.get(0);
    String[] newer = people.get(1);
    // A steward's MATCH as the workbench applies it: here the older id goes into the newer one,
    // which the nightly tie-break alone would not choose.
    decide("MUST_LINK", older, newer);
    jdbc.sql(
            "update person_record set person_id = ?, link_type = 'MANUAL'"
                + " where agency = ? and record_id = ?")
        .params(newer[2], older[0], older[1])
        .update();
    jdbc.sql("update person set retired_at = now() where id = ?").param(older[2]).update();
    long events = count("select count(*) from person_link_event");

    complete(api.start(steward, null));

    assertThat(personOf(older)).isEqualTo(newer[2]);
    assertThat(personOf(newer)).isEqualTo(newer[2]);
    assertThat(count("select count(*) from person_link_event"))
        .as("the run found the grouping the workbench left: nothing moved")
        .isEqualTo(events);
    assertThat(
            jdbc.sql("select retired_at is not null from person where id = ?")
                .param(older[2])
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void reviewTasksAreRaisedOnceAndNotForPairsAStewardHasRuledOn() throws Exception {
    // The default world now decides nearly every pair (corroboration, the anchored prior): this
    // test needs uncertain pairs, so it loads a world where most records carry errors.
    jdbc.sql("delete from source_person").update();
    SourceRows.load(template, NOISY);
    complete(api.start(steward, null));
    long raised = count("select count(*) from review_task where kind = 'POSSIBLE_MATCH'");
    assertThat(raised).as("the synthetic population has uncertain pairs").isPositive();
    assertThat(
            count(
                "select count(*) from review_task where kind = 'POSSIBLE_MATCH' and"
                    + " (detail->'contributions' is null or cardinality(person_ids) = 0"
                    + " or cardinality(agencies) = 0 or jsonb_array_length(records) <> 2)"))
        .as("each task carries the waterfall, the people, agencies and records")
        .isZero();
    assertThat(
            count(
                "select count(*) from review_task t where kind = 'POSSIBLE_MATCH' and exists"
                    + " (select 1 from review_task u where u.kind = 'POSSIBLE_MATCH'"
                    + " and u.priority > t.priority and not u.involves_child and not u.involves_police"
                    + " and (t.involves_child or t.involves_police))"))
        .as("children and police-held records come first")
        .isZero();

    complete(api.start(steward, null));

    assertThat(count("select count(*) from review_task where kind = 'POSSIBLE_MATCH'"))
        .as("an open task is not raised again")
        .isEqualTo(raised);
  }

  @Test
  void possibleMatchesAreOneTaskPerPairOfPeopleAndANoMatchSettlesThePeopleTheNextNight()
      throws Exception {
    jdbc.sql("delete from source_person").update();
    // Without middle names, as many agencies' extracts are: name and date of birth then leave
    // uncertain pairs between records clustering joins anyway, and several between two people.
    SourceRows.load(
        template, NOISY.stream().map(r -> r.toBuilder().middleNames(null).build()).toList());
    String first = api.start(steward, null);
    complete(first);

    long reviewPairs =
        count(
            "select count(*) from pipeline_match_pair where decision = 'REVIEW' and run_id = '"
                + first
                + "'");
    long inside =
        count(
            "select count(*) from pipeline_match_pair p"
                + " join person_record l on l.agency = p.left_agency"
                + " and l.record_id = p.left_record_id"
                + " join person_record r on r.agency = p.right_agency"
                + " and r.record_id = p.right_record_id"
                + " where p.decision = 'REVIEW' and l.person_id = r.person_id and p.run_id = '"
                + first
                + "'");
    long inTasks =
        count(
            "select coalesce(sum(1 + jsonb_array_length(detail->'otherPairs')), 0)"
                + " from review_task where kind = 'POSSIBLE_MATCH'");
    assertThat(inside).as("the world has review pairs inside one person").isPositive();
    assertThat(count(WITH_OTHER_PAIRS))
        .as("the world has two people with several review pairs between them")
        .isGreaterThanOrEqualTo(2);
    assertThat(inTasks + inside)
        .as("every review pair is in one task, or inside one person and in none")
        .isEqualTo(reviewPairs);
    assertThat(inTasks).isLessThan(reviewPairs);
    List<List<String>> people = openTaskPeople();
    assertThat(people)
        .as("no task about records one person already holds")
        .allMatch(p -> !p.get(0).equals(p.get(1)));
    assertThat(people).as("one task per pair of people").doesNotHaveDuplicates();
    assertThat(
            count(
                "select count(*) from review_task t,"
                    + " jsonb_array_elements(t.detail->'otherPairs') o"
                    + " join person_record l on l.agency = o->'left'->>'agency'"
                    + " and l.record_id = o->'left'->>'recordId'"
                    + " join person_record r on r.agency = o->'right'->>'agency'"
                    + " and r.record_id = o->'right'->>'recordId'"
                    + " where t.kind = 'POSSIBLE_MATCH' and (l.person_id = r.person_id"
                    + " or not array[l.person_id, r.person_id] <@ t.person_ids"
                    + " or (o->>'matchWeight')::float > t.match_weight)"))
        .as("the other pairs lie between the task's two people and are no stronger")
        .isZero();

    List<String[]> withOthers =
        jdbc.sql(
                "select id::text, records->0->>'agency', records->0->>'recordId',"
                    + " records->1->>'agency', records->1->>'recordId',"
                    + " detail->'otherPairs'->0->'left'->>'agency',"
                    + " detail->'otherPairs'->0->'left'->>'recordId',"
                    + " detail->'otherPairs'->0->'right'->>'agency',"
                    + " detail->'otherPairs'->0->'right'->>'recordId',"
                    + " person_ids[1], person_ids[2]"
                    + " from review_task where kind = 'POSSIBLE_MATCH'"
                    + " and jsonb_array_length(detail->'otherPairs') > 0 order by id limit 2")
            .query(
                (rs, n) -> {
                  String[] row = new String[11];
                  for (int i = 0; i < 11; i++) {
                    row[i] = rs.getString(i + 1);
                  }
                  return row;
                })
            .list();
    // A steward says "not the same" about the task's (strongest) pair, as the workbench does.
    String[] ruled = withOthers.get(0);
    decide("CANNOT_LINK", new String[] {ruled[1], ruled[2]}, new String[] {ruled[3], ruled[4]});
    jdbc.sql("update review_task set status = 'DECIDED' where id = ?::uuid")
        .param(ruled[0])
        .update();
    // Another task left open names another record pair between its two people (as one raised
    // before the strongest pair changed would): it is not raised again under the strongest pair.
    String[] open = withOthers.get(1);
    jdbc.sql("update review_task set records = ?::jsonb, dedupe_key = ? where id = ?::uuid")
        .params(
            "[{\"agency\": \""
                + open[5]
                + "\", \"recordId\": \""
                + open[6]
                + "\"},"
                + " {\"agency\": \""
                + open[7]
                + "\", \"recordId\": \""
                + open[8]
                + "\"}]",
            "POSSIBLE_MATCH:moved",
            open[0])
        .update();
    long tasks = count("select count(*) from review_task where kind = 'POSSIBLE_MATCH'");

    complete(api.start(steward, null));

    String[] left = {ruled[1], ruled[2]};
    String[] right = {ruled[3], ruled[4]};
    assertThat(personOf(left))
        .as("the no-match keeps the two people apart")
        .isNotEqualTo(personOf(right));
    List<String> apart = new ArrayList<>(List.of(personOf(left), personOf(right)));
    apart.sort(null);
    people = openTaskPeople();
    assertThat(people)
        .as("no task for two people a steward has ruled on, under any record pair")
        .doesNotContain(apart);
    assertThat(people)
        .as("an open task for two people is not raised again under another record pair")
        .doesNotHaveDuplicates()
        .contains(List.of(open[9], open[10]));
    assertThat(count("select count(*) from review_task where kind = 'POSSIBLE_MATCH'"))
        .as("the second night raises nothing new over the same records")
        .isEqualTo(tasks);
  }

  /** The people each open possible-match task's two records are in now, the lower id first. */
  private List<List<String>> openTaskPeople() {
    return jdbc.sql(
            "select min(pr.person_id), max(pr.person_id) from review_task t,"
                + " jsonb_array_elements(t.records) r join person_record pr"
                + " on pr.agency = r->>'agency' and pr.record_id = r->>'recordId'"
                + " where t.kind = 'POSSIBLE_MATCH' and t.status = 'OPEN' group by t.id")
        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
        .list();
  }

  private static final String WITH_OTHER_PAIRS =
      "select count(*) from review_task where kind = 'POSSIBLE_MATCH'"
          + " and jsonb_array_length(detail->'otherPairs') > 0";

  @Test
  void aFailedRunRestartsAtTheStepThatFailed() throws Exception {
    CriteriaStub.failNext = true;
    int before = CriteriaStub.executions.get();
    String runId = api.start(steward, null);

    JsonNode failed = api.finished(runId, steward, WAIT);

    assertThat(failed.get("status").asString()).isEqualTo("FAILED");
    assertThat(PipelineApi.step(failed, "matching")).isEqualTo("COMPLETED");
    assertThat(PipelineApi.step(failed, "clustering")).isEqualTo("COMPLETED");
    assertThat(PipelineApi.step(failed, "criteria")).isEqualTo("FAILED");
    assertThat(PipelineApi.step(failed, "indexing")).isEqualTo("PENDING");
    assertThat(failed.get("failure").asString()).startsWith("criteria");
    assertThat(
            api.post("/api/pipeline/runs/" + UUID.randomUUID() + "/restart", steward, null)
                .statusCode())
        .isEqualTo(404);

    JsonNode requeued =
        api.json(api.post("/api/pipeline/runs/" + runId + "/restart", steward, null), 202);
    assertThat(requeued.get("runId").asString()).isEqualTo(runId);
    JsonNode completed = api.finished(runId, steward, WAIT);

    assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(PipelineApi.step(completed, "criteria")).isEqualTo("COMPLETED");
    assertThat(PipelineApi.step(completed, "indexing")).isEqualTo("COMPLETED");
    assertThat(CriteriaStub.executions.get() - before).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "select count(*) from batch_step_execution s join batch_job_execution_params p"
                        + " on p.job_execution_id = s.job_execution_id"
                        + " where p.parameter_name = 'runId' and p.parameter_value = ?"
                        + " and s.step_name = 'matching'")
                .param(runId)
                .query(Long.class)
                .single())
        .as("the completed matching step is not run again")
        .isEqualTo(1);
    assertThat(api.post("/api/pipeline/runs/" + runId + "/restart", steward, null).statusCode())
        .as("a completed run cannot be restarted")
        .isEqualTo(409);
  }

  @Test
  void theRunsPageStartsARunWithItsCsrfTokenAndShowsItsSteps() throws Exception {
    var steward =
        SecurityMockMvcRequestPostProcessors.oidcLogin()
            .idToken(t -> t.claim("preferred_username", "steward").claim("name", "Test Steward"))
            .authorities(new SimpleGrantedAuthority("ROLE_data-steward"));
    mvc.perform(MockMvcRequestBuilders.post("/pipeline/runs").with(steward))
        .andExpect(MockMvcResultMatchers.status().isForbidden());
    assertThat(count("select count(*) from pipeline_run")).as("no CSRF token, no run").isZero();

    mvc.perform(
            MockMvcRequestBuilders.post("/pipeline/runs")
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .with(steward))
        .andExpect(MockMvcResultMatchers.redirectedUrl("/pipeline"));
    String runId = jdbc.sql("select id::text from pipeline_run").query(String.class).single();
    complete(runId);

    String page =
        mvc.perform(MockMvcRequestBuilders.get("/pipeline").with(steward))
            .andExpect(MockMvcResultMatchers.status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page)
        .contains("Start a run", "run-" + runId, "matching", "clustering", "indexing", "COMPLETED")
        .doesNotContain("http-equiv=\"refresh\"");
    var keyworker =
        SecurityMockMvcRequestPostProcessors.oidcLogin()
            .idToken(t -> t.claim("preferred_username", "keyworker1"))
            .authorities(new SimpleGrantedAuthority("ROLE_keyworker"));
    mvc.perform(MockMvcRequestBuilders.get("/pipeline").with(keyworker))
        .andExpect(MockMvcResultMatchers.status().isForbidden());
  }

  @Test
  void theMatchingConfigurationInForceIsInEachRunsReportAndOnTheRunsPage() throws Exception {
    String runId =
        api.json(api.post("/api/pipeline/runs", steward, null), 202).get("runId").asString();
    JsonNode matching = complete(runId).get("matching");
    // Nothing is configured here: the values in force are the library's defaults.
    MatchingConfig standard = MatchingConfig.standard();
    assertThat(matching.get("thresholds").get("autoLink").asDouble())
        .isEqualTo(standard.thresholds().autoLink());
    assertThat(matching.get("thresholds").get("review").asDouble())
        .isEqualTo(standard.thresholds().review());
    assertThat(matching.get("blocking").get("rules").values())
        .extracting(JsonNode::asString)
        .containsExactlyElementsOf(standard.blocking().rules());
    assertThat(matching.get("blocking").get("maxBlockSize").asInt())
        .isEqualTo(standard.blocking().maxBlockSize());
    assertThat(matching.get("clustering").get("maxClusterSize").asInt())
        .isEqualTo(standard.clustering().maxClusterSize());
    assertThat(matching.get("training").get("seed").asLong()).isEqualTo(standard.training().seed());

    var viewer =
        SecurityMockMvcRequestPostProcessors.oidcLogin()
            .idToken(t -> t.claim("preferred_username", "steward").claim("name", "Test Steward"))
            .authorities(new SimpleGrantedAuthority("ROLE_data-steward"));
    String page =
        mvc.perform(MockMvcRequestBuilders.get("/pipeline").with(viewer))
            .andExpect(MockMvcResultMatchers.status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page)
        .contains(
            "Matching configuration in force",
            "auto-link ≥ " + standard.thresholds().autoLink(),
            "review ≥ " + standard.thresholds().review(),
            String.join(", ", standard.blocking().rules()),
            "at most " + standard.clustering().maxClusterSize() + " records a person");
  }

  private JsonNode complete(String runId) throws Exception {
    JsonNode run = api.finished(runId, steward, WAIT);
    assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
    return run;
  }

  private void decide(String kind, String[] left, String[] right) {
    jdbc.sql(
            "insert into match_decision (id, kind, left_agency, left_record_id, right_agency,"
                + " right_record_id, reason, decided_by, decided_at)"
                + " values (?, ?, ?, ?, ?, ?, 'test', 'steward', ?)")
        .params(
            UUID.randomUUID(),
            kind,
            left[0],
            left[1],
            right[0],
            right[1],
            Timestamp.from(Instant.now()))
        .update();
  }

  private String personOf(String[] record) {
    return jdbc.sql("select person_id from person_record where agency = ? and record_id = ?")
        .params(record[0], record[1])
        .query(String.class)
        .single();
  }

  private static String key(String[] record) {
    return record[0] + "/" + record[1];
  }

  private Map<String, String> personOfRecord() {
    return jdbc
        .sql("select agency || '/' || record_id, person_id from person_record")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private List<String> lineage() {
    return jdbc.sql("select kind || ' ' || from_person || ' ' || to_person from person_lineage")
        .query(String.class)
        .list();
  }

  private long highestPersonNumber() {
    return count("select max(substring(id from 2)::bigint) from person");
  }

  private static long number(String personId) {
    return Long.parseLong(personId.substring(1));
  }

  private Timestamp timestamp(String column, String runId) {
    return jdbc.sql("select " + column + " from pipeline_run where id = ?")
        .param(UUID.fromString(runId))
        .query(Timestamp.class)
        .single();
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
