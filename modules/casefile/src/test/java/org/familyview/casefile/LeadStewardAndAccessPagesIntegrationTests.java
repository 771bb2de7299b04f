package org.familyview.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
 * Issue 18's pages for the other roles and for access: a lead assigns a caseload from the page and
 * sees who holds each family; a steward's home says how long the queue is; a person with an open
 * possible match says so (with a link for stewards); the break-glass form chooses no purpose for
 * the user, answers an empty submit with a GOV.UK error summary, and shows the expiry once granted.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadStewardAndAccessPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Caseloads caseloads;
  @Autowired org.familyview.search.people.PeopleIndex index;
  CaseWorld world;
  UUID task = UUID.randomUUID();

  @BeforeAll
  void seed() {
    world = new CaseWorld(jdbc).build();
    jdbc.sql(
            """
            insert into review_task (id, kind, status, priority, involves_child, involves_police,
              match_weight, match_probability, records, person_ids, agencies, dedupe_key,
              raised_by, raised_at)
            values (?, 'POSSIBLE_MATCH', 'OPEN', 100, true, false, 0.4, 0.57, '[]'::jsonb,
              ?::text[], '{HEALTH}', ?, 'pipeline', now())
            """)
        .params(task, "{" + world.child + "}", "kw18-" + world.tag)
        .update();
  }

  @Test
  void aLeadAssignsAFamilyFromThePageAndTheListSaysWhoHoldsIt() throws Exception {
    var lead = user("lead", "safeguarding-lead");
    String empty =
        mvc.perform(
                post("/caseloads")
                    .param("familyId", "")
                    .param("keyworker", "")
                    .with(csrf())
                    .with(lead))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(empty)
        .contains("govuk-error-summary")
        .contains("href=\"#familyId\"")
        .contains("Choose a family")
        .contains("Enter the keyworker&#39;s username");

    String keyworker = "kw-" + world.tag;
    mvc.perform(
            post("/caseloads")
                .param("familyId", world.family)
                .param("keyworker", keyworker)
                .with(csrf())
                .with(lead))
        .andExpect(status().is3xxRedirection());
    assertThat(caseloads.currentFamilies(keyworker)).containsExactly(world.family);
    assertThat(page("/caseloads", lead))
        .containsPattern(
            "The Tagg family, 2 New Street</a></td>\\s*<td class=\"govuk-table__cell\">"
                + keyworker);
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'CASELOAD_CHANGE' and target_id = ?")
                .param(world.family)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(page("/", lead)).contains("Assign families to keyworkers");
  }

  @Test
  void onlyALeadHasTheCaseloadPage() throws Exception {
    mvc.perform(get("/caseloads").with(user("keyworker1", "keyworker")))
        .andExpect(status().isForbidden());
  }

  @Test
  void aStewardsHomeSaysHowLongTheQueueIs() throws Exception {
    assertThat(page("/", user("steward", "data-steward")))
        .contains("Your review queue")
        .containsPattern("<strong>\\d+</strong>\\s*<span>tasks? waits?</span>");
  }

  @Test
  void aPersonWithAnOpenPossibleMatchSaysSoAndAStewardGetsTheLink() throws Exception {
    caseloads.assign("keyworker1", world.family, LocalDate.now().minusDays(1), null, "lead");
    String forKeyworker = page("/persons/" + world.child, user("keyworker1", "keyworker"));
    assertThat(forKeyworker)
        .contains("A data steward has yet to decide whether another record is also this person")
        .doesNotContain("/review/tasks/" + task);
    String forBoth =
        page(
            "/persons/" + world.child,
            oidcLogin()
                .idToken(t -> t.claim("preferred_username", "keyworker1"))
                .authorities(
                    new SimpleGrantedAuthority("ROLE_keyworker"),
                    new SimpleGrantedAuthority("ROLE_data-steward")));
    assertThat(forBoth).contains("/review/tasks/" + task);
  }

  @Test
  void searchResultsAndFamilyMembersMarkOnlyThePersonWithAnOpenPossibleMatch() throws Exception {
    caseloads.assign("keyworker1", world.family, LocalDate.now().minusDays(1), null, "lead");
    var keyworker = user("keyworker1", "keyworker");
    String hint = "Possible duplicate: a data steward is checking";

    String family = page("/families/" + world.family, keyworker);
    assertThat(family)
        .contains("id=\"pending-" + world.child + "\"")
        .doesNotContain("id=\"pending-" + world.mother + "\"")
        .doesNotContain("id=\"pending-" + world.partner + "\"");
    assertThat(family.split(java.util.regex.Pattern.quote(hint), -1)).hasSize(2);

    String surname = "Pend" + world.tag.replaceAll("[0-9]", "").toLowerCase(java.util.Locale.ROOT);
    index.rebuild(
        java.util.stream.Stream.of(
            personDocument(world.child, "Aisha", surname, LocalDate.parse("2015-06-10")),
            personDocument(world.mother, "Maya", surname, LocalDate.parse("1990-01-02"))));
    String results = page("/search?q=" + surname, keyworker);
    assertThat(results)
        .contains("/persons/" + world.child, "/persons/" + world.mother)
        .contains("id=\"pending-" + world.child + "\"")
        .doesNotContain("id=\"pending-" + world.mother + "\"");
    assertThat(results.split(java.util.regex.Pattern.quote(hint), -1)).hasSize(2);

    // Once the steward has decided, the hint goes. The task is the class's own (other tests count
    // it as open), so it is opened again afterwards.
    jdbc.sql("update review_task set status = 'DECIDED' where id = ?").param(task).update();
    try {
      assertThat(page("/families/" + world.family, keyworker)).doesNotContain(hint);
      assertThat(page("/search?q=" + surname, keyworker)).doesNotContain(hint);
    } finally {
      jdbc.sql("update review_task set status = 'OPEN' where id = ?").param(task).update();
    }
  }

  private org.familyview.search.people.PersonDocument personDocument(
      String id, String given, String surname, LocalDate born) {
    return new org.familyview.search.people.PersonDocument(
        id,
        given + " " + surname,
        java.util.List.of(given, surname),
        java.util.List.of(surname),
        born,
        "LS6 1AA",
        java.util.Set.of(),
        world.family,
        java.util.Set.of("health"));
  }

  @Test
  void breakGlassChoosesNoPurposeAndAnEmptySubmitGetsAnErrorSummary() throws Exception {
    CaseWorld other = new CaseWorld(jdbc).build();
    var keyworker = user("kw2-" + world.tag, "keyworker");
    String surname = "Tagg" + other.tag.replaceAll("[0-9]", "").toLowerCase(java.util.Locale.ROOT);
    index.rebuild(
        java.util.stream.Stream.of(
            new org.familyview.search.people.PersonDocument(
                other.child,
                "Kai " + surname,
                java.util.List.of("Kai", surname),
                java.util.List.of(surname),
                LocalDate.parse("2015-06-10"),
                "LS6 1AA",
                java.util.Set.of(),
                other.family,
                java.util.Set.of("health"))));
    // Found, but closed: a way to record a reason, not the record or its family (issue 18).
    assertThat(page("/search?q=Kai+" + surname, keyworker))
        .contains("Not on your caseload</strong>")
        .contains("class=\"govuk-link fv-break-glass\" href=\"/persons/" + other.child + "\"")
        .doesNotContain(other.family)
        .contains("Not on your caseload?");
    mvc.perform(get("/open?ref=" + other.family).with(keyworker))
        .andExpect(status().is3xxRedirection());
    String offered =
        mvc.perform(get("/families/" + other.family).with(keyworker))
            .andExpect(status().isForbidden())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(offered)
        .contains("<option value=\"\" selected=\"selected\">Choose a purpose</option>");

    String empty =
        mvc.perform(
                post("/families/" + other.family + "/access-reasons").with(csrf()).with(keyworker))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(empty)
        .contains("govuk-error-summary")
        .contains("<a href=\"#purpose\">Choose the purpose of your access</a>")
        .contains("<a href=\"#reason\">Give a reason of at least 10 characters</a>");
    assertThat(
            jdbc.sql(
                    "select purpose from audit_entry where action = 'BREAK_GLASS' and target_id = ?")
                .param(other.family)
                .query(String.class)
                .list())
        .containsOnlyNulls();

    mvc.perform(
            post("/families/" + other.family + "/access-reasons")
                .param("purpose", "Child protection enquiry (Children Act 1989 s.47)")
                .param("reason", "Strategy meeting this afternoon")
                .with(csrf())
                .with(keyworker))
        .andExpect(status().is3xxRedirection());
    assertThat(page("/families/" + other.family, keyworker))
        .contains("The Tagg family, 2 New Street")
        .contains("Your access ends at");
    // The grant widens the keyworker's search to the family it opened.
    assertThat(page("/search?q=Kai+" + surname, keyworker)).contains("/persons/" + other.child);
  }

  @Test
  void aPartnerThatNoLongerSendsSomeOfTheFamilysRecordsIsFlaggedOnTheFamilyPage() throws Exception {
    CaseWorld partial = new CaseWorld(jdbc).build();
    var lead = user("lead", "safeguarding-lead");
    assertThat(page("/families/" + partial.family, lead)).doesNotContain("no longer include");
    // A partial education delivery left the child's record out.
    jdbc.sql(
            "update source_person set current = false where agency = 'EDUCATION' and record_id = ?")
        .param(partial.record("education", "c"))
        .update();
    assertThat(page("/families/" + partial.family, lead))
        .contains(
            "Education’s latest deliveries no longer include 1 of this family’s 1 Education records");
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
