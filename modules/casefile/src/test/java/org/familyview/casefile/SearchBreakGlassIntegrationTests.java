package org.familyview.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.familyview.access.caseload.Caseloads;
import org.familyview.audit.read.AuditFilter;
import org.familyview.audit.read.AuditReader;
import org.familyview.audit.trail.AuditEntry;
import org.familyview.search.people.PeopleIndex;
import org.familyview.search.people.PersonDocument;
import org.familyview.testsupport.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Break-glass from search results (issue 18): a keyworker finds people outside their caseload with
 * only what recognises them, is refused (and audited) at the person, records a reason, and then
 * finds what the grant opens, in full. Against the real Elasticsearch, PostgreSQL and Keycloak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchBreakGlassIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PURPOSE = "Child protection enquiry (Children Act 1989 s.47)";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Caseloads caseloads;
  @Autowired AuditReader audit;
  @Autowired PeopleIndex index;
  @Autowired MockMvc mvc;

  final HttpClient http = HttpClient.newHttpClient();

  /** Searched for over the API and broken into by keyworker2. */
  CaseWorld world;

  /** Seen on the search page, held by keyworker1. */
  CaseWorld paged;

  /** keyworker1's family, whose mother is also in {@link #elsewhere}, which nobody holds. */
  CaseWorld linked;

  CaseWorld elsewhere;

  String surname;
  String pagedSurname;

  @BeforeAll
  void seed() throws Exception {
    world = new CaseWorld(jdbc).build();
    paged = new CaseWorld(jdbc).build();
    // Surnames of this run's own, so that earlier runs' people never match.
    surname = "Brack" + letters(world.tag);
    pagedSurname = "Quill" + letters(paged.tag);
    caseloads.assign("keyworker1", world.family, LocalDate.now().minusDays(1), null, "lead");
    caseloads.assign("keyworker1", paged.family, LocalDate.now().minusDays(1), null, "lead");
    linked = new CaseWorld(jdbc).build();
    elsewhere = new CaseWorld(jdbc).build();
    caseloads.assign("keyworker1", linked.family, LocalDate.now().minusDays(1), null, "lead");
    jdbc.sql(
            "insert into family_member (family_id, person_id, role, from_date, to_date, basis)"
                + " values (?, ?, 'OTHER_ADULT', ?, null, 'household id')")
        .params(elsewhere.family, linked.mother, java.sql.Date.valueOf("2024-01-01"))
        .update();
    index.rebuild(
        Stream.of(
            doc(world.mother, "Jolene", surname, "1990-04-02", world.family),
            doc(world.child, "Kai", surname, "2015-06-10", world.family),
            doc(paged.mother, "Jolene", pagedSurname, "1990-04-02", paged.family),
            doc(paged.child, "Kai", pagedSurname, "2015-06-10", paged.family)));
  }

  @Test
  void aKeyworkerFindsPeopleOutsideTheCaseloadWithheldThenWhatTheirGrantsOpen() throws Exception {
    // keyworker1 holds the family: both found in full, open.
    for (JsonNode hit : results(surname, "keyworker1")) {
      assertThat(hit.get("open").asBoolean()).isTrue();
      assertThat(hit.get("familyId").asString()).isEqualTo(world.family);
      assertThat(hit.has("accessReasons")).isFalse();
    }

    // keyworker2 does not: both found, recognisable, everything else withheld.
    List<JsonNode> outside = results(surname, "keyworker2");
    assertThat(outside)
        .extracting(h -> h.get("personId").asString())
        .containsExactlyInAnyOrder(world.mother, world.child);
    JsonNode child = byId(outside, world.child);
    assertThat(child.get("open").asBoolean()).isFalse();
    assertThat(child.get("name").asString()).isEqualTo("Kai " + surname);
    assertThat(child.get("dateOfBirth").asString()).isEqualTo("2015-06-10");
    assertThat(child.get("postcodeDistrict").asString()).isEqualTo("LS6");
    assertThat(child.get("familyId").isNull()).isTrue();
    assertThat(child.get("agencies").values()).isEmpty();
    assertThat(child.get("accessReasons").asString())
        .isEqualTo("/api/persons/" + world.child + "/access-reasons");

    // The result's door refuses until a reason is recorded; the refusal is audited.
    assertThat(send(child.get("href").asString(), "keyworker2", null).statusCode()).isEqualTo(403);

    // A reason for the child opens the child only, not the family: the mother stays outside.
    HttpResponse<String> granted =
        send(child.get("accessReasons").asString(), "keyworker2", reason());
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
    List<JsonNode> afterPerson = results(surname, "keyworker2");
    assertThat(byId(afterPerson, world.child).get("open").asBoolean()).isTrue();
    assertThat(byId(afterPerson, world.mother).get("open").asBoolean()).isFalse();
    assertThat(byId(afterPerson, world.mother).get("familyId").isNull()).isTrue();
    assertThat(afterPerson.getFirst().get("personId").asString())
        .as("open results come first")
        .isEqualTo(world.child);

    // A reason for the family widens the search to the whole family, in full.
    assertThat(
            send("/api/families/" + world.family + "/access-reasons", "keyworker2", reason())
                .statusCode())
        .isEqualTo(201);
    for (JsonNode hit : results(surname, "keyworker2")) {
      assertThat(hit.get("open").asBoolean()).isTrue();
      assertThat(hit.get("familyId").asString()).isEqualTo(world.family);
      assertThat(hit.get("agencies").values()).isNotEmpty();
    }

    List<AuditEntry> trail =
        audit.find(new AuditFilter(null, null, "keyworker2", null, null), 0, 200);
    assertThat(trail)
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("SEARCH");
              assertThat(e.detail()).isEqualTo("q=" + surname + " -> 2 results, 2 outside");
            })
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("SEARCH");
              assertThat(e.detail()).isEqualTo("q=" + surname + " -> 2 results, 1 outside");
            })
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("SEARCH");
              assertThat(e.detail()).isEqualTo("q=" + surname + " -> 2 results");
            })
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("PERSON_VIEW");
              assertThat(e.outcome()).isEqualTo("DENIED");
              assertThat(e.targetId()).isEqualTo(world.child);
            });
  }

  @Test
  void theSearchPageOffersBreakGlassOnAResultOutsideTheCaseload() throws Exception {
    String page = page("/search?q=" + pagedSurname, user("keyworker2"));
    assertThat(page)
        .contains("Jolene " + pagedSurname, "Kai " + pagedSurname)
        .contains("id=\"outside-" + paged.child + "\"")
        .contains("Not on your caseload")
        .contains("Record a reason to open")
        .contains("href=\"/persons/" + paged.child + "\"")
        .doesNotContain("/families/" + paged.family);

    String keyworker1 = page("/search?q=" + pagedSurname, user("keyworker1"));
    assertThat(keyworker1)
        .contains("/families/" + paged.family)
        .doesNotContain("id=\"outside-" + paged.child)
        .doesNotContain("Record a reason to open");

    // The refusal at the result's link is the break-glass form, with no purpose chosen.
    String refused =
        mvc.perform(get("/persons/" + paged.child).with(user("keyworker2")))
            .andExpect(status().isForbidden())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(refused).contains("Record a reason for access", "id=\"break-glass\"");
  }

  @Test
  void aFamilyLinkOutsideTheCaseloadSaysAReasonWillBeAsked() throws Exception {
    String person = page("/persons/" + linked.mother, user("keyworker1"));
    assertThat(person)
        .contains("id=\"closed-" + elsewhere.family + "\"")
        .contains("you will be asked for a reason")
        .doesNotContain("id=\"closed-" + linked.family + "\"");
    // A lead holds every family of the authority: nothing is closed to them.
    String lead =
        page(
            "/persons/" + linked.mother,
            oidcLogin()
                .idToken(t -> t.claim("preferred_username", "lead").claim("name", "lead"))
                .authorities(new SimpleGrantedAuthority("ROLE_safeguarding-lead")));
    assertThat(lead).contains("/families/" + elsewhere.family).doesNotContain("id=\"closed-");
  }

  private static String reason() {
    return "{\"purpose\":\"" + PURPOSE + "\",\"reason\":\"Strategy meeting about a referral\"}";
  }

  private static JsonNode byId(List<JsonNode> hits, String personId) {
    return hits.stream()
        .filter(h -> h.get("personId").asString().equals(personId))
        .findFirst()
        .orElseThrow(() -> new AssertionError(personId + " not among " + hits));
  }

  private List<JsonNode> results(String q, String user) throws Exception {
    HttpResponse<String> response =
        send("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), user, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("results").values().stream().toList();
  }

  private HttpResponse<String> send(String path, String user, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user));
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

  private static String letters(String tag) {
    return tag.replaceAll("[0-9]", "").toLowerCase(java.util.Locale.ROOT);
  }

  private static PersonDocument doc(
      String id, String given, String family, String born, String familyId) {
    return new PersonDocument(
        id,
        given + " " + family,
        List.of(given, family),
        List.of(family),
        LocalDate.parse(born),
        "LS6 1AA",
        Set.of(),
        familyId,
        Set.of("health", "police"));
  }
}
