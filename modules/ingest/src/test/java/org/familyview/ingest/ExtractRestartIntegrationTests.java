package org.familyview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.familyview.testsupport.KeycloakTokens;
import org.familyview.testsupport.RunningApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Restartable: kill -9 the real application in the middle of a load, start it again, and the
 * extract completes with exactly the rows, rejects and counts an uninterrupted load of the same
 * files gives. Runs the app jar as a child process against the real PostgreSQL and Keycloak.
 */
class ExtractRestartIntegrationTests {

  private static final int PERSONS = 120_000;
  private static final int EVENTS_PER_PERSON = 4;
  // Generous: on a shared two-core machine a load of this size has taken over five minutes. The
  // tests assert what the load ends with, never how fast it gets there.
  private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(15);

  @TempDir Path dir;

  @Test
  void aLoadKilledMidwayCompletesAfterARestartExactlyAsAnUninterruptedOneDoes() throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    BigExtract.write(files, PERSONS, EVENTS_PER_PERSON, 42);
    Path log = dir.resolve("app.log");

    Outcome uninterrupted;
    Outcome restarted;
    String killedId;
    try (RunningApplication app = RunningApp.start(dir.resolve("var"), log)) {
      forgetEducation();
      ExtractApi api = new ExtractApi(app.port());
      String token = KeycloakTokens.accessToken("education-upload");
      String id = api.accepted("education", token, upload(files));
      JsonNode done = finished(api, id);
      assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
      uninterrupted = outcome(done, id);

      forgetEducation();
      killedId =
          api.accepted("education", KeycloakTokens.accessToken("education-upload"), upload(files));
      awaitMidLoad(killedId);
      app.killHard();
    }
    assertThat(status(killedId)).isEqualTo("RUNNING");
    assertThat(currentEducationPersons()).as("nothing applied by the killed load").isZero();

    try (RunningApplication again = RunningApp.start(dir.resolve("var"), log)) {
      JsonNode done = finished(new ExtractApi(again.port()), killedId);
      assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
      restarted = outcome(done, killedId);
    }

    assertThat(restarted).isEqualTo(uninterrupted);
    assertThat(uninterrupted.personsAccepted()).isGreaterThan(PERSONS * 9L / 10);
    assertThat(uninterrupted.rejects()).isNotEqualTo(md5Of(""));
    assertThat(jobExecutions(killedId)).as("the same job instance was restarted").isEqualTo(2);
  }

  @Test
  void aLoadStoppedByAGracefulShutdownIsNotFailedAndResumesAtTheNextStart() throws Exception {
    Path log = dir.resolve("app.log");
    String id = stopGracefullyMidLoad(7, log);
    assertThat(status(id)).isEqualTo("RUNNING");
    assertThat(jobStatus(id))
        .as("stopped by Spring Batch at a chunk boundary, not killed after the grace period")
        .isEqualTo("STOPPED");
    assertThat(currentEducationPersons()).as("nothing applied by the stopped load").isZero();

    resumesAndCompletesWhole(id, log);
  }

  /**
   * A job execution Spring Batch left UNKNOWN (a metadata update that failed after its chunk) is
   * not refused "to be safe" and not left RUNNING for ever: it restarts from its last committed
   * chunk and completes with every row.
   */
  @Test
  void aLoadLeftUnknownIsResumedAtTheNextStart() throws Exception {
    Path log = dir.resolve("app.log");
    String id = stopGracefullyMidLoad(11, log);
    try (Connection c = connect()) {
      PreparedStatement steps =
          c.prepareStatement(
              "update batch_step_execution set status = 'UNKNOWN', exit_code = 'UNKNOWN'"
                  + " where job_execution_id = (select job_execution_id from extract"
                  + " where id = ?::uuid) and status <> 'COMPLETED'");
      steps.setString(1, id);
      assertThat(steps.executeUpdate()).isPositive();
      PreparedStatement job =
          c.prepareStatement(
              "update batch_job_execution set status = 'UNKNOWN', exit_code = 'UNKNOWN'"
                  + " where job_execution_id = (select job_execution_id from extract"
                  + " where id = ?::uuid)");
      job.setString(1, id);
      assertThat(job.executeUpdate()).isEqualTo(1);
    }

    resumesAndCompletesWhole(id, log);
    assertThat(jobExecutions(id)).as("the same job instance was restarted").isEqualTo(2);
  }

  /** Uploads a big extract and stops the application with SIGTERM while events are staged. */
  private String stopGracefullyMidLoad(long seed, Path log) throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    BigExtract.write(files, PERSONS, EVENTS_PER_PERSON, seed);
    String id;
    forgetUnfinishedLoads();
    try (RunningApplication app = RunningApp.start(dir.resolve("var"), log)) {
      forgetEducation();
      id =
          new ExtractApi(app.port())
              .accepted("education", KeycloakTokens.accessToken("education-upload"), upload(files));
      awaitMidLoad(id);
    } // SIGTERM: Spring closes the context and the load stops between chunks
    return id;
  }

  private void resumesAndCompletesWhole(String id, Path log) throws Exception {
    try (RunningApplication again = RunningApp.start(dir.resolve("var"), log)) {
      JsonNode done = finished(new ExtractApi(again.port()), id);
      assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
      JsonNode persons = done.get("persons");
      JsonNode events = done.get("events");
      assertThat(persons.get("read").asLong()).isEqualTo(PERSONS);
      assertThat(events.get("read").asLong()).isEqualTo((long) PERSONS * EVENTS_PER_PERSON);
      assertThat(events.get("accepted").asLong() + events.get("rejected").asLong())
          .isEqualTo((long) PERSONS * EVENTS_PER_PERSON);
      assertThat(currentEducationPersons()).isEqualTo(persons.get("accepted").asLong());
      assertThat(
              Long.parseLong(
                  query(
                      "select count(*)::text from source_event where agency = 'EDUCATION'", null)))
          .isEqualTo(events.get("accepted").asLong());
    }
  }

  /**
   * Waits for the load to finish, with a fresh token each minute: a load slowed down by a busy
   * machine can outlast one access token.
   */
  private static JsonNode finished(ExtractApi api, String id) throws Exception {
    Instant deadline = Instant.now().plus(LOAD_TIMEOUT);
    while (true) {
      try {
        return api.finished(
            id, KeycloakTokens.accessToken("education-upload"), Duration.ofMinutes(1));
      } catch (AssertionError e) {
        if (e.getMessage() == null
            || !e.getMessage().contains("still")
            || Instant.now().isAfter(deadline)) {
          throw e;
        }
      }
    }
  }

  private static String jobStatus(String id) throws Exception {
    return query(
        "select e.status from batch_job_execution e join extract x"
            + " on x.job_execution_id = e.job_execution_id where x.id = ?::uuid",
        id);
  }

  /** What a load produced, without anything that differs between two extracts (ids, times). */
  record Outcome(
      String personsCounts,
      String eventsCounts,
      long personsAccepted,
      String persons,
      String events,
      String rejects,
      String warnings) {}

  private Outcome outcome(JsonNode extract, String id) throws Exception {
    return new Outcome(
        extract.get("persons").toString(),
        extract.get("events").toString(),
        extract.get("persons").get("accepted").asLong(),
        query(
            "select md5(string_agg(record_id || '|' || content_hash || '|' || source_line || '|'"
                + " || current, ',' order by record_id)) from source_person"
                + " where agency = 'EDUCATION'",
            null),
        query(
            "select md5(string_agg(event_id || '|' || record_id || '|' || content_hash || '|'"
                + " || source_line, ',' order by event_id)) from source_event"
                + " where agency = 'EDUCATION'",
            null),
        query(
            "select md5(string_agg(file || line || coalesce(field, '') || code || reason, ','"
                + " order by file, line, code)) from extract_reject where extract_id = ?::uuid",
            id),
        query(
            "select md5(string_agg(file || line || coalesce(field, '') || code || reason, ','"
                + " order by file, line, code, field)) from extract_warning"
                + " where extract_id = ?::uuid",
            id));
  }

  /** Waits until the events step is under way, well after the first chunks have committed. */
  private void awaitMidLoad(String id) throws Exception {
    Instant deadline = Instant.now().plus(LOAD_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      String read =
          query(
              "select coalesce(sum(s.read_count), 0)::text from batch_step_execution s"
                  + " join extract x on x.job_execution_id = s.job_execution_id"
                  + " where x.id = ?::uuid and s.step_name = 'stageEvents'",
              id);
      if (read != null && Long.parseLong(read) > 20_000) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the load never reached the events step");
  }

  private static String md5Of(String text) throws Exception {
    return query("select md5(?)", text);
  }

  /**
   * A load an earlier, aborted run of these tests left unfinished would be resumed by the next
   * start and would change the education snapshot under the test: it is marked failed first.
   */
  private static void forgetUnfinishedLoads() throws Exception {
    try (Connection c = connect()) {
      if (c.getMetaData().getTables(null, "ingest_it", "extract", null).next()) {
        c.createStatement()
            .executeUpdate(
                "update extract set status = 'FAILED', failure_reason = 'abandoned by a test run'"
                    + " where status in ('QUEUED', 'RUNNING')");
      }
    }
  }

  private static void forgetEducation() throws Exception {
    try (Connection c = connect()) {
      c.createStatement().executeUpdate("delete from source_event where agency = 'EDUCATION'");
      c.createStatement().executeUpdate("delete from source_person where agency = 'EDUCATION'");
    }
  }

  private static String status(String id) throws Exception {
    return query("select status from extract where id = ?::uuid", id);
  }

  private static long currentEducationPersons() throws Exception {
    return Long.parseLong(
        query("select count(*)::text from source_person where agency = 'EDUCATION'", null));
  }

  private static long jobExecutions(String id) throws Exception {
    return Long.parseLong(
        query(
            "select count(*)::text from batch_job_execution e"
                + " join batch_job_execution_params p on p.job_execution_id = e.job_execution_id"
                + " where p.parameter_name = 'extractId' and p.parameter_value = ?",
            id));
  }

  private static String query(String sql, String parameter) throws Exception {
    try (Connection c = connect();
        PreparedStatement statement = c.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static Connection connect() throws Exception {
    Connection c =
        DriverManager.getConnection(
            System.getenv()
                .getOrDefault("FV_DB_URL", "jdbc:postgresql://localhost:5432/familyview"),
            System.getenv().getOrDefault("FV_DB_USER", "familyview"),
            System.getenv().getOrDefault("FV_DB_PASSWORD", "familyview"));
    c.setSchema("ingest_it");
    return c;
  }

  private static Multipart upload(Path files) throws Exception {
    return new Multipart()
        .file("persons", "persons.csv", Files.readAllBytes(files.resolve("persons.csv")))
        .file("events", "events.csv", Files.readAllBytes(files.resolve("events.csv")));
  }
}
