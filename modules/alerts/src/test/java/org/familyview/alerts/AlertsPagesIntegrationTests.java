package org.familyview.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.familyview.access.caseload.Caseloads;
import org.familyview.alerts.inbox.Inbox;
import org.familyview.pipeline.PipelineRunFinished;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The flag panel on the person, family and chronology pages, and the inbox page with the unread
 * count in the header, through the browser security chain (session login simulated, CSRF real).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Caseloads caseloads;
  @Autowired Inbox inbox;
  @Autowired ApplicationEventPublisher events;
  AlertsWorld world;

  @BeforeAll
  void seed() {
    world = new AlertsWorld(jdbc).build();
    caseloads.assign("keyworker1", world.family, LocalDate.now().minusDays(1), null, "lead");
    events.publishEvent(new PipelineRunFinished(UUID.randomUUID(), "COMPLETED"));
  }

  @Test
  void thePersonFamilyAndChronologyPagesShowTheFlagWithWhomToCall() throws Exception {
    for (String path :
        new String[] {
          "/persons/" + world.child,
          "/families/" + world.family,
          "/families/" + world.family + "/chronology"
        }) {
      String page = page(path, user("keyworker1"));
      assertThat(page)
          .as(path)
          .contains("data-flag-type=\"CHILD_PROTECTION_PLAN\"")
          .contains("Child protection plan")
          .contains("Northshire Council")
          .contains("01632 960100")
          .contains("01632 960999")
          .contains(world.planStart.toString());
    }
    assertThat(page("/persons/" + world.mother, user("keyworker1"))).doesNotContain("fv-flag");
  }

  @Test
  void theInboxPageListsEntriesTheHeaderCountsUnreadAndMarkReadNeedsCsrf() throws Exception {
    String me = "pages-" + UUID.randomUUID().toString().substring(0, 8);
    Inbox.Posting posted =
        inbox.post(me, "A concern rule fired for a family you hold", "/families/" + world.family);
    UUID id = ((Inbox.Posting.Posted) posted).id();

    String page = page("/notifications", user(me));
    assertThat(page)
        .contains("A concern rule fired for a family you hold")
        .contains("href=\"/families/" + world.family + "\"")
        .contains("id=\"unread-count\">1<");

    mvc.perform(post("/notifications/" + id + "/read").with(user(me)))
        .andExpect(status().isForbidden());
    mvc.perform(post("/notifications/" + id + "/read").with(user(me)).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/notifications"));
    assertThat(page("/notifications", user(me))).contains("id=\"unread-count\">0<");
  }

  private String page(String path, OidcLoginRequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static OidcLoginRequestPostProcessor user(String username) {
    return oidcLogin()
        .idToken(token -> token.claim("preferred_username", username).claim("name", username))
        .authorities(new SimpleGrantedAuthority("ROLE_keyworker"));
  }
}
