package org.familyview.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A keyworker's day in a browser: sign in, search for a misspelt name, open the family, read the
 * family chronology with entries from three agencies, the significant one flagged and the police
 * crime they may not read redacted in place.
 */
class CasefileBrowserIntegrationTests {

  static RunningPortal portal;
  static CaseFamily family;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.start(Map.of());
    family = new CaseFamily().seed();
  }

  @AfterAll
  static void stopPortal() throws Exception {
    portal.close();
  }

  private static void scrollTo(Browser browser, String id) {
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "arguments[0].scrollIntoView(true)", browser.driver().findElement(By.id(id)));
  }

  @Test
  void aKeyworkerWalksFromSearchToTheFamilyToItsChronology() throws Exception {
    try (Browser browser = new Browser()) {
      browser.open(portal.baseUrl() + "/").signInAs("keyworker1");
      browser.driver().findElement(By.id("search-link")).click();

      // Typed and submitted from the keyboard alone.
      WebElement box = browser.driver().findElement(By.id("q"));
      box.sendKeys("Jolean " + family.surname, Keys.ENTER);
      assertThat(browser.text(By.id("results"))).contains("Jolene " + family.surname, "LS6");
      browser.screenshot("casefile-1-search");

      browser
          .driver()
          .findElement(By.cssSelector("#results a[href='/families/" + family.family + "']"))
          .click();
      assertThat(browser.text(By.id("family-id"))).contains(family.family);
      assertThat(browser.text(By.id("family-name"))).contains("The " + family.surname + " family");
      assertThat(browser.text(By.id("members")))
          .contains("Jolene " + family.surname, "Kai " + family.surname);
      assertThat(browser.text(By.id("coverage"))).contains("Education");
      browser.screenshot("casefile-2-family");

      browser.driver().findElement(By.id("open-chronology")).click();
      String entries = browser.text(By.id("entries"));
      assertThat(entries)
          .contains("Child protection plan started")
          .contains("Officers attended a domestic incident at the home")
          .contains("A&E attendance: fall from a climbing frame")
          .contains("a restricted police record exists")
          .doesNotContain("Crime recorded: assault");
      List<String> tags =
          browser.driver().findElements(By.cssSelector("#entries .govuk-tag--blue")).stream()
              .map(WebElement::getText)
              .map(String::toLowerCase)
              .distinct()
              .toList();
      assertThat(tags).contains("police", "health", "council");
      assertThat(browser.driver().findElements(By.cssSelector("#entries .significant")))
          .isNotEmpty();
      WebElement picture = browser.driver().findElement(By.cssSelector("#timeline img"));
      assertThat(picture.getAttribute("alt")).startsWith("Timeline of 4 dated records");
      assertThat(
              ((Number)
                      ((JavascriptExecutor) browser.driver())
                          .executeScript("return arguments[0].naturalWidth", picture))
                  .intValue())
          .as("the browser drew the timeline")
          .isPositive();
      String svg =
          new String(
              Base64.getDecoder()
                  .decode(
                      picture.getAttribute("src").substring("data:image/svg+xml;base64,".length())),
              StandardCharsets.UTF_8);
      assertThat(svg.split("<circle", -1)).as("one mark per record, none overlapping").hasSize(5);
      scrollTo(browser, "timeline");
      browser.screenshot("casefile-3-chronology-timeline");
      scrollTo(browser, "entries");
      browser.screenshot("casefile-4-chronology-entries");

      // The filter, from the keyboard: open it, tick police, submit.
      browser.driver().findElement(By.cssSelector("#filter-details summary")).sendKeys(Keys.ENTER);
      // Tab from the summary to the first agency (police) and tick it with the space bar.
      new Actions(browser.driver()).sendKeys(Keys.TAB).sendKeys(Keys.SPACE).perform();
      browser.driver().findElement(By.id("apply-filter")).sendKeys(Keys.ENTER);
      assertThat(browser.text(By.id("filter-description"))).contains("partner Shires Police");
      assertThat(browser.text(By.id("entries")))
          .contains("Officers attended a domestic incident at the home")
          .doesNotContain("Child protection plan started");
      browser.screenshot("casefile-5-chronology-police");
    }
  }
}
