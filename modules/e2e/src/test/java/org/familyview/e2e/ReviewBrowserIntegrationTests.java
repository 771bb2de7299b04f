package org.familyview.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A data steward at a browser: from the home page to the queue, a possible match side by side with
 * its differences and the waterfall of its weight, and a NO_MATCH recorded with a reason from the
 * keyboard.
 */
class ReviewBrowserIntegrationTests {

  static RunningPortal portal;
  static StewardTask seeded;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.start(Map.of());
    seeded = new StewardTask().seed();
  }

  @AfterAll
  static void stopPortal() throws Exception {
    portal.close();
  }

  @Test
  void aStewardOpensATaskAndRecordsANoMatch() throws Exception {
    try (Browser browser = new Browser()) {
      browser.open(portal.baseUrl() + "/").signInAs("steward");
      browser.driver().findElement(By.id("review-link")).click();
      // Other classes' pipeline runs leave tasks for children, which rank above this adults' one:
      // the steward pages on through "More tasks" until it is listed, as they would.
      for (int page = 0;
          page < 20 && !browser.text(By.id("tasks")).contains("HEALTH/" + seeded.health);
          page++) {
        browser.driver().findElement(By.cssSelector("a[rel='next']")).click();
      }
      assertThat(browser.text(By.id("tasks"))).contains("HEALTH/" + seeded.health);
      browser.screenshot("review-1-queue");

      browser
          .driver()
          .findElement(By.cssSelector("a[href='/review/tasks/" + seeded.task + "']"))
          .click();
      assertThat(browser.text(By.id("task-kind"))).isEqualTo("Possible match");
      String sideBySide = browser.text(By.id("side-by-side"));
      assertThat(sideBySide).contains("Rebecca", "Becky", "Adeyemi-Clarke");
      assertThat(
              browser
                  .driver()
                  .findElement(By.cssSelector("#side-by-side tr[data-field='givenName']"))
                  .getText())
          .contains("Differs");
      assertThat(
              browser
                  .driver()
                  .findElement(By.cssSelector("#side-by-side tr[data-field='postcode']"))
                  .getText())
          .doesNotContain("Differs");
      assertThat(browser.text(By.id("waterfall")))
          .contains("nickname or alias", "day and month swapped");
      assertThat(browser.text(By.id("match-weight"))).isEqualTo("0.41");
      browser.screenshot("review-2-task-side-by-side");

      // Chosen and typed from the keyboard: a space selects the radio, Enter submits.
      WebElement noMatch = browser.driver().findElement(By.id("decision-no-match"));
      noMatch.sendKeys(Keys.SPACE);
      browser
          .driver()
          .findElement(By.id("reason"))
          .sendKeys("Different dates of birth; the GP confirms two women");
      browser.screenshot("review-3-task-decision-form");
      browser.driver().findElement(By.id("record-decision")).sendKeys(Keys.ENTER);

      assertThat(browser.text(By.id("decision-action"))).isEqualTo("No match");
      assertThat(browser.text(By.id("decision-status"))).isEqualTo("Applied");
      assertThat(browser.text(By.id("constraints")))
          .contains("Cannot link HEALTH/" + seeded.health + " – COUNCIL/" + seeded.council);
      browser.screenshot("review-4-decided");

      browser.open(portal.baseUrl() + "/review/tasks/" + seeded.task);
      assertThat(browser.text(By.id("not-open"))).contains("This task is decided.");
    }
  }
}
