package org.familyview.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A keyworker's day with a big family (issue 18): the home list and its API, the family's name,
 * what is new since the last visit, and the chronology of 200+ records read newest first, one entry
 * per incident, significant only on request. How fast the page is ready is a benchmark, not a test:
 * {@code ./familyview bench page} (docs/benchmarks.md).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyworkerDayIntegrationTests {

  static final int MANY = 204;
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Caseloads caseloads;
  CaseWorld world;
  String keyworker;

  @BeforeAll
  void seed() {
    world = new CaseWorld(jdbc).build().withManyEvents(MANY);
    keyworker = "kw-" + world.tag;
    caseloads.assign(keyworker, world.family, LocalDate.now().minusDays(1), null, "lead");
  }

  @Test
  void theBigFamilysChronologyIsNewestFirstWithOneEntryPerIncidentAndASummary() throws Exception {
    String page = page("/families/" + world.family + "/chronology", keyworker);
    List<String> dates = entryDates(page);
    assertThat(dates).hasSizeGreaterThan(200);
    // Newest first: the last generated record (2015-01-05 + 18 × 203 days) leads.
    assertThat(dates.getFirst())
        .isEqualTo(
            org.familyview.portal.web.Readable.UK.date(
                LocalDate.of(2015, 1, 5).plusDays(18L * 203)));
    assertThat(page).contains("The Tagg family, 2 New Street").contains("id=\"counts\"");
    assertThat(page.indexOf("id=\"counts\"")).isLessThan(page.indexOf("id=\"entries\""));
    // The call-out of 1 May 2023 is one entry naming both people and their parts.
    assertThat(count(page, "Officers attended a domestic incident at the home")).isEqualTo(1);
    assertThat(page)
        .containsPattern("Jolene Tagg</a> \\(victim\\), <a[^>]*>Dean Marsh</a> \\(perpetrator\\)");
    // The household is named once per make-up, under the entries, and each entry links to its
    // make-up instead of repeating the names; the type filter offers labels.
    List<String> households = matches(page, "<li id=\"(household-\\d+)\">");
    assertThat(households).isNotEmpty().hasSizeLessThan(dates.size() / 10);
    assertThat(matches(page, "Household that day: <a href=\"#(household-\\d+)\">"))
        .hasSizeGreaterThan(dates.size() / 2)
        .allMatch(households::contains);
    assertThat(page.substring(page.indexOf("id=\"households\""))).contains("Jolene Tagg");
    assertThat(page).doesNotContain("In the household that day");
    assertThat(page)
        .contains(
            "<option value=\"police.domestic_abuse_incident\">Domestic abuse incident</option>");

    String oldest = page("/families/" + world.family + "/chronology?order=oldest", keyworker);
    List<String> ascending = entryDates(oldest);
    List<String> reversed = new ArrayList<>(entryDates(page));
    Collections.reverse(reversed);
    assertThat(ascending).isEqualTo(reversed);

    String significant =
        page("/families/" + world.family + "/chronology?show=significant", keyworker);
    assertThat(entryDates(significant)).hasSizeBetween(1, 5);
    assertThat(significant)
        .contains("Child protection plan started")
        .doesNotContain("A&amp;E attendance number");
  }

  @Test
  void myFamiliesSaysWhatIsNewSinceTheLastVisitByPartner() throws Exception {
    String first = api(keyworker);
    JsonNode families = JSON.readTree(first);
    assertThat(families).hasSize(1);
    JsonNode family = families.get(0);
    assertThat(List.copyOf(family.propertyNames()))
        .containsExactly("familyId", "name", "newSinceLastVisit", "agencies");
    assertThat(family.get("familyId").asString()).isEqualTo(world.family);
    assertThat(family.get("name").asString()).isEqualTo("The Tagg family, 2 New Street");
    assertThat(family.get("newSinceLastVisit").asInt()).isGreaterThan(200);
    assertThat(family.get("agencies").get("health").asInt()).isGreaterThan(0);

    String familyPage = page("/families/" + world.family, keyworker);
    assertThat(familyPage).contains("Your first visit: every record is new to you.");
    JsonNode after = JSON.readTree(api(keyworker)).get(0);
    assertThat(after.get("newSinceLastVisit").asInt()).isZero();

    // A record loaded after the visit is new, counted under its partner.
    jdbc.sql("update source_event set loaded_at = now() + interval '1 minute' where event_id = ?")
        .param("ev-cp-" + world.tag)
        .update();
    JsonNode later = JSON.readTree(api(keyworker)).get(0);
    assertThat(later.get("newSinceLastVisit").asInt()).isEqualTo(1);
    assertThat(later.get("agencies").get("council").asInt()).isEqualTo(1);

    String home = page("/", keyworker);
    assertThat(home)
        .contains("Your families")
        .contains("The Tagg family, 2 New Street")
        .contains("1 new");
  }

  @Test
  void onlyAKeyworkerHasFamiliesOfTheirOwn() throws Exception {
    mvc.perform(
            get("/api/me/families")
                .with(
                    jwt()
                        .jwt(t -> t.claim("preferred_username", "steward"))
                        .authorities(new SimpleGrantedAuthority("ROLE_data-steward"))))
        .andExpect(status().isForbidden());
  }

  private String api(String username) throws Exception {
    return mvc.perform(
            get("/api/me/families")
                .with(
                    jwt()
                        .jwt(t -> t.claim("preferred_username", username))
                        .authorities(new SimpleGrantedAuthority("ROLE_keyworker"))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static List<String> entryDates(String page) {
    return matches(page, "<strong class=\"fv-entry__when\">([^<]*)</strong>");
  }

  /** The first group of each match of {@code regex}, in page order. */
  private static List<String> matches(String page, String regex) {
    Matcher m = Pattern.compile(regex).matcher(page);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private String page(String path, String username) throws Exception {
    return mvc.perform(get(path).with(user(username)))
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
