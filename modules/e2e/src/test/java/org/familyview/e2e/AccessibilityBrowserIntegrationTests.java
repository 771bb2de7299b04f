package org.familyview.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every page as each role sees it, at 1280 and at 390 pixels wide, checked by axe-core against WCAG
 * 2.0, 2.1 and 2.2 levels A and AA, and for sideways scrolling: the document may not be wider than
 * the window (a wide table scrolls inside its own region instead). Screenshots of each page at each
 * width are left under target/screenshots for a person to look at.
 */
class AccessibilityBrowserIntegrationTests {

  static final List<String> WCAG =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
  static final int[] WIDTHS = {1280, 390};

  static RunningPortal portal;
  static CaseFamily family;
  static String axe;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.start(Map.of());
    family = new CaseFamily().seed();
    try (InputStream in =
        AccessibilityBrowserIntegrationTests.class.getResourceAsStream(
            "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      axe = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @AfterAll
  static void stopPortal() throws Exception {
    portal.close();
  }

  /** The pages of each role's day. */
  static Map<String, List<String>> pages() {
    Map<String, List<String>> pages = new LinkedHashMap<>();
    String f = "/families/" + family.family;
    String m = "/persons/" + family.mother;
    pages.put(
        "keyworker1",
        List.of(
            "/",
            "/search?q=" + family.surname,
            f,
            f + "/chronology",
            f + "/chronology?show=significant&order=oldest",
            m,
            m + "/chronology",
            "/persons/"
                + family.child
                + "/disputes/new?agency=health&recordId=x&back="
                + f
                + "/chronology"));
    // Outside the caseload: the refusal with its form, and search results closed to them.
    pages.put("keyworker2", List.of(f, "/search?q=" + family.surname));
    pages.put("lead", List.of("/", "/caseloads", "/criteria", f, f + "/chronology"));
    pages.put("steward", List.of("/", "/review", "/pipeline"));
    pages.put("police-upload", List.of("/", "/extracts"));
    pages.put("auditor", List.of("/", "/audit"));
    return pages;
  }

  @Test
  void everyPageOfEveryRoleHasNoAxeViolationsAndNoSidewaysScrollAtEitherWidth() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<String>> role : pages().entrySet()) {
      try (Browser browser = new Browser()) {
        browser.open(portal.baseUrl() + "/").signInAs(role.getKey());
        browser.text(org.openqa.selenium.By.id("main-content"));
        for (String path : role.getValue()) {
          for (int width : WIDTHS) {
            browser.driver().manage().window().setSize(new Dimension(width, 900));
            browser.open(portal.baseUrl() + path);
            browser.text(org.openqa.selenium.By.id("main-content"));
            String where = role.getKey() + " " + path + " at " + width + " px";
            problems.addAll(check(browser, where));
            browser.screenshot(
                "a11y-" + role.getKey() + "-" + width + path.replaceAll("[^A-Za-z0-9]+", "-"));
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static List<String> check(Browser browser, String where) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    List<String> problems = new ArrayList<>();
    long scrollWidth =
        ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
    long clientWidth =
        ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
    if (scrollWidth > clientWidth) {
      problems.add(where + ": scrolls sideways (" + scrollWidth + " px wide)");
    }
    js.executeScript(axe);
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
                + ".then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '"
                + " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));",
            WCAG);
    for (Object violation : (List<Object>) result) {
      problems.add(where + ": " + violation);
    }
    return problems;
  }
}
