package org.familyview.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A person at a browser: the portal sends them to Keycloak, they sign in, and the first page shows
 * who they are. Two roles, two different pages.
 */
class SignInBrowserIntegrationTests {

  static RunningPortal portal;

  @BeforeAll
  static void startPortal() throws Exception {
    portal = RunningPortal.start(Map.of());
  }

  @AfterAll
  static void stopPortal() throws Exception {
    portal.close();
  }

  @Test
  void aKeyworkerSignsInThroughKeycloakAndSeesWhoTheyAre() throws Exception {
    try (Browser browser = new Browser()) {
      browser.open(portal.baseUrl() + "/");
      assertThat(browser.driver().getCurrentUrl())
          .as("an anonymous visitor is sent to the Keycloak login")
          .contains("/realms/familyview/protocol/openid-connect/auth");

      browser.signInAs("keyworker1");

      assertThat(browser.text(By.id("username"))).isEqualTo("keyworker1");
      assertThat(browser.text(By.id("roles"))).contains("keyworker");
      assertThat(browser.driver().getCurrentUrl()).startsWith(portal.baseUrl());
      assertThat(browser.text(By.id("your-work"))).doesNotContain("Upload extracts");
      browser.screenshot("home-keyworker1");
    }
  }

  @Test
  void anUploaderSeesTheirAgencyAndNotTheKeyworkersRole() throws Exception {
    try (Browser browser = new Browser()) {
      browser.open(portal.baseUrl() + "/").signInAs("police-upload");

      assertThat(browser.text(By.id("roles")))
          .contains("agency-uploader")
          .doesNotContain("keyworker");
      assertThat(browser.text(By.id("agency"))).isEqualTo("police");
      assertThat(browser.text(By.id("your-work")))
          .contains("Upload extracts")
          .doesNotContain("audit trail");
      browser.screenshot("home-police-upload");
    }
  }
}
