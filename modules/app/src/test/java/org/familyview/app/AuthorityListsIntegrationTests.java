package org.familyview.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyview.app.BorderFamily.home;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.familyview.access.caseload.Caseloads;
import org.familyview.alerts.moves.MovedAwayNotices;
import org.familyview.testsupport.BearerRequests;
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
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each authority's staff list (issue 16): the auditors' trail and reports hold the entries of
 * their own authority's staff, a lead's caseload page and the caseload API hold their authority's
 * families, and the old authority is told once, in the inbox, that a family it held moved across
 * the border. Against the real PostgreSQL and Keycloak (two authorities from config/authorities);
 * the API with real tokens, the pages through MockMvc with a stand-in OIDC login carrying the
 * {@code authority} claim.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorityListsIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Caseloads caseloads;
  @Autowired MovedAwayNotices notices;
  @Autowired MockMvc mvc;

  final LocalDate today = LocalDate.now();
  final Instant started = Instant.now();
  BorderFamily north;
  BorderFamily south;
  BorderFamily movedSouthHeld;
  BorderFamily movedSouthUnheld;
  BorderFamily movedSouthLongAgo;

  @BeforeAll
  void seed() throws Exception {
    north = new BorderFamily(jdbc, home("LS6 1AA", LocalDate.parse("2016-03-01"))).seed();
    south = new BorderFamily(jdbc, home("WF2 7AA", LocalDate.parse("2016-03-01"))).seed();
    movedSouthHeld =
        new BorderFamily(
                jdbc,
                home("BD8 2QT", LocalDate.parse("2016-03-01")),
                home("WF1 3LB", today.minusDays(10)))
            .seed();
    movedSouthUnheld =
        new BorderFamily(
                jdbc,
                home("LS9 8AB", LocalDate.parse("2018-01-01")),
                home("HD1 1AA", today.minusDays(5)))
            .seed();
    movedSouthLongAgo =
        new BorderFamily(
                jdbc,
                home("LS7 4HG", LocalDate.parse("2016-03-01")),
                home("HX1 2AB", today.minusDays(120)))
            .seed();
    LocalDate since = LocalDate.parse("2025-01-01");
    for (BorderFamily f : List.of(north, movedSouthHeld, movedSouthLongAgo)) {
      caseloads.assign("keyworker1", f.family, since, null, "lead");
    }
    caseloads.assign("keyworker-south1", south.family, since, null, "lead-south");
    // Each is seen signing in once, so FamilyView knows their authority and roles.
    for (String user : List.of("keyworker1", "lead", "keyworker-south1", "lead-south")) {
      assertThat(api("/api/me", user).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void eachAuthoritysAuditorReadsTheTrailOfTheirOwnStaff() throws Exception {
    assertThat(api("/api/families/" + north.family, "keyworker1").statusCode()).isEqualTo(200);
    assertThat(api("/api/families/" + north.family, "keyworker-south1").statusCode())
        .isEqualTo(403);

    // Both reads are in the trail; each auditor sees their own authority's reader only.
    assertThat(actors("/api/audit?familyId=" + north.family, "auditor"))
        .contains("keyworker1")
        .doesNotContain("keyworker-south1");
    assertThat(actors("/api/audit?familyId=" + north.family, "auditor-south"))
        .contains("keyworker-south1")
        .doesNotContain("keyworker1");
    assertThat(
            jdbc.sql(
                    """
                    select a.authority from audit_entry e
                    join audit_entry_authority a on a.seq = e.seq
                    where e.target_id = ? and e.actor = 'keyworker-south1'
                    """)
                .param(north.family)
                .query(String.class)
                .list())
        .isNotEmpty()
        .containsOnly("southshire");

    // The refusal is unusual access: in Southshire's report, not in Northshire's.
    String period = "?from=" + started.minusSeconds(1) + "&to=" + Instant.now().plusSeconds(5);
    JsonNode southReport = report("out-of-caseload" + period, "auditor-south");
    assertThat(refusalsOf(southReport, north.family)).contains("keyworker-south1");
    assertThat(southReport.get("notes").toString()).contains("southshire's staff only");
    assertThat(refusalsOf(report("out-of-caseload" + period, "auditor"), north.family)).isEmpty();

    // The auditor's page holds the same rows as the API.
    String southPage =
        page("/audit?familyId=" + north.family, staff("auditor-south", "auditor", "southshire"));
    assertThat(southPage).contains("keyworker-south1").doesNotContain(">keyworker1<");
    String northPage =
        page("/audit?familyId=" + north.family, staff("auditor", "auditor", "northshire"));
    assertThat(northPage).contains(">keyworker1<").doesNotContain("keyworker-south1");
  }

  @Test
  void aLeadsCaseloadPageAndTheCaseloadApiHoldTheirAuthoritysFamiliesOnly() throws Exception {
    String southLead = page("/caseloads", staff("lead-south", "safeguarding-lead", "southshire"));
    assertThat(southLead).contains(south.family).doesNotContain(north.family);
    String northLead = page("/caseloads", staff("lead", "safeguarding-lead", "northshire"));
    assertThat(northLead).contains(north.family).doesNotContain(south.family);

    // Nor may Southshire's lead assign a Northshire family from the page: refused and audited.
    MvcResult refused =
        mvc.perform(
                post("/caseloads")
                    .param("keyworker", "keyworker-south1")
                    .param("familyId", north.family)
                    .with(staff("lead-south", "safeguarding-lead", "southshire"))
                    .with(csrf()))
            .andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(403);
    assertThat(caseloads.currentFamilies("keyworker-south1")).doesNotContain(north.family);
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from audit_entry where actor = 'lead-south'
                      and action = 'CASELOAD_CHANGE' and outcome = 'DENIED' and target_id = ?
                    """)
                .param(north.family)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // The caseload API: a lead lists a keyworker's families only where their own authority holds
    // them. Northshire still reads the family that moved south ten days ago, not the one that
    // moved 120 days ago; both live in Southshire now.
    assertThat(families(api("/api/caseloads/keyworker1", "lead")))
        .contains(north.family, movedSouthHeld.family)
        .doesNotContain(movedSouthLongAgo.family);
    assertThat(families(api("/api/caseloads/keyworker1", "lead-south")))
        .contains(movedSouthHeld.family, movedSouthLongAgo.family)
        .doesNotContain(north.family);
  }

  @Test
  void aKeyworkersOwnListHoldsOnlyTheFamiliesTheyCanOpen() throws Exception {
    // All three are on keyworker1's caseload; the one that moved south 120 days ago is past
    // Northshire's read period, so it is not listed (opening it is refused).
    assertThat(families(api("/api/me/families", "keyworker1")))
        .contains(north.family, movedSouthHeld.family)
        .doesNotContain(movedSouthLongAgo.family);
    assertThat(api("/api/families/" + movedSouthLongAgo.family, "keyworker1").statusCode())
        .isEqualTo(403);
    assertThat(families(api("/api/me/families", "keyworker-south1"))).contains(south.family);
  }

  @Test
  void theOldAuthorityIsToldOnceThatAFamilyMovedAcrossTheBorder() {
    notices.announce();
    notices.announce();

    // Held by a Northshire keyworker: they are told, once.
    assertThat(notified("keyworker1", movedSouthHeld)).isEqualTo(1);
    assertThat(reasons("keyworker1", movedSouthHeld))
        .singleElement()
        .asString()
        .contains("moved to Southshire")
        .contains("can read it until " + today.minusDays(10).plusDays(90).minusDays(1));
    // Held by nobody: Northshire's lead is told instead; Southshire's staff are not.
    assertThat(notified("lead", movedSouthUnheld)).isEqualTo(1);
    assertThat(notified("keyworker1", movedSouthUnheld)).isZero();
    assertThat(notified("lead-south", movedSouthUnheld)).isZero();
    assertThat(notified("lead", movedSouthHeld)).isZero();
    // No move, or one older than the read period: no notice.
    assertThat(notified("keyworker1", north)).isZero();
    assertThat(notified("keyworker1", movedSouthLongAgo)).isZero();
  }

  private long notified(String user, BorderFamily family) {
    return reasons(user, family).size();
  }

  private List<String> reasons(String user, BorderFamily family) {
    return jdbc.sql(
            """
            select reason from notification
            where recipient = ? and kind = 'FAMILY_MOVED_AWAY' and link = ?
            """)
        .params(user, "/families/" + family.family)
        .query(String.class)
        .list();
  }

  private List<String> actors(String path, String auditor) throws Exception {
    HttpResponse<String> response = api(path, auditor);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("entries").values().stream()
        .map(e -> e.get("user").asString())
        .toList();
  }

  private JsonNode report(String pathAndQuery, String auditor) throws Exception {
    HttpResponse<String> response = api("/api/audit/reports/" + pathAndQuery, auditor);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<String> refusalsOf(JsonNode report, String familyId) {
    return report.get("rows").values().stream()
        .filter(r -> familyId.equals(r.path("targetId").asString("")))
        .filter(r -> "DENIED".equals(r.path("outcome").asString("")))
        .map(r -> r.get("user").asString())
        .distinct()
        .toList();
  }

  private static List<String> families(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).values().stream()
        .map(a -> a.get("familyId").asString())
        .toList();
  }

  private String page(String path, OidcLoginRequestPostProcessor who) throws Exception {
    MvcResult result = mvc.perform(get(path).with(who)).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static OidcLoginRequestPostProcessor staff(
      String username, String role, String authority) {
    return oidcLogin()
        .idToken(
            token ->
                token
                    .claim("preferred_username", username)
                    .claim("name", username)
                    .claim("authority", authority))
        .authorities(new SimpleGrantedAuthority("ROLE_" + role));
  }

  private HttpResponse<String> api(String path, String user) throws Exception {
    return BearerRequests.get(port, path, user);
  }
}
