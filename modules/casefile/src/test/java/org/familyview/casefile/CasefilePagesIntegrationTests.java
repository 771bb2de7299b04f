package org.familyview.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.familyview.access.caseload.Caseloads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The keyworker's pages through the browser security chain (session login, CSRF, CSP) against the
 * real PostgreSQL. The Keycloak login itself is simulated; every rule after it is the real one.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasefilePagesIntegrationTests {

  static final String NAUGHTY = "<script>alert('x')</script> & \"quotes\"";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Caseloads caseloads;
  CaseWorld world;

  @BeforeAll
  void seed() {
    world = new CaseWorld(jdbc).build();
    caseloads.assign("keyworker1", world.family, LocalDate.now().minusDays(1), null, "lead");
    jdbc.sql("update source_event set summary = ? where event_id = ?")
        .params(NAUGHTY, "ev-ae-" + world.tag)
        .update();
  }

  @Test
  void theFamilyChronologyPageShowsEntriesTimelineCoverageAndEscapesAgencyText() throws Exception {
    String page =
        page("/families/" + world.family + "/chronology", user("keyworker1", "keyworker"));
    assertThat(page)
        .contains("Child protection plan started")
        .contains("Significant")
        .contains("a restricted police record exists")
        .contains("src=\"data:image/svg+xml;base64,")
        .contains("alt=\"Timeline of ")
        .contains("Early help assessment (date not recorded)")
        .contains("Council data is late")
        .contains("failed to load")
        .contains("Not my client")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .doesNotContain(NAUGHTY)
        .doesNotContain("Partner charged with assault");
  }

  @Test
  void theFamilyPageListsMembersHouseholdsAndLinksToTheCriteria() throws Exception {
    String page = page("/families/" + world.family, user("lead", "safeguarding-lead"));
    assertThat(page)
        .contains("Jolene Tagg", "Kai Tagg", "Dean Marsh")
        .contains("1 Old Road", "2 New Street")
        .contains("/families/" + world.family + "/criteria")
        .contains("last load failed");
  }

  @Test
  void aKeyworkerOutsideTheCaseloadIsOfferedTheBreakGlassFormAndThenSeesThePerson()
      throws Exception {
    CaseWorld other = new CaseWorld(jdbc).build();
    var keyworker2 = user("keyworker2", "keyworker");
    String refused =
        mvc.perform(get("/persons/" + other.child).with(keyworker2))
            .andExpect(status().isForbidden())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("Record a reason for access");

    mvc.perform(
            post("/persons/" + other.child + "/access-reasons")
                .param("purpose", "Child protection enquiry (Children Act 1989 s.47)")
                .param("reason", "Strategy meeting this afternoon")
                .with(keyworker2))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/persons/" + other.child + "/access-reasons")
                .param("purpose", "Child protection enquiry (Children Act 1989 s.47)")
                .param("reason", "Strategy meeting this afternoon")
                .with(csrf())
                .with(keyworker2))
        .andExpect(status().is3xxRedirection());
    assertThat(page("/persons/" + other.child, keyworker2)).contains("Kai Tagg");
  }

  @Test
  void notMyClientFromThePageRaisesADisputeOnlyWithACsrfToken() throws Exception {
    var keyworker = user("keyworker1", "keyworker");
    var form =
        post("/persons/" + world.mother + "/disputes")
            .param("agency", "health")
            .param("recordId", world.record("health", "m"))
            .param("reason", "Different Jolene: this one lives in Wales")
            .param("back", "/families/" + world.family + "/chronology")
            .with(keyworker);
    mvc.perform(form).andExpect(status().isForbidden());
    String location =
        mvc.perform(form.with(csrf()))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).isEqualTo("/families/" + world.family + "/chronology");
    assertThat(
            jdbc.sql(
                    "select count(*) from review_task where kind = 'DISPUTE' and ? = any(person_ids)")
                .param(world.mother)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theFamilyPageSaysWhenAnAgencysLatestDeliveryWasHeld() throws Exception {
    UUID held = UUID.randomUUID();
    jdbc.sql(
            """
            insert into extract (id, agency, status, source, uploaded_by, persons_file,
              received_at, started_at, finished_at, held_reason, held_would_retire, held_current,
              held_at)
            values (?, 'POLICE', 'HELD', 'UPLOAD', 'casefile-it', 'persons.csv', ?, ?, ?,
              'persons.csv would retire 217 of the agency''s 219 current records', 217, 219, ?)
            """)
        .params(held, now(-10), now(-9), now(-8), now(-8))
        .update();
    try {
      String page = page("/families/" + world.family, user("lead", "safeguarding-lead"));
      assertThat(page)
          .contains("latest delivery held")
          .contains("Police&#39;s latest delivery, received")
          .contains("was held: it would have retired much of the agency&#39;s records");
    } finally {
      jdbc.sql("delete from extract where id = ?").param(held).update();
    }
  }

  private static Timestamp now(int minutes) {
    return Timestamp.from(Instant.now().plusSeconds(60L * minutes));
  }

  @Test
  void aStewardGetsNoCasePages() throws Exception {
    mvc.perform(
            get("/families/" + world.family + "/chronology").with(user("steward", "data-steward")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/search?q=Tagg").with(user("steward", "data-steward")))
        .andExpect(status().isForbidden());
  }

  @Test
  void thePdfExportFromThePageIsAPdf() throws Exception {
    var response =
        mvc.perform(
                get("/persons/" + world.child + "/chronology/export")
                    .with(user("keyworker1", "keyworker")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse();
    assertThat(response.getContentType()).isEqualTo("application/pdf");
    assertThat(new String(response.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
  }

  private String page(String path, OidcLoginRequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static OidcLoginRequestPostProcessor user(String username, String role) {
    return oidcLogin()
        .idToken(token -> token.claim("preferred_username", username).claim("name", username))
        .authorities(new SimpleGrantedAuthority("ROLE_" + role));
  }
}
