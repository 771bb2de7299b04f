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
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.familyview.testsupport.KeycloakTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16's promise that adding a partner is configuration, not code: a housing provider exists
 * only as a file in a partners folder (and its data-sharing agreement); the packaged application
 * lists it, loads its extract with its own event type, matches its records into the people the
 * other partners' extracts made, and shows its entries in their chronologies under its name. The
 * OpenAPI document is read without a token.
 */
class ConfiguredPartnerIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SCHEMA = "e2e_partners";
  private static final String HOUSING = "housing-north";
  private static final int HOUSING_PEOPLE = 12;

  @Test
  void aPartnerAddedOnlyInConfigurationLoadsMatchesAndAppearsByName() throws Exception {
    Path dir = Path.of("target", "configured-partner").toAbsolutePath();
    Path world = dir.resolve("world");
    Worlds.generate(world, 300, 16, dir.resolve("generator.log"));
    Path config = configWithAHousingProvider(dir.resolve("config"));
    Path housing = housingExtract(world.resolve("health"), dir.resolve("housing"));
    dropSchema();
    try (RunningPortal portal =
        RunningPortal.start(
            Map.of("FAMILYVIEW_DEMO_DIR", ""),
            List.of(
                "--spring.datasource.hikari.schema=" + SCHEMA,
                "--spring.flyway.schemas=" + SCHEMA,
                "--spring.flyway.default-schema=" + SCHEMA,
                "--familyview.search.index-prefix=familyview-e2e-partners",
                "--familyview.pipeline.schedule.enabled=false",
                "--familyview.ingest.inbox.enabled=false",
                "--familyview.partners.folder=" + config.resolve("partners"),
                "--familyview.access.sharing-agreements=" + config.resolve("sharing"),
                // One authority covering every postcode (no authorities folder): this test is
                // about a partner added in configuration, and the lead who reads every housing
                // person's chronology must not be stopped at a border
                // (AuthoritiesIntegrationTests).
                "--familyview.authorities.folder=" + config.resolve("no-authorities")))) {
      String base = portal.baseUrl();

      JsonNode partners = JSON.readTree(get(base, "/api/partners", token("keyworker1")).body());
      assertThat(partners.findValuesAsString("id")).contains("police", "health", HOUSING);
      JsonNode listed = find(partners, "id", HOUSING);
      assertThat(JSON.writeValueAsString(listed))
          .isEqualTo(
              "{\"id\":\"housing-north\",\"name\":\"Northshire Homes\",\"kind\":\"housing\","
                  + "\"authorities\":[\"northshire\"]}");

      HttpResponse<String> document = get(base, "/v3/api-docs", null);
      assertThat(document.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(document.body()).path("paths").has("/api/extracts/{partner}"))
          .isTrue();

      for (String agency : List.of("police", "health", "council", "education")) {
        Worlds.uploadAndAwait(base, agency, world.resolve(agency));
      }
      // Nobody has a housing uploader account yet: an admin delivers for any partner.
      Worlds.uploadAndAwait(base, HOUSING, housing, "admin");
      awaitRun(base);

      String token = token("lead");
      int matched = 0;
      for (String[] pair : pairs(housing)) {
        String person = personOf(base, HOUSING, pair[0], token);
        JsonNode view = JSON.readTree(get(base, "/api/persons/" + person, token).body());
        boolean withHealth = false;
        for (JsonNode r : view.path("records")) {
          withHealth |=
              r.path("agency").asString().equals("health")
                  && r.path("recordId").asString().equals(pair[1]);
        }
        matched += withHealth ? 1 : 0;
        JsonNode chronology =
            JSON.readTree(get(base, "/api/persons/" + person + "/chronology", token).body());
        JsonNode entry = find(chronology.path("events"), "agency", HOUSING);
        assertThat(entry).as("the housing entry in " + person + "'s chronology").isNotNull();
        assertThat(entry.path("partnerName").asString()).isEqualTo("Northshire Homes");
        assertThat(entry.path("typeLabel").asString()).isEqualTo("Repairs access refused");
      }
      assertThat(matched)
          .as("housing records linked to the person of the same health record")
          .isGreaterThanOrEqualTo(HOUSING_PEOPLE - 1);
    }
  }

  /** The shipped partners and agreements, and one more of each for a housing provider. */
  private static Path configWithAHousingProvider(Path config) throws Exception {
    Path shipped = Path.of("..", "..", "config").toAbsolutePath().normalize();
    for (String folder : List.of("partners", "sharing")) {
      Files.createDirectories(config.resolve(folder));
      try (Stream<Path> files = Files.list(shipped.resolve(folder))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
          Files.copy(
              file,
              config.resolve(folder).resolve(file.getFileName()),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.writeString(
        config.resolve("partners").resolve(HOUSING + ".yaml"),
        """
        id: housing-north
        name: Northshire Homes
        kind: housing
        authorities: [northshire]
        contact: Tenancy Safeguarding Team, 0300 000 0505
        feeds: [upload]
        vocabulary:
          - code: repairs_access_refused
            label: Repairs access refused
            criterion: housing
        """);
    Files.writeString(
        config.resolve("sharing").resolve(HOUSING + ".yaml"),
        """
        agency: housing-north
        kind: housing
        name: Northshire Homes — Tenancy Safeguarding
        contact: Tenancy Safeguarding Team, 0300 000 0505
        lawful-basis: "UK GDPR Art. 6(1)(e) public task"
        legal-gateway: "Children Act 2004 s.10 and s.11"
        special-category-condition: "DPA 2018 Sch. 1 para 18 (safeguarding)"
        retention: P6Y
        sharing:
          housing.repairs_access_refused: [keyworker, safeguarding-lead]
        restricted-roles: [safeguarding-lead]
        """);
    return config;
  }

  /**
   * The first health persons with a name, date of birth and postcode, as a housing provider would
   * hold them (its own record ids, no household id), each with one event of its own type.
   */
  private static Path housingExtract(Path health, Path out) throws Exception {
    Files.createDirectories(out);
    StringBuilder persons = new StringBuilder();
    StringBuilder events =
        new StringBuilder("event_id,record_id,occurred_at,type,detail,role,summary,sensitivity\n");
    StringBuilder pairs = new StringBuilder();
    try (var reader = Files.newBufferedReader(health.resolve("persons.csv"));
        CSVParser csv =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      List<String> header = csv.getHeaderNames();
      persons.append(String.join(",", header)).append('\n');
      int n = 0;
      for (CSVRecord row : csv) {
        if (n == HOUSING_PEOPLE) {
          break;
        }
        if (row.get("given_name").isBlank()
            || row.get("family_name").isBlank()
            || row.get("date_of_birth").length() != 10
            || row.get("postcode").isBlank()
            || row.get("nhs_number").length() != 10) {
          continue;
        }
        String id = "HN-" + row.get("record_id");
        List<String> values = new ArrayList<>();
        for (String column : header) {
          values.add(
              switch (column) {
                case "record_id" -> id;
                case "household_id" -> "";
                default -> row.get(column);
              });
        }
        persons.append(csvLine(values)).append('\n');
        events.append("HE-").append(n).append(',').append(id);
        events
            .append(",2026-10-0")
            .append(1 + n % 9)
            .append(",repairs_access_refused,,,,standard\n");
        pairs.append(id).append(',').append(row.get("record_id")).append('\n');
        n++;
      }
      assertThat(n).isEqualTo(HOUSING_PEOPLE);
    }
    Files.writeString(out.resolve("persons.csv"), persons);
    Files.writeString(out.resolve("events.csv"), events);
    Files.writeString(out.resolve("pairs.csv"), pairs);
    return out;
  }

  private static List<String[]> pairs(Path housing) throws Exception {
    return Files.readAllLines(housing.resolve("pairs.csv")).stream()
        .filter(l -> !l.isBlank())
        .map(l -> l.split(","))
        .toList();
  }

  private static String csvLine(List<String> values) {
    List<String> quoted = new ArrayList<>();
    for (String v : values) {
      quoted.add(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
    }
    return String.join(",", quoted);
  }

  private static String personOf(String base, String agency, String recordId, String token)
      throws Exception {
    HttpResponse<String> found =
        get(base, "/api/persons/by-record/" + agency + "/" + recordId, token);
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    return JSON.readTree(found.body()).get("personId").asString();
  }

  private static void awaitRun(String base) throws Exception {
    HttpResponse<String> accepted =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/pipeline/runs"))
                .header("Authorization", "Bearer " + token("steward"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String runId = JSON.readTree(accepted.body()).get("runId").asString();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(6));
    String status = "";
    while (Instant.now().isBefore(deadline)) {
      status =
          JSON.readTree(get(base, "/api/pipeline/runs/" + runId, token("steward")).body())
              .path("status")
              .asString();
      if (status.equals("COMPLETED") || status.equals("FAILED")) {
        break;
      }
      Thread.sleep(1000);
    }
    assertThat(status).as("the nightly run").isEqualTo("COMPLETED");
  }

  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (node.path(field).asString("").equals(value)) {
        return node;
      }
    }
    return null;
  }

  private static HttpResponse<String> get(String base, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String token(String user) {
    return KeycloakTokens.accessToken(user);
  }

  private static void dropSchema() throws Exception {
    try (Connection db =
            DriverManager.getConnection(
                System.getenv()
                    .getOrDefault("FV_DB_URL", "jdbc:postgresql://localhost:5432/familyview"),
                System.getenv().getOrDefault("FV_DB_USER", "familyview"),
                System.getenv().getOrDefault("FV_DB_PASSWORD", "familyview"));
        Statement statement = db.createStatement()) {
      statement.execute("drop schema if exists " + SCHEMA + " cascade");
    }
  }
}
