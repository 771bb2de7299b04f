package org.familyview.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.familyview.testsupport.KeycloakTokens;
import org.familyview.testsupport.RunningApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15, "faults in the suite": the nightly pipeline of the packaged application, over a small
 * generated world loaded through the real intake, disturbed as production would disturb it — the
 * application killed with SIGKILL during a step and during indexing, Elasticsearch gone during
 * indexing, PostgreSQL gone and back under load. Each ends with exactly the people (person id of
 * every record), families (membership, roles, dates) and index documents of an undisturbed run of
 * the same data, either by itself or through the restart of the failed run; and nothing of an
 * interrupted step is left behind meanwhile.
 *
 * <p>The application reaches PostgreSQL and Elasticsearch through {@link Relay}s the test cuts,
 * never by stopping the shared services. A step is caught "in the middle" deterministically: the
 * test holds a lock on a table the step writes late, waits until the step waits for it, and only
 * then strikes. Before each test the derived tables and the indices are emptied, so that every run
 * links, groups and indexes the whole world afresh, as the undisturbed one did.
 */
class PipelineFaultsIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SCHEMA = "e2e_faults";
  private static final String PREFIX = "familyview-e2e-faults";
  private static final String APPLICATION_NAME = "familyview-e2e-faults";
  private static final List<String> AGENCIES = List.of("police", "health", "council", "education");
  private static final List<String> ALIASES = List.of("people", "families", "events");
  private static final Duration WAIT = Duration.ofMinutes(3);

  /** What the pipeline leaves behind, less what differs between two runs (run ids, times). */
  record Outcome(
      String personOfRecord,
      String livePeople,
      String families,
      String households,
      Map<String, String> indexed) {}

  static Path dir;
  static Relay database;
  static Relay search;
  static RunningApplication app;
  static Outcome undisturbed;

  @BeforeAll
  static void loadTheWorldAndRunOnceUndisturbed() throws Exception {
    dir = Path.of("target", "faults").toAbsolutePath();
    Path world = dir.resolve("world");
    // A fresh copy of the jar just built, and a fresh log, for each run of the class.
    Files.deleteIfExists(dir.resolve("jar").resolve("familyview-app.jar"));
    Files.deleteIfExists(dir.resolve("app.log"));
    Worlds.generate(world, 300, 15, dir.resolve("generator.log"));
    execute("drop schema if exists " + SCHEMA + " cascade");
    deleteIndices();
    database = Relay.to(URI.create(dbUrl().substring("jdbc:".length())).getPort());
    search = Relay.to(URI.create(esUrl()).getPort());
    app = start();
    for (String agency : AGENCIES) {
      Worlds.uploadAndAwait(app.baseUrl(), agency, world.resolve(agency));
    }
    String runId = startRun();
    assertThat(awaitEnd(runId)).isEqualTo("COMPLETED");
    undisturbed = outcome();
    assertThat(undisturbed.livePeople().split(",").length).isGreaterThan(100);
    assertThat(undisturbed.families()).isNotBlank();
    assertThat(undisturbed.indexed().get("events").split(",").length).isGreaterThan(100);
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (database != null) {
      database.close();
    }
    if (search != null) {
      search.close();
    }
  }

  /** Every run below starts from what the extracts left: no people, families or indices yet. */
  @BeforeEach
  void forgetWhatThePipelineMade() throws Exception {
    database.restore();
    search.restore();
    for (String table :
        List.of(
            "review_task",
            "review_decision",
            "match_decision",
            "person_lineage",
            "person_link_event",
            "criteria_eligibility",
            "criteria_result",
            "criteria_run",
            "household_member",
            "household",
            "family_member",
            "family_grouping_input",
            "family",
            "person_record",
            "person",
            "match_model",
            "pipeline_match_pair",
            "pipeline_match_record",
            "residence_observation",
            "index_document",
            "index_extract",
            "index_build")) {
      execute("delete from " + SCHEMA + "." + table);
    }
    execute("update " + SCHEMA + ".source_person set needs_matching = true");
    deleteIndices();
  }

  @Test
  void aKillDuringAStepLeavesNothingOfItAndTheNextStartCompletesTheRun() throws Exception {
    String runId;
    try (TableLock lock = TableLock.on("household")) {
      runId = startRun();
      lock.awaitWaiter();
      assertThat(
              count(
                  "select count(*) from batch_step_execution s"
                      + " join batch_job_execution_params p on p.job_execution_id = s.job_execution_id"
                      + " where p.parameter_value = '"
                      + runId
                      + "' and s.step_name = 'families'"
                      + " and s.status = 'STARTED'"))
          .as("the families step is under way")
          .isEqualTo(1);
      app.killHard();
    }
    awaitBackendsGone();
    assertThat(runStatus(runId)).as("a killed run is not reported finished").isEqualTo("RUNNING");
    assertThat(count("select count(*) from person_record"))
        .as("clustering had committed")
        .isPositive();
    assertThat(count("select count(*) from residence_observation"))
        .as("nothing of the killed families step")
        .isZero();
    assertThat(count("select count(*) from family")).isZero();

    app = start();

    assertThat(awaitEnd(runId)).isEqualTo("COMPLETED");
    assertThat(outcome()).isEqualTo(undisturbed);
    assertThat(
            count(
                "select count(*) from batch_step_execution s"
                    + " join batch_job_execution_params p on p.job_execution_id = s.job_execution_id"
                    + " where p.parameter_value = '"
                    + runId
                    + "' and s.step_name = 'clustering'"))
        .as("the completed clustering step was not run again")
        .isEqualTo(1);
  }

  @Test
  void aKillDuringIndexingIsFollowedByAFullRebuildToTheSameDocuments() throws Exception {
    String runId;
    try (TableLock lock = TableLock.on("index_document")) {
      runId = startRun();
      lock.awaitWaiter();
      // The people and families indices of this build are already swapped in; the record of
      // the build says it has not completed.
      assertThat(query("select status from index_build where run_id = '" + runId + "'"))
          .isEqualTo("RUNNING");
      app.killHard();
    }
    awaitBackendsGone();
    assertThat(runStatus(runId)).isEqualTo("RUNNING");
    assertThat(query("select status from index_build where run_id = '" + runId + "'"))
        .as("a half-built set of indices is never recorded as complete")
        .isEqualTo("RUNNING");

    app = start();

    assertThat(awaitEnd(runId)).isEqualTo("COMPLETED");
    assertThat(query("select mode || ' ' || status from index_build")).isEqualTo("FULL COMPLETED");
    assertThat(outcome()).isEqualTo(undisturbed);
    assertThat(concreteIndices()).as("no abandoned build left behind").hasSize(3);
  }

  @Test
  void elasticsearchDownDuringIndexingFailsTheRunAndItsRestartCompletesIt() throws Exception {
    var cut = search.cutWhenSent("/_bulk");
    String runId = startRun();
    assertThat(cut.await(WAIT.toSeconds(), TimeUnit.SECONDS))
        .as("the indexing step sent its first bulk request")
        .isTrue();

    assertThat(awaitEnd(runId)).isEqualTo("FAILED");
    assertThat(query("select failure from pipeline_run where id = '" + runId + "'"))
        .startsWith("indexing");
    assertThat(query("select status from index_build where run_id = '" + runId + "'"))
        .isEqualTo("FAILED");
    assertThat(personOfRecord())
        .as("the steps before indexing are kept")
        .isEqualTo(undisturbed.personOfRecord());
    assertThat(aliases()).as("nothing half-built was swapped in").isEmpty();

    search.restore();
    HttpResponse<String> restart =
        post("/api/pipeline/runs/" + runId + "/restart", KeycloakTokens.accessToken("steward"));
    assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);

    assertThat(awaitEnd(runId)).isEqualTo("COMPLETED");
    assertThat(outcome()).isEqualTo(undisturbed);
    assertThat(concreteIndices()).hasSize(3);
  }

  @Test
  void postgresGoneAndBackUnderLoadFailsTheRunWithoutAHangAndItsRestartCompletesIt()
      throws Exception {
    Load load = Load.start(app.baseUrl(), KeycloakTokens.accessToken("admin"));
    String runId;
    try {
      try (TableLock lock = TableLock.on("household")) {
        runId = startRun();
        lock.awaitWaiter();
        database.cut();
      }
      // Longer than the step takes to fail, so that the run ends while PostgreSQL is still gone.
      Thread.sleep(12_000);
      database.restore();
      assertThat(awaitEnd(runId))
          .as("the run's end is recorded once PostgreSQL is back")
          .isEqualTo("FAILED");
      assertThat(query("select failure from pipeline_run where id = '" + runId + "'")).isNotBlank();
      assertThat(count("select count(*) from residence_observation"))
          .as("nothing of the families step")
          .isZero();
      assertThat(count("select count(*) from family")).isZero();
      load.awaitAnswer(200, Duration.ofSeconds(30));
    } finally {
      load.stop();
    }
    assertThat(load.statuses()).as("only answers or quick 503s").isSubsetOf(200, 503);
    assertThat(load.statuses()).contains(200, 503);
    assertThat(load.slowest()).isLessThan(Duration.ofSeconds(10));

    HttpResponse<String> restart =
        post("/api/pipeline/runs/" + runId + "/restart", KeycloakTokens.accessToken("steward"));
    assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
    assertThat(awaitEnd(runId)).isEqualTo("COMPLETED");
    assertThat(outcome()).isEqualTo(undisturbed);
  }

  // --- the application and its runs

  private static RunningApplication start() throws Exception {
    return RunningApplication.builder()
        .privateJarCopyIn(dir.resolve("jar"))
        .heap("768m")
        .argument("--spring.datasource.hikari.schema=" + SCHEMA)
        .argument("--spring.flyway.schemas=" + SCHEMA)
        .argument("--spring.flyway.default-schema=" + SCHEMA)
        .argument(
            "--spring.datasource.hikari.data-source-properties.ApplicationName=" + APPLICATION_NAME)
        .argument("--familyview.search.index-prefix=" + PREFIX)
        .argument("--familyview.pipeline.schedule.enabled=false")
        .argument("--familyview.ingest.inbox.enabled=false")
        .environment("FV_DB_URL", "jdbc:postgresql://localhost:" + database.port() + "/familyview")
        .environment("FV_ES_URL", "http://localhost:" + search.port())
        .environment("FV_VAR_DIR", dir.resolve("var").toString())
        .environment("FV_LOG_FILE", "")
        .environment("FAMILYVIEW_DEMO_DIR", "")
        .log(dir.resolve("app.log"), true)
        .awaitHealthy()
        .timeout(Duration.ofMinutes(4))
        .start();
  }

  private static String startRun() throws Exception {
    HttpResponse<String> accepted =
        post("/api/pipeline/runs", KeycloakTokens.accessToken("steward"));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return JSON.readTree(accepted.body()).get("runId").asString();
  }

  private static HttpResponse<String> post(String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The run's status once it is COMPLETED or FAILED, read from the database. */
  private static String awaitEnd(String runId) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      String status = runStatus(runId);
      if ("COMPLETED".equals(status) || "FAILED".equals(status)) {
        return status;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("run " + runId + " still " + runStatus(runId) + " after " + WAIT);
  }

  private static String runStatus(String runId) throws Exception {
    return query("select status from pipeline_run where id = '" + UUID.fromString(runId) + "'");
  }

  /** Waits until PostgreSQL has ended every session of a killed application. */
  private static void awaitBackendsGone() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (count(
            "select count(*) from pg_stat_activity where application_name = '"
                + APPLICATION_NAME
                + "'")
        > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the killed application's sessions are still there");
      }
      Thread.sleep(100);
    }
  }

  // --- the outcome

  private static Outcome outcome() throws Exception {
    Map<String, String> indexed = new TreeMap<>();
    for (String alias : ALIASES) {
      indexed.put(alias, documentIds(PREFIX + "-" + alias));
    }
    return new Outcome(
        personOfRecord(),
        query("select string_agg(id, ',' order by id) from person where retired_at is null"),
        query(
            "select string_agg(family_id || ' ' || person_id || ' ' || role || ' '"
                + " || coalesce(from_date::text, '-') || ' ' || coalesce(to_date::text, '-')"
                + " || ' ' || basis, ',' order by family_id, person_id, role, from_date)"
                + " from family_member"),
        query(
            "select string_agg(h.id || ' ' || coalesce(h.family_id, '-') || ' ' || m.person_id"
                + " || ' ' || coalesce(m.from_date::text, '-') || ' '"
                + " || coalesce(m.to_date::text, '-'), ','"
                + " order by h.id, m.person_id, m.from_date)"
                + " from household h join household_member m on m.household_id = h.id"),
        indexed);
  }

  /** Every document id behind the alias, sorted; with its count checked against _count. */
  private static String documentIds(String alias) throws Exception {
    elastic("POST", "/" + alias + "/_refresh");
    long count = JSON.readTree(elastic("GET", "/" + alias + "/_count")).get("count").asLong();
    assertThat(count).as("documents in %s", alias).isLessThanOrEqualTo(10_000);
    JsonNode hits =
        JSON.readTree(elastic("GET", "/" + alias + "/_search?size=10000&_source=false"))
            .get("hits")
            .get("hits");
    List<String> ids = new ArrayList<>();
    hits.forEach(h -> ids.add(h.get("_id").asString()));
    assertThat(ids).hasSize((int) count);
    return String.join(",", ids.stream().sorted().toList());
  }

  private static String personOfRecord() throws Exception {
    return query(
        "select string_agg(agency || '/' || record_id || '=' || person_id, ','"
            + " order by agency, record_id) from person_record");
  }

  private static List<String> aliases() throws Exception {
    List<String> names = new ArrayList<>();
    JSON.readTree(elastic("GET", "/_cat/aliases/" + PREFIX + "-*?format=json&h=alias"))
        .forEach(a -> names.add(a.get("alias").asString()));
    return names;
  }

  private static List<String> concreteIndices() throws Exception {
    List<String> names = new ArrayList<>();
    JSON.readTree(elastic("GET", "/_cat/indices/" + PREFIX + "-*?format=json&h=index"))
        .forEach(i -> names.add(i.get("index").asString()));
    return names;
  }

  private static void deleteIndices() throws Exception {
    for (String index : concreteIndices()) {
      elastic("DELETE", "/" + index);
    }
  }

  /** A request to the real Elasticsearch, not through the relay. */
  private static String elastic(String method, String path) throws Exception {
    String user = System.getenv().getOrDefault("FV_ES_USER", "familyview");
    String password = System.getenv().getOrDefault("FV_ES_PASSWORD", "");
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(esUrl() + path))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isLessThan(300);
    return response.body();
  }

  // --- the database, directly

  private static String esUrl() {
    return System.getenv().getOrDefault("FV_ES_URL", "http://localhost:9200");
  }

  private static String dbUrl() {
    return System.getenv().getOrDefault("FV_DB_URL", "jdbc:postgresql://localhost:5432/familyview");
  }

  static Connection connect() throws Exception {
    Connection c =
        DriverManager.getConnection(
            dbUrl(),
            System.getenv().getOrDefault("FV_DB_USER", "familyview"),
            System.getenv().getOrDefault("FV_DB_PASSWORD", "familyview"));
    try (Statement s = c.createStatement()) {
      s.execute("create schema if not exists " + SCHEMA);
    }
    c.setSchema(SCHEMA);
    return c;
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String query(String sql) throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static long count(String sql) throws Exception {
    return Long.parseLong(query(sql));
  }

  /**
   * An exclusive lock on one of the schema's tables, held in an open transaction until closed: a
   * step that reaches the table waits there, in the middle of its own transaction.
   */
  static final class TableLock implements AutoCloseable {
    private final Connection connection;
    private final String table;

    private TableLock(Connection connection, String table) {
      this.connection = connection;
      this.table = table;
    }

    static TableLock on(String table) throws Exception {
      Connection c = connect();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("lock table " + table + " in access exclusive mode");
      }
      return new TableLock(c, table);
    }

    /** Waits until a session of the application waits for this lock. */
    void awaitWaiter() throws Exception {
      Instant deadline = Instant.now().plus(WAIT);
      while (count(
              "select count(*) from pg_locks where not granted and relation = '"
                  + SCHEMA
                  + "."
                  + table
                  + "'::regclass")
          == 0) {
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError("no step reached " + table + " within " + WAIT);
        }
        Thread.sleep(50);
      }
    }

    @Override
    public void close() throws Exception {
      connection.rollback();
      connection.close();
    }
  }

  /** Requests that keep coming while the database goes and comes back, each one timed. */
  static final class Load {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private final List<Duration> took = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    static Load start(String baseUrl, String token) {
      Load load = new Load();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      for (int i = 0; i < 4; i++) {
        load.threads.add(Thread.ofVirtual().start(() -> load.send(http, baseUrl, token)));
      }
      return load;
    }

    private void send(HttpClient http, String baseUrl, String token) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(baseUrl + "/api/pipeline/runs"))
              .header("Authorization", "Bearer " + token)
              .timeout(Duration.ofSeconds(60))
              .build();
      while (running.get()) {
        long started = System.nanoTime();
        try {
          int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
          statuses.add(status);
          took.add(Duration.ofNanos(System.nanoTime() - started));
          Thread.sleep(50);
        } catch (Exception e) {
          statuses.add(-1);
          took.add(Duration.ofNanos(System.nanoTime() - started));
        }
      }
    }

    void awaitAnswer(int status, Duration timeout) throws InterruptedException {
      Instant deadline = Instant.now().plus(timeout);
      int seen = statuses.size();
      while (Instant.now().isBefore(deadline)) {
        List<Integer> recent = statuses.subList(seen, statuses.size());
        if (!recent.isEmpty() && recent.getLast() == status) {
          return;
        }
        Thread.sleep(100);
      }
      throw new AssertionError("no " + status + " within " + timeout + ": " + statuses);
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread t : threads) {
        t.join(Duration.ofSeconds(70));
      }
    }

    List<Integer> statuses() {
      return List.copyOf(statuses);
    }

    Duration slowest() {
      return took.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }
  }
}
