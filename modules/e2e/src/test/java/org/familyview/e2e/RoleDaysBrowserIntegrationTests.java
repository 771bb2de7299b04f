package org.familyview.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Each role's day in a browser (issue 18), clicked through as a person would, with screenshots at
 * 1280 and 390 pixels wide at every step (target/screenshots/day-*.png) for a person to look at:
 * the keyworker from home to a family, its chronology, and break-glass from a search result; the
 * lead assigns a family to a caseload; the steward decides a task; the uploader sends an extract
 * and reads what the load made of it; the auditor reads the trail and the out-of-caseload report,
 * where the keyworker's reason of that morning waits for review. The day runs in that order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoleDaysBrowserIntegrationTests {

  static final String PURPOSE = "Immediate risk of harm to a child or adult";

  static RunningPortal portal;
  static CaseFamily mine;
  static CaseFamily outside;
  static CaseFamily unallocated;
  static StewardTask task;
  static final String REASON = "Police called about the children tonight " + UUID.randomUUID();

  @BeforeAll
  static void startPortal() throws Exception {
    // The uploader's small delivery would be held as a truncated export of the whole police
    // feed; the walk is about the feedback of a load, so the guard lets it through here.
    portal =
        RunningPortal.start(
            Map.of(
                "FAMILYVIEW_INGEST_GUARD_MAXRETIRESHARE", "1.0",
                "FAMILYVIEW_INGEST_GUARD_MINROWSHARE", "0"));
    mine = new CaseFamily().seed();
    outside = new CaseFamily().onNobodysCaseload().seed();
    unallocated = new CaseFamily().onNobodysCaseload().seed();
    eligibleAndUnallocated(unallocated.family);
    task = new StewardTask().seed();
  }

  @AfterAll
  static void stopPortal() throws Exception {
    portal.close();
  }

  @Test
  @Order(1)
  void aKeyworkerGoesFromHomeToAFamilyItsChronologyAndBreaksTheGlassFromASearch() throws Exception {
    try (Browser browser = new Browser()) {
      browser.open(portal.baseUrl() + "/").signInAs("keyworker1");
      String family = "a[href='/families/" + mine.family + "']";
      assertThat(browser.text(By.id("my-families"))).contains("The " + mine.surname + " family");
      browser.screenshots("day-keyworker-1-home");

      browser.driver().findElement(By.cssSelector("#my-families " + family)).click();
      assertThat(browser.text(By.id("family-name"))).contains("The " + mine.surname + " family");
      browser.screenshots("day-keyworker-2-family");

      browser.driver().findElement(By.id("open-chronology")).click();
      assertThat(browser.text(By.id("summary")))
          .contains(
              "Shires Police", "Northshire NHS Foundation Trust", "Northshire County Council");
      assertThat(browser.text(By.id("entries")))
          .contains("Child protection plan started")
          .doesNotContain("Crime recorded: assault");
      browser.screenshots("day-keyworker-3-chronology");

      // Someone not on the caseload: found, but only enough to recognise them.
      browser.open(portal.baseUrl() + "/search");
      browser.driver().findElement(By.id("q")).sendKeys("Kai " + outside.surname, Keys.ENTER);
      By row = By.id("outside-" + outside.child);
      assertThat(browser.text(row)).contains("Kai " + outside.surname, "Not on your caseload");
      assertThat(
              browser
                  .driver()
                  .findElements(
                      By.cssSelector("#results a[href='/families/" + outside.family + "']")))
          .as("the family of a person outside the caseload is withheld")
          .isEmpty();
      browser.screenshots("day-keyworker-4-search-outside");

      browser.driver().findElement(row).findElement(By.cssSelector("a.fv-break-glass")).click();
      assertThat(browser.text(By.id("break-glass"))).contains("Record a reason for access");
      browser.screenshots("day-keyworker-5-break-glass-form");

      // Sent empty: a GOV.UK error summary, nothing chosen for them.
      browser.driver().findElement(By.cssSelector("#break-glass button")).click();
      assertThat(browser.text(By.id("break-glass-errors")))
          .contains("Choose the purpose of your access", "Give a reason");
      browser.screenshots("day-keyworker-6-break-glass-errors");

      new Select(browser.driver().findElement(By.id("purpose"))).selectByVisibleText(PURPOSE);
      browser.driver().findElement(By.id("reason")).sendKeys(REASON);
      browser.driver().findElement(By.cssSelector("#break-glass button")).click();
      assertThat(browser.text(By.id("grant-ends"))).contains("Your access ends at");
      browser.screenshots("day-keyworker-7-person-opened");

      // The search now shows the person in full: the grant widened it to them.
      browser.open(portal.baseUrl() + "/search?q=Kai+" + outside.surname);
      assertThat(
              browser
                  .driver()
                  .findElements(
                      By.cssSelector("#results a[href='/persons/" + outside.child + "']")))
          .isNotEmpty();
      assertThat(browser.driver().findElements(row)).isEmpty();
      browser.screenshots("day-keyworker-8-search-after");
    }
  }

  @Test
  @Order(2)
  void aLeadAssignsAnUnallocatedFamilyToAKeyworker() throws Exception {
    try (Browser browser = new Browser()) {
      browser.open(portal.baseUrl() + "/").signInAs("lead");
      browser.text(By.id("lead-panel"));
      browser.screenshots("day-lead-1-home");
      browser.driver().findElement(By.id("caseloads-link")).click();
      browser.screenshots("day-lead-2-caseloads");

      // Sent empty first: the error summary names both fields.
      browser.driver().findElement(By.cssSelector("#assign button")).click();
      assertThat(browser.text(By.className("govuk-error-summary")))
          .contains("Choose a family", "Enter the keyworker's username");
      browser.screenshots("day-lead-3-errors");

      new Select(browser.driver().findElement(By.id("familyId"))).selectByValue(unallocated.family);
      browser.driver().findElement(By.id("keyworker")).sendKeys("keyworker2");
      browser.driver().findElement(By.cssSelector("#assign button")).click();
      assertThat(browser.text(By.id("assigned")))
          .contains("The " + unallocated.surname + " family", "keyworker2");
      assertThat(
              browser
                  .driver()
                  .findElement(
                      By.xpath(
                          "//table[@id='held']//tr[td/a[@href='/families/"
                              + unallocated.family
                              + "']]"))
                  .getText())
          .contains("keyworker2");
      browser.screenshots("day-lead-4-assigned");
      browser.scrollTo(By.id("held")).screenshots("day-lead-5-held");
    }
  }

  @Test
  @Order(3)
  void aStewardOpensATaskFromTheQueueAndDecidesIt() throws Exception {
    try (Browser browser = new Browser()) {
      browser.open(portal.baseUrl() + "/").signInAs("steward");
      browser.text(By.id("steward-panel"));
      browser.screenshots("day-steward-1-home");
      browser.driver().findElement(By.id("review-link")).click();
      browser.screenshots("day-steward-2-queue");
      browser.open(portal.baseUrl() + "/review/tasks/" + task.task);
      assertThat(browser.text(By.id("side-by-side"))).contains("Rebecca", "Becky");
      browser.screenshots("day-steward-3-task");
      browser.driver().findElement(By.id("decision-no-match")).sendKeys(Keys.SPACE);
      browser.driver().findElement(By.id("reason")).sendKeys("Different dates of birth");
      browser.driver().findElement(By.id("record-decision")).click();
      assertThat(browser.text(By.id("decision-action"))).isEqualTo("No match");
      browser.screenshots("day-steward-4-decided");
    }
  }

  @Test
  @Order(4)
  void anUploaderSendsAnExtractAndReadsWhatTheLoadMadeOfIt() throws Exception {
    Path folder = Files.createTempDirectory("fv-day-upload");
    Path persons = folder.resolve("persons.csv");
    String tag = UUID.randomUUID().toString().substring(0, 6);
    Files.writeString(
        persons,
        "record_id,given_name,middle_names,family_name,aliases,date_of_birth,sex,address,"
            + "postcode,nhs_number,upn,pnc_id,phone,email,household_id\n"
            + "DAY"
            + tag
            + "1,Claire,,Ellrosley,,1968-04-01,F,116 london road leeds,LS6 1GF,,,,,,h1\n"
            + "DAY"
            + tag
            + "2,Dan,,Ellrosley,,1998-04-05,M,116 london road leeds,LS6 1GF,,,,,,h1\n"
            + "DAY"
            + tag
            + "3,Ben,,Ellrosley,,2001-02-31,M,116 london road leeds,LS6 1GF,,,,,,h1\n"
            + ",Amy,,Ellrosley,,2003-05-06,F,116 london road leeds,LS6 1GF,,,,,,h1\n");
    try (Browser browser = new Browser()) {
      browser.open(portal.baseUrl() + "/").signInAs("police-upload");
      browser.text(By.id("your-work"));
      browser.screenshots("day-uploader-1-home");
      browser.open(portal.baseUrl() + "/extracts");
      browser.driver().findElement(By.id("persons")).sendKeys(persons.toString());
      browser.screenshots("day-uploader-2-form");
      browser.driver().findElement(By.cssSelector("#upload-form button")).click();
      // The page refreshes itself while the load runs.
      new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
          .until(
              ExpectedConditions.not(
                  ExpectedConditions.or(
                      ExpectedConditions.textToBe(By.id("status"), "Queued"),
                      ExpectedConditions.textToBe(By.id("status"), "Running"))));
      assertThat(browser.text(By.id("status"))).isEqualTo("Completed");
      WebElement counts = browser.driver().findElement(By.id("counts"));
      assertThat(counts.findElement(By.xpath(".//tr[th='persons.csv']")).getText())
          .startsWith("persons.csv 4 3 1 1");
      // The row without an id is rejected; the impossible date is loaded with a warning.
      assertThat(browser.text(By.id("rejects"))).contains("record_id");
      assertThat(browser.text(By.id("warnings"))).contains("date_of_birth");
      browser.screenshots("day-uploader-3-feedback");
      browser.scrollTo(By.id("counts")).screenshots("day-uploader-4-counts-and-rejects");
    }
  }

  @Test
  @Order(5)
  void anAuditorReadsTheTrailAndTheOutOfCaseloadReport() throws Exception {
    try (Browser browser = new Browser()) {
      browser.open(portal.baseUrl() + "/").signInAs("auditor");
      browser.text(By.id("your-work"));
      browser.screenshots("day-auditor-1-home");
      browser.open(portal.baseUrl() + "/audit?user=keyworker1&personId=" + outside.child);
      assertThat(browser.text(By.id("entries"))).contains("keyworker1");
      browser.scrollTo(By.id("entries")).screenshots("day-auditor-2-trail");
      browser
          .driver()
          .findElement(By.cssSelector("#report-links a[href='/audit/reports/out-of-caseload']"))
          .click();
      WebElement row =
          browser
              .driver()
              .findElement(
                  By.xpath("//table[@id='report']//tr[td[contains(., '" + REASON + "')]]"));
      assertThat(row.getText()).contains("keyworker1", PURPOSE);
      browser.scrollTo(By.id("report")).screenshots("day-auditor-3-report");
    }
  }

  /** The latest criteria run finds the family eligible (a run of its own if there is none). */
  private static void eligibleAndUnallocated(String family) throws Exception {
    try (Connection db =
        DriverManager.getConnection(
            System.getenv()
                .getOrDefault("FV_DB_URL", "jdbc:postgresql://localhost:5432/familyview"),
            System.getenv().getOrDefault("FV_DB_USER", "familyview"),
            System.getenv().getOrDefault("FV_DB_PASSWORD", "familyview"))) {
      try (PreparedStatement run =
          db.prepareStatement(
              "insert into criteria_run (run_id, evaluated_on, started_at, finished_at, families)"
                  + " select ?, current_date, now(), now(), 1 where not exists"
                  + " (select 1 from criteria_run where finished_at is not null)")) {
        run.setObject(1, UUID.randomUUID());
        run.executeUpdate();
      }
      try (PreparedStatement eligible =
          db.prepareStatement(
              "insert into criteria_eligibility (run_id, family_id, framework, ruleset_version,"
                  + " needs_met, eligible_with, eligible, why, evaluated_on)"
                  + " select run_id, ?, '2022', 'e2e', 2, 2, true, 'two needs met', current_date"
                  + " from criteria_run where finished_at is not null"
                  + " order by finished_at desc limit 1")) {
        eligible.setString(1, family);
        eligible.executeUpdate();
      }
    }
  }
}
