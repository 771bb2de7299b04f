package org.familyview.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full run — generated extracts for all four agencies, including rows the contract rejects,
 * uploaded through the API and loaded — then the application's whole log is searched for the
 * personal data it handled: full names, NHS numbers and dates of birth. Rejects and warnings must
 * explain themselves by file, line and field, never by echoing the data.
 */
class PersonalDataInLogsIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> AGENCIES = List.of("police", "health", "council", "education");
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aFullLoadLogsNoNamesIdentifiersOrDatesOfBirth() throws Exception {
    Path world = Path.of("target", "logs-world").toAbsolutePath();
    generate(world);
    Path log;
    // A schema of its own and no demo world: these are first deliveries, loaded whole. Uploaded
    // over the shared demo world they would be held by the snapshot guard (they would retire most
    // of it), and before the guard they emptied it.
    dropSchema(SCHEMA);
    try (RunningPortal portal =
        RunningPortal.start(
            Map.of("FAMILYVIEW_DEMO_DIR", ""),
            List.of(
                "--spring.datasource.hikari.schema=" + SCHEMA,
                "--spring.flyway.schemas=" + SCHEMA,
                "--spring.flyway.default-schema=" + SCHEMA,
                "--familyview.search.index-prefix=familyview-e2e-logs"))) {
      for (String agency : AGENCIES) {
        String token = token(agency + "-upload");
        String extractId = upload(portal, agency, token, world.resolve(agency));
        awaitCompleted(portal, extractId, token);
      }
      log = portal.log();
    }
    String logged = Files.readString(log);
    assertThat(logged).as("the load ran and logged something").isNotBlank();

    List<String> leaks = new ArrayList<>();
    for (String secret : personalData(world)) {
      if (logged.contains(secret)) {
        leaks.add(secret.replaceAll("\\p{L}", "*"));
      }
    }
    assertThat(leaks).as("personal data found in " + log).isEmpty();
  }

  private static final String SCHEMA = "e2e_logs";

  private static void dropSchema(String schema) throws Exception {
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(
                System.getenv()
                    .getOrDefault("FV_DB_URL", "jdbc:postgresql://localhost:5432/familyview"),
                System.getenv().getOrDefault("FV_DB_USER", "familyview"),
                System.getenv().getOrDefault("FV_DB_PASSWORD", "familyview"));
        java.sql.Statement statement = db.createStatement()) {
      statement.execute("drop schema if exists " + schema + " cascade");
    }
  }

  /** Full names, NHS numbers and dates of birth from every persons.csv written. */
  private static Set<String> personalData(Path world) throws Exception {
    Set<String> secrets = new HashSet<>();
    for (String agency : AGENCIES) {
      try (var reader = Files.newBufferedReader(world.resolve(agency).resolve("persons.csv"));
          CSVParser csv =
              CSVFormat.RFC4180
                  .builder()
                  .setHeader()
                  .setSkipHeaderRecord(true)
                  .get()
                  .parse(reader)) {
        for (CSVRecord row : csv) {
          if (!row.get("given_name").isBlank() && !row.get("family_name").isBlank()) {
            secrets.add(row.get("given_name") + " " + row.get("family_name"));
          }
          if (row.get("nhs_number").length() == 10) {
            secrets.add(row.get("nhs_number"));
          }
          if (row.get("date_of_birth").length() == 10) {
            secrets.add(row.get("date_of_birth"));
          }
        }
      }
    }
    assertThat(secrets).as("the generated world has people in it").hasSizeGreaterThan(100);
    return secrets;
  }

  private static void generate(Path world) throws Exception {
    Path jar =
        Path.of("..", "generator", "target", "familyview-generator.jar")
            .toAbsolutePath()
            .normalize();
    String java = ProcessHandle.current().info().command().orElse("java");
    Process generator =
        new ProcessBuilder(
                java,
                "-jar",
                jar.toString(),
                "--people",
                "400",
                "--out",
                world.toString(),
                "--seed",
                "7",
                "--invalid-rows",
                "0.02")
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "logs-world-generator.log").toFile())
            .start();
    assertThat(generator.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(generator.exitValue()).isZero();
  }

  private String upload(RunningPortal portal, String agency, String token, Path folder)
      throws Exception {
    String boundary = "fv" + UUID.randomUUID();
    byte[] body =
        (part(boundary, "persons", folder.resolve("persons.csv"))
                + part(boundary, "events", folder.resolve("events.csv"))
                + "--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/api/extracts/" + agency))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return JSON.readTree(response.body()).get("extractId").asString();
  }

  private static String part(String boundary, String name, Path file) throws Exception {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"; filename=\""
        + name
        + ".csv\"\r\nContent-Type: text/csv\r\n\r\n"
        + Files.readString(file)
        + "\r\n";
  }

  private void awaitCompleted(RunningPortal portal, String extractId, String token)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    String status = "";
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/api/extracts/" + extractId))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode extract = JSON.readTree(response.body());
      status = extract.get("status").asString();
      if (status.equals("COMPLETED") || status.equals("FAILED")) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(status).isEqualTo("COMPLETED");
  }

  private String token(String user) throws Exception {
    String keycloak = System.getenv().getOrDefault("FV_KEYCLOAK_URL", "http://localhost:8180");
    String realm = System.getenv().getOrDefault("FV_REALM", "familyview");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=familyview-cli&password=demo&username="
                            + URLEncoder.encode(user, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).get("access_token").asString();
  }
}
