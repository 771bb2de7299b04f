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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.familyview.access.caseload.Caseloads;
import org.familyview.alerts.inbox.Inbox;
import org.familyview.audit.read.AuditFilter;
import org.familyview.audit.read.AuditReader;
import org.familyview.pipeline.PipelineRunFinished;
import org.familyview.search.people.PeopleIndex;
import org.familyview.search.people.PersonDocument;
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
  @Autowired PeopleIndex people;
  @Autowired AuditReader audit;
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
          .contains(org.familyview.portal.web.Readable.UK.date(world.planStart));
      // Issue 18: the flag names its person by name, never by id (the id stays in attributes).
      int flags = page.indexOf("id=\"flags\"");
      assertThat(page.substring(flags, page.indexOf(" since ", flags)))
          .as(path)
          .contains("<span class=\"fv-flag__who\">Test Person</span>")
          .doesNotContain(">" + world.child + "<");
    }
    assertThat(page("/persons/" + world.mother, user("keyworker1"))).doesNotContain("fv-flag");
  }

  @Test
  void aSearchResultCarriesTheChildsFlagBadgeAndTheShowingIsAudited() throws Exception {
    String surname = "Flagg" + world.tag.replaceAll("[0-9]", "").toLowerCase();
    people.rebuild(
        Stream.of(
            person(world.mother, "Jolene", surname, "1990-04-02", Set.of("police")),
            person(world.child, "Kai", surname, "2015-06-10", Set.of("council"))));

    String page = page("/search?q=" + surname, user("keyworker1"));
    org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
    var rows = html.select("#results tbody tr");
    assertThat(rows).hasSize(2);
    for (var row : rows) {
      boolean child = row.select("a[href=/persons/" + world.child + "]").size() == 1;
      assertThat(row.select("[data-flag-type=CHILD_PROTECTION_PLAN]").size())
          .as(row.text())
          .isEqualTo(child ? 1 : 0);
    }
    assertThat(audit.find(new AuditFilter(world.child, null, "keyworker1", null, null), 0, 50))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("FLAG_SHOWN");
              assertThat(e.detail()).endsWith("shown on search results");
            });
  }

  private PersonDocument person(
      String id, String given, String family, String born, Set<String> agencies) {
    String familyId = world.family;
    return new PersonDocument(
        id,
        given + " " + family,
        List.of(given, family),
        List.of(family),
        LocalDate.parse(born),
        "LS6 1AA",
        Set.of(),
        familyId,
        agencies);
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
