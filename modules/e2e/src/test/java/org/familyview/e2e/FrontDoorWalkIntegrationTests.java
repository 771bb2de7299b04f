package org.familyview.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.familyview.testsupport.KeycloakTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17's "done when", walked whole through the packaged application: a generated world with one
 * family of our own (a mother and her seven-year-old daughter, known to the police and to health,
 * two police domestic abuse incidents this year) is delivered and run through a night; a lead puts
 * the family on keyworker1's caseload; the next police extract brings a third incident; the next
 * night's {@code concerns} step fires the domestic-abuse rule; mash1 sees the contact on the front
 * door with its RAG rating and clock; police-checker and health-checker answer their checks; mash1
 * decides early help; keyworker1's inbox shows the rule and the decision, the family chronology the
 * outcome; and the daily digest (every five seconds here) reaches GreenMail with a link and no
 * personal data. Screenshots in target/screenshots/walk-*.png.
 *
 * <p>Its own schema and index prefix, dropped first, so that the world's extracts are the first
 * deliveries; it waits by polling with deadlines, never by fixed pauses.
 */
class FrontDoorWalkIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SCHEMA = "e2e_front_door_walk";
  private static final List<String> AGENCIES = List.of("police", "health", "council", "education");
  private static final Duration RUN = Duration.ofMinutes(6);
  private static final String MOTHER = "Marigold";
  private static final String CHILD = "Ottilie";
  private static final String SURNAME = "Quennellwalk";

  static GreenMail smtp;
  static RunningPortal portal;
  static Path world;
  static String familyId;

  @BeforeAll
  static void aWorldWithOurFamilyOnKeyworker1sCaseload() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
    smtp.start();
    world = Path.of("target", "front-door-walk").toAbsolutePath();
    // Afresh each run: the walk appends the third incident to the police extract.
    deleteTree(world);
    Worlds.generate(world, 300, 17, Path.of("target", "front-door-walk-generator.log"));
    addOurFamily(world);
    execute("drop schema if exists " + SCHEMA + " cascade");
    portal =
        RunningPortal.start(
            Map.of("FV_SMTP_HOST", "127.0.0.1", "FV_SMTP_PORT", Integer.toString(port)),
            List.of(
                "--spring.datasource.hikari.schema=" + SCHEMA,
                "--spring.flyway.schemas=" + SCHEMA,
                "--spring.flyway.default-schema=" + SCHEMA,
                "--familyview.search.index-prefix=familyview-e2e-walk",
                "--familyview.notifications.digest.cron=*/5 * * * * *"));
    for (String agency : AGENCIES) {
      Worlds.uploadAndAwait(portal.baseUrl(), agency, world.resolve(agency));
    }
    assertThat(night()).isEqualTo("COMPLETED");
    familyId = familyOf("PW-" + MOTHER);
    HttpResponse<String> assigned =
        send(
            "/api/caseloads",
            "lead",
            "{\"keyworker\": \"keyworker1\", \"familyId\": \"" + familyId + "\"}");
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() throws Exception {
    if (portal != null) {
      portal.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void aPoliceIncidentBecomesAContactChecksADecisionAnInboxEntryAndADigest() throws Exception {
    // Nothing has fired yet: two incidents are not three.
    assertThat(contactOf(familyId)).isNull();

    // The police extract brings the third incident; the night runs the concern rules.
    Files.writeString(
        world.resolve("police").resolve("events.csv"),
        incident("PW-E3", LocalDate.now().minusDays(2)),
        StandardOpenOption.APPEND);
    Worlds.uploadAndAwait(portal.baseUrl(), "police", world.resolve("police"));
    assertThat(night()).isEqualTo("COMPLETED");
    String contact = contactOf(familyId);
    assertThat(contact).as("the domestic-abuse rule's contact about " + familyId).isNotNull();

    try (Browser mash = new Browser()) {
      mash.open(portal.baseUrl() + "/front-door").signInAs("mash1");
      WebElement row = visible(mash, By.id("contact-" + contact));
      assertThat(row.getText()).contains("Family " + familyId, "concern-rule");
      assertThat(row.findElement(By.cssSelector(".govuk-tag")).getText()).isIn("RED", "AMBER");
      mash.screenshot("walk-1-front-door");
      row.findElement(By.linkText("Family " + familyId)).click();
      assertThat(mash.text(By.id("due"))).isNotBlank();
      assertThat(mash.text(By.id("evidence"))).contains("Domestic abuse incident");
      assertThat(mash.text(By.id("checks"))).contains("police", "health");
      mash.screenshot("walk-2-contact");
    }

    answer("police-checker", contact, "Three domestic abuse incidents at the address this year.");
    answer("health-checker", contact, "Registered with the GP; no concerns recorded.");

    try (Browser mash = new Browser()) {
      mash.open(portal.baseUrl() + "/front-door/contacts/" + contact).signInAs("mash1");
      assertThat(mash.text(By.id("check-police"))).contains("Answered");
      assertThat(mash.text(By.id("check-health"))).contains("Answered");
      mash.driver().findElement(By.id("outcome-EARLY_HELP")).click();
      mash.driver()
          .findElement(By.id("reason"))
          .sendKeys("Both partners' answers: offer early help.");
      mash.driver().findElement(By.id("decision-form")).submit();
      assertThat(mash.text(By.id("decision"))).contains("Early help");
      mash.screenshot("walk-5-decision");
    }

    try (Browser keyworker = new Browser()) {
      keyworker.open(portal.baseUrl() + "/notifications").signInAs("keyworker1");
      String inbox = keyworker.text(By.id("inbox"));
      assertThat(inbox)
          .contains("A concern rule (domestic-abuse-repeat) raised an amber front-door contact")
          .contains("The front door decided on a contact about a family you hold: Early help")
          .doesNotContain(MOTHER, CHILD, SURNAME);
      keyworker.screenshot("walk-6-inbox");
      keyworker
          .driver()
          .findElement(By.cssSelector("#inbox a[href$='/families/" + familyId + "/chronology']"))
          .click();
      assertThat(keyworker.text(By.id("entries"))).contains("Front door decision: Early help");
      WebElement decision =
          keyworker
              .driver()
              .findElement(
                  By.xpath("//*[@id='entries']//*[contains(text(), 'Front door decision')]"));
      ((JavascriptExecutor) keyworker.driver())
          .executeScript("arguments[0].scrollIntoView({block: 'center'});", decision);
      keyworker.screenshot("walk-7-chronology");
    }

    // The digest, every five seconds here, tells keyworker1 by email: a link and nothing else.
    MimeMessage email =
        await(
            "the digest email to keyworker1",
            () ->
                Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> Arrays.toString(safeTo(m)).contains("keyworker1@"))
                    .findFirst()
                    .orElse(null),
            Duration.ofSeconds(60));
    String body = GreenMailUtil.getBody(email);
    Files.writeString(Path.of("target", "screenshots", "walk-8-digest.txt"), body);
    assertThat(email.getSubject()).startsWith("FamilyView: ");
    assertThat(body)
        .contains("/notifications")
        .doesNotContain(MOTHER, CHILD, SURNAME, familyId, contact, "domestic", "Early help");
  }

  /** A checker signs in, opens their check, answers it and sees the answer recorded. */
  private static void answer(String checker, String contact, String response) throws Exception {
    try (Browser browser = new Browser()) {
      browser.open(portal.baseUrl() + "/front-door").signInAs(checker);
      WebElement mine = visible(browser, By.id("checks"));
      mine.findElement(By.cssSelector("a[href$='/front-door/contacts/" + contact + "']")).click();
      // The checker sees the subject and only their own agency's records.
      assertThat(browser.text(By.id("question"))).contains(SURNAME);
      String own = checker.startsWith("police") ? "PW-" : "HW-";
      assertThat(browser.text(By.id("records"))).contains(own);
      browser.driver().findElement(By.id("response")).sendKeys(response);
      browser.screenshot("walk-3-" + checker + "-question");
      browser.driver().findElement(By.id("answer-form")).submit();
      assertThat(browser.text(By.id("answer"))).contains(response);
      assertThat(browser.text(By.id("status"))).isEqualTo("Answered");
      browser.screenshot("walk-4-" + checker + "-answered");
    }
  }

  private static WebElement visible(Browser browser, By locator) {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /**
   * Our family, added to the generated world: mother and daughter at one address in the police's
   * and health's records (one household id each), and two police domestic abuse incidents about the
   * mother within the last year.
   */
  private static void addOurFamily(Path world) throws Exception {
    LocalDate today = LocalDate.now();
    String born = today.minusYears(7).minusDays(40).toString();
    for (String[] row :
        new String[][] {
          {"police", "PW-" + MOTHER, MOTHER, "1991-03-14", "F", "PW-HOUSE"},
          {"police", "PW-" + CHILD, CHILD, born, "F", "PW-HOUSE"},
          {"health", "HW-" + MOTHER, MOTHER, "1991-03-14", "F", "HW-HOUSE"},
          {"health", "HW-" + CHILD, CHILD, born, "F", "HW-HOUSE"}
        }) {
      Files.writeString(
          world.resolve(row[0]).resolve("persons.csv"),
          String.join(
                  ",",
                  row[1],
                  row[2],
                  "",
                  SURNAME,
                  "",
                  row[3],
                  row[4],
                  "\"7 Walkden Row, Leeds\"",
                  "LS6 9QN",
                  "",
                  "",
                  "",
                  "",
                  "",
                  row[5])
              + "\n",
          StandardOpenOption.APPEND);
    }
    Files.writeString(
        world.resolve("police").resolve("events.csv"),
        incident("PW-E1", today.minusMonths(8)) + incident("PW-E2", today.minusMonths(3)),
        StandardOpenOption.APPEND);
    Files.writeString(
        world.resolve("health").resolve("events.csv"),
        "HW-E1,HW-"
            + CHILD
            + ","
            + today.minusMonths(5)
            + ",gp_registration_change,,subject,Registered with a new GP practice,\n",
        StandardOpenOption.APPEND);
  }

  private static String incident(String id, LocalDate on) {
    return id
        + ",PW-"
        + MOTHER
        + ","
        + on
        + "T22:10:00,police.domestic_abuse_incident,medium,victim,"
        + "Officers attended the address after a 999 call,\n";
  }

  /** Starts a nightly run as the steward and waits for its end; its status. */
  private static String night() throws Exception {
    HttpResponse<String> accepted = send("/api/pipeline/runs", "steward", null);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String runId = JSON.readTree(accepted.body()).get("runId").asString();
    return await(
        "the nightly run " + runId,
        () -> {
          String status = query("select status from pipeline_run where id = '" + runId + "'");
          return "COMPLETED".equals(status) || "FAILED".equals(status) ? status : null;
        },
        RUN);
  }

  /** The current family of a police record's person. */
  private static String familyOf(String policeRecord) throws Exception {
    String person = get("/api/persons/by-record/police/" + policeRecord).get("personId").asString();
    for (JsonNode membership : get("/api/persons/" + person).get("families")) {
      if (membership.get("to").isNull()) {
        return membership.get("familyId").asString();
      }
    }
    throw new AssertionError("the night put " + policeRecord + "'s person in no family");
  }

  private static String contactOf(String family) throws Exception {
    return query(
        "select id::text from front_door_contact where subject_kind = 'FAMILY' and subject_id = '"
            + family
            + "'");
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken("lead"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(String path, String user, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(portal.baseUrl() + path))
            .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user));
    request =
        json == null
            ? request.POST(HttpRequest.BodyPublishers.noBody())
            : request
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Polls until the probe answers (not null), or fails after the timeout. */
  private static <T> T await(String what, ThrowingSupplier<T> probe, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(what + " did not come within " + timeout + "; see " + portal.log());
  }

  @FunctionalInterface
  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }

  private static jakarta.mail.Address[] safeTo(MimeMessage message) {
    try {
      return message.getAllRecipients();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) throws Exception {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static Connection db() throws Exception {
    return DriverManager.getConnection(
        System.getenv().getOrDefault("FV_DB_URL", "jdbc:postgresql://localhost:5432/familyview"),
        System.getenv().getOrDefault("FV_DB_USER", "familyview"),
        System.getenv().getOrDefault("FV_DB_PASSWORD", "familyview"));
  }

  private static void execute(String sql) throws Exception {
    try (Connection db = db();
        Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String query(String sql) throws Exception {
    try (Connection db = db();
        Statement statement = db.createStatement()) {
      statement.execute("set search_path to " + SCHEMA);
      try (ResultSet rows = statement.executeQuery(sql)) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }
}
