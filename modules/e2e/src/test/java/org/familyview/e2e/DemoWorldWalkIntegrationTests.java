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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.familyview.testsupport.KeycloakTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #6's "done when", shown on the pipeline's own output rather than on seeded tables: the
 * application starts as {@code ./familyview up} starts it, with a generated world in {@code
 * FAMILYVIEW_DEMO_DIR}; the demo world loads every agency's extract through the real intake and
 * runs one nightly pipeline (matching, clustering, families, criteria, indexing). Then, as the
 * safeguarding lead: a misspelt name finds a person the generator's truth says four or three
 * agencies hold; their chronology has entries from at least three agencies, each with its
 * provenance; the PDF export opens and lists them; the criteria list names eligible families with
 * their evidence; and a browser walks search → family → chronology.
 *
 * <p>The demo world loads only into a database where no agency has delivered yet, so this class
 * needs the fresh database {@code ./familyview test} gives a clone (it says so if not).
 */
class DemoWorldWalkIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The demo's seven partners: one police force, each authority's health, council, education. */
  private static final List<String> AGENCIES =
      List.of(
          "police",
          "health",
          "health-south",
          "council",
          "council-south",
          "education",
          "education-south");

  private static final String SCHEMA = "e2e_demo_walk";

  static RunningPortal portal;
  static Path world;
  static Chosen chosen;

  /** The person the walk follows: who they are in truth and in the linked data. */
  record Chosen(
      String truthId,
      String personId,
      String name,
      String misspelt,
      String familyId,
      Set<String> agencies) {}

  @BeforeAll
  static void startTheDemoWorldAndWaitForItsPipelineRun() throws Exception {
    // As ./familyview up generates it: one partner of each kind per authority.
    world = Path.of("target", "demo-world-by-authority").toAbsolutePath();
    generate(world);
    // The demo world loads only for agencies that never delivered, and the suite's other tests
    // upload into the shared schema: the walk gets a schema and indices of its own, new each run.
    dropSchema(SCHEMA);
    portal =
        RunningPortal.start(
            Map.of("FAMILYVIEW_DEMO_DIR", world.toString()),
            List.of(
                "--spring.datasource.hikari.schema=" + SCHEMA,
                "--spring.flyway.schemas=" + SCHEMA,
                "--spring.flyway.default-schema=" + SCHEMA,
                "--familyview.search.index-prefix=familyview-e2e-demo"));
    awaitTheDemoRun();
    chosen = choose();
  }

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

  @AfterAll
  static void stopPortal() throws Exception {
    if (portal != null) {
      portal.close();
    }
  }

  @Test
  void everyPartnerDeliveredItsOwnExtractOfItsOwnFamilies() throws Exception {
    for (String partner : AGENCIES) {
      long truthRecords =
          csv(world.resolve("truth.csv")).stream()
              .filter(row -> row.get("agency").equals(partner))
              .count();
      JsonNode extracts = getJson("/api/extracts?agency=" + partner, partner + "-upload");
      assertThat(extracts.size()).as("%s's extracts", partner).isOne();
      JsonNode extract = extracts.get(0);
      assertThat(extract.get("agency").asString()).isEqualTo(partner);
      assertThat(extract.get("status").asString()).as(partner).isEqualTo("COMPLETED");
      assertThat(extract.get("personsRead").asLong())
          .as("%s's persons, as the truth lists them", partner)
          .isEqualTo(truthRecords)
          .isPositive();
    }
  }

  @Test
  void aMisspeltNameFindsThePerson() throws Exception {
    JsonNode search =
        getJson(
            "/api/search?q=" + URLEncoder.encode(chosen.misspelt(), StandardCharsets.UTF_8),
            "lead");
    List<String> found = new ArrayList<>();
    search.get("results").forEach(hit -> found.add(hit.get("personId").asString()));
    assertThat(found)
        .as("search for '%s' (%s misspelt)", chosen.misspelt(), chosen.name())
        .contains(chosen.personId());
  }

  @Test
  void theirChronologyHoldsEventsFromThreeAgenciesEachWithProvenance() throws Exception {
    JsonNode chronology = getJson("/api/persons/" + chosen.personId() + "/chronology", "lead");
    JsonNode events = chronology.get("events");
    assertThat(events.size()).isGreaterThanOrEqualTo(3);
    Set<String> agencies = new HashSet<>();
    for (JsonNode event : events) {
      agencies.add(event.get("agency").asString().toLowerCase());
      JsonNode provenance = event.get("provenance");
      assertThat(provenance).as("provenance of %s", event).isNotNull();
      assertThat(provenance.get("extractId").asString()).isNotBlank();
      assertThat(provenance.get("loadedAt").asString()).isNotBlank();
      assertThat(provenance.get("recordId").asString()).isNotBlank();
      assertThat(provenance.get("link").get("type").asString()).isNotBlank();
      assertThat(provenance.get("link").get("description").asString()).isNotBlank();
    }
    assertThat(agencies).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void thePdfExportOpensAndListsTheEvents() throws Exception {
    JsonNode events = getJson("/api/persons/" + chosen.personId() + "/chronology", "lead");
    HttpResponse<byte[]> response =
        HTTP.send(
            request(
                    "/api/persons/" + chosen.personId() + "/chronology/export",
                    KeycloakTokens.accessToken("lead"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
    String text;
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      text = new PDFTextStripper().getText(pdf);
    }
    Files.writeString(Path.of("target", "demo-chronology.txt"), text);
    String flat = text.replaceAll("\\s+", " ");
    assertThat(flat).contains(chosen.personId());
    for (JsonNode event : events.get("events")) {
      // Every dated entry is listed with its summary, and its provenance note names the event.
      String eventId = event.get("provenance").get("eventId").asString();
      assertThat(flat)
          .as("the PDF lists event %s", eventId)
          .contains(", event " + eventId + ";")
          .contains(event.get("summary").asString().replaceAll("\\s+", " ").strip());
    }
  }

  @Test
  void theCriteriaListNamesEligibleFamiliesWithTheirEvidence() throws Exception {
    for (String framework : List.of("2022", "2015")) {
      JsonNode list = getJson("/api/criteria/eligible?framework=" + framework, "lead");
      assertThat(list.get("runId").isNull()).as("evaluated, framework " + framework).isFalse();
      JsonNode families = list.get("families");
      assertThat(families.size()).as("eligible families, framework " + framework).isPositive();
      JsonNode first = families.get(0);
      assertThat(first.get("needsMet").asInt())
          .isGreaterThanOrEqualTo(list.get("eligibleWith").asInt());
      List<JsonNode> met = new ArrayList<>();
      first.get("needs").forEach(n -> met.add(n));
      assertThat(met.stream().filter(n -> n.get("met").asBoolean()))
          .isNotEmpty()
          .allSatisfy(n -> assertThat(n.get("evidence").size()).isPositive());
      // The lead may read most of what the agreements share with them: evidence is not all
      // redaction notices.
      List<String> readable = new ArrayList<>();
      families.forEach(
          f ->
              f.get("needs")
                  .forEach(
                      n ->
                          n.get("evidence")
                              .forEach(
                                  e -> {
                                    if (e.get("redacted").isNull()) {
                                      readable.add(e.get("label").asString());
                                    }
                                  })));
      assertThat(readable).as("readable evidence, framework " + framework).isNotEmpty();
    }
  }

  @Test
  void aBrowserWalksSearchToFamilyToChronologyAndTheCriteriaList() throws Exception {
    try (Browser browser = new Browser()) {
      browser.open(portal.baseUrl() + "/").signInAs("lead");
      browser.driver().findElement(By.id("search-link")).click();
      browser.driver().findElement(By.id("q")).sendKeys(chosen.misspelt(), Keys.ENTER);
      String results = browser.text(By.id("results"));
      // The family is named ("The Hughes family, 14 Halcon Road"); its id stays in the link.
      assertThat(results).contains(chosen.name()).contains(" family");
      browser.screenshot("demo-1-search");

      browser
          .driver()
          .findElement(By.cssSelector("#results a[href='/families/" + chosen.familyId() + "']"))
          .click();
      assertThat(browser.text(By.id("family-id"))).contains(chosen.familyId());
      assertThat(browser.text(By.id("members"))).contains(chosen.name());
      browser.screenshot("demo-2-family");

      browser.driver().findElement(By.id("open-chronology")).click();
      browser.text(By.id("entries"));
      List<String> tags =
          browser.driver().findElements(By.cssSelector("#entries .govuk-tag--blue")).stream()
              .map(WebElement::getText)
              .map(String::toLowerCase)
              .distinct()
              .toList();
      assertThat(tags).containsAll(chosen.agencies());
      browser.screenshot("demo-3-chronology");

      // The first entry's provenance, opened from the keyboard.
      browser
          .driver()
          .findElement(By.cssSelector("#entry-1 details.fv-provenance summary"))
          .sendKeys(Keys.ENTER);
      assertThat(browser.text(By.cssSelector("#entry-1 .provenance")))
          .contains("extract", "loaded", "linked:");
      browser.screenshot("demo-4-chronology-provenance");

      browser.open(portal.baseUrl() + "/criteria");
      List<WebElement> eligible =
          browser.driver().findElements(By.cssSelector("#eligible tbody tr"));
      assertThat(eligible).isNotEmpty();
      // The first family's first need, opened: why it is met and the events that evidence it.
      eligible.getFirst().findElement(By.cssSelector("details summary")).click();
      WebElement evidence = eligible.getFirst().findElement(By.cssSelector("details ul"));
      assertThat(evidence.findElements(By.tagName("li"))).isNotEmpty();
      assertThat(evidence.getText()).isNotBlank();
      browser.screenshot("demo-5-criteria");
    }
  }

  /**
   * A person the truth says at least three agencies hold, each with events, whose records the
   * pipeline linked into one person in a family; the first such by truth id, so that the choice is
   * the same every run of the same world.
   */
  private static Chosen choose() throws Exception {
    Map<String, Map<String, String>> recordsByTruth = new TreeMap<>();
    for (CSVRecord row : csv(world.resolve("truth.csv"))) {
      recordsByTruth
          .computeIfAbsent(row.get("person_id"), k -> new TreeMap<>())
          .put(row.get("agency"), row.get("record_id"));
    }
    Map<String, Set<String>> withEvents = new HashMap<>();
    for (String agency : AGENCIES) {
      Set<String> records = new HashSet<>();
      Path events = world.resolve(agency).resolve("events.csv");
      if (Files.isRegularFile(events)) {
        csv(events).forEach(row -> records.add(row.get("record_id")));
      }
      withEvents.put(agency, records);
    }
    // A safeguarding lead looks the records up: a steward reads only people a task names.
    String lookup = KeycloakTokens.accessToken("lead");
    int tried = 0;
    for (var entry : recordsByTruth.entrySet()) {
      Map<String, String> records = new LinkedHashMap<>();
      entry
          .getValue()
          .forEach(
              (agency, record) -> {
                if (withEvents.getOrDefault(agency, Set.of()).contains(record)) {
                  records.put(agency, record);
                }
              });
      if (records.size() < 3 || tried++ > 40) {
        continue;
      }
      Set<String> people = new HashSet<>();
      for (var record : records.entrySet()) {
        HttpResponse<String> response =
            HTTP.send(
                request(
                        "/api/persons/by-record/" + record.getKey() + "/" + record.getValue(),
                        lookup)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        people.add(
            response.statusCode() == 200
                ? JSON.readTree(response.body()).get("personId").asString()
                : "none");
      }
      if (people.size() != 1 || people.contains("none")) {
        continue;
      }
      String personId = people.iterator().next();
      // The demo lead is Northshire's: a Southshire family's person is not theirs to read.
      if (HTTP.send(
                  request("/api/persons/" + personId, lookup).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 403) {
        continue;
      }
      JsonNode person = getJson("/api/persons/" + personId, "lead");
      String familyId = null;
      for (JsonNode membership : person.get("families")) {
        if (membership.get("to").isNull()) {
          familyId = membership.get("familyId").asString();
        }
      }
      String name = person.get("name").asString();
      String misspelt = misspell(name);
      if (familyId == null || misspelt == null) {
        continue;
      }
      return new Chosen(entry.getKey(), personId, name, misspelt, familyId, records.keySet());
    }
    throw new AssertionError(
        "no person held by three agencies with events was linked into one person in a family");
  }

  /** Swaps two neighbouring letters of the family name: Thompson → Thmopson. */
  static @Nullable String misspell(String name) {
    String[] parts = name.strip().split("\\s+");
    String family = parts[parts.length - 1];
    for (int i = 1; i + 2 < family.length(); i++) {
      char a = family.charAt(i);
      char b = family.charAt(i + 1);
      if (a != b && Character.isLetter(a) && Character.isLetter(b)) {
        String swapped = family.substring(0, i) + b + a + family.substring(i + 2);
        return parts[0] + " " + swapped;
      }
    }
    return null;
  }

  private static void awaitTheDemoRun() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    String status = "none";
    while (Instant.now().isBefore(deadline)) {
      JsonNode runs = getJson("/api/pipeline/runs", "steward");
      status = "none";
      for (JsonNode run : runs) {
        if (run.get("requestedBy").asString().equals("demo-world")) {
          status = run.get("status").asString();
        }
      }
      if (status.equals("COMPLETED") || status.equals("FAILED")) {
        break;
      }
      Thread.sleep(2_000);
    }
    assertThat(status)
        .as(
            "the demo world's pipeline run (none: the database already held extracts, or the"
                + " load failed; see %s)",
            portal.log())
        .isEqualTo("COMPLETED");
  }

  private static void generate(Path world) throws Exception {
    if (Files.isRegularFile(world.resolve("truth.csv"))) {
      return;
    }
    Path jar =
        Path.of("..", "generator", "target", "familyview-generator.jar")
            .toAbsolutePath()
            .normalize();
    String java = ProcessHandle.current().info().command().orElse("java");
    Path tmp = world.resolveSibling(world.getFileName() + ".tmp");
    Process generator =
        new ProcessBuilder(
                java,
                "-jar",
                jar.toString(),
                "--people",
                "800",
                "--out",
                tmp.toString(),
                "--seed",
                "42",
                "--partners",
                "by-authority")
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "demo-world-generator.log").toFile())
            .start();
    assertThat(generator.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(generator.exitValue()).isZero();
    Files.move(tmp, world);
  }

  private static List<CSVRecord> csv(Path file) throws Exception {
    try (var reader = Files.newBufferedReader(file);
        CSVParser csv =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      return csv.getRecords();
    }
  }

  private static JsonNode getJson(String path, String user) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            request(path, KeycloakTokens.accessToken(user)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpRequest.Builder request(String path, String token) {
    return HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
        .header("Authorization", "Bearer " + token);
  }
}
