package org.familyview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.familyview.testsupport.KeycloakTokens;
import org.familyview.testsupport.RunningApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A held extract lives in PostgreSQL, not in the application: the real app jar holds a truncated
 * police file, is stopped, and after a restart the extract is still held, with its figures, and a
 * confirmation applies it.
 */
class HeldExtractRestartIntegrationTests {

  private static final Duration WAIT = Duration.ofMinutes(2);

  @TempDir Path dir;

  @Test
  void aHeldExtractSurvivesARestartAndIsConfirmedAfterIt() throws Exception {
    Path log = dir.resolve("app.log");
    String held;
    try (RunningApplication app = RunningApp.start(dir.resolve("var"), log)) {
      ExtractApi api = new ExtractApi(app.port());
      String police = KeycloakTokens.accessToken("police-upload");
      JsonNode first =
          api.finished(
              api.accepted("police", police, files(SnapshotGuardIntegrationTests.persons(1, 219))),
              police,
              WAIT);
      assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
      held = api.accepted("police", police, files(SnapshotGuardIntegrationTests.persons(1, 2)));
      assertThat(api.finished(held, police, WAIT).get("status").asString()).isEqualTo("HELD");
    } // SIGTERM

    try (RunningApplication again = RunningApp.start(dir.resolve("var"), log)) {
      ExtractApi api = new ExtractApi(again.port());
      String police = KeycloakTokens.accessToken("police-upload");
      JsonNode after = ExtractApi.JSON.readTree(api.get("/api/extracts/" + held, police).body());
      assertThat(after.get("status").asString()).isEqualTo("HELD");
      assertThat(after.get("held").get("wouldRetire").asLong()).isEqualTo(217);
      assertThat(after.get("held").get("current").asLong()).isEqualTo(219);
      assertThat(count("select count(*) from source_person where agency = 'POLICE' and current"))
          .isEqualTo(219);

      HttpResponse<String> confirmed =
          api.post(
              "/api/extracts/" + held + "/confirm",
              KeycloakTokens.accessToken("admin"),
              "{\"reason\": \"Confirmed with the police records team\"}");

      assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
      assertThat(count("select count(*) from source_person where agency = 'POLICE' and current"))
          .isEqualTo(2);
    }
  }

  private static Multipart files(String persons) {
    return new Multipart().file("persons", "persons.csv", persons);
  }

  @BeforeEach
  @AfterEach
  void forgetPolice() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      if (!c.getMetaData().getTables(null, "ingest_it", "extract", null).next()) {
        return;
      }
      String police = "(select id from extract where agency = 'POLICE')";
      s.executeUpdate("delete from source_event where agency = 'POLICE'");
      s.executeUpdate("delete from source_person where agency = 'POLICE'");
      for (String table :
          new String[] {
            "extract_person_stage", "extract_event_stage", "extract_reject", "extract_warning"
          }) {
        s.executeUpdate("delete from " + table + " where extract_id in " + police);
      }
      s.executeUpdate("delete from extract where agency = 'POLICE'");
    }
  }

  private static long count(String sql) throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
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
}
