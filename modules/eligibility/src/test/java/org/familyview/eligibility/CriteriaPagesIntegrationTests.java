package org.familyview.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The criteria pages through the browser security chain against the real PostgreSQL. The Keycloak
 * login is simulated; the rules after it are the real ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CriteriaPagesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate tx;
  @Autowired FamilyCases families;
  @Autowired CriteriaResults results;
  @Autowired CriteriaRulesets rulesets;
  @Autowired CriteriaProperties properties;

  @BeforeEach
  void evaluate() {
    CriteriaWorld.reset(jdbc, tx);
    new CriteriaStage(families, results, rulesets, properties, tx, CriteriaWorld.CLOCK)
        .run(UUID.randomUUID());
  }

  @Test
  void aLeadReadsTheEligibleFamiliesWithTheirEvidence() throws Exception {
    String page = page("/criteria?framework=2022", as("lead", "safeguarding-lead"));

    assertThat(page)
        .contains("Families eligible for Supporting Families")
        .contains("id=\"family-F1\"", "id=\"family-F3\"", "id=\"family-@F5\"")
        .doesNotContain("id=\"family-F2\"")
        .contains("Safe from domestic abuse")
        .contains("Met: a domestic abuse incident: 2 events")
        .contains("/criteria/evidence-pack.csv?framework=2022");
  }

  @Test
  void theListSaysWhoHoldsEachEligibleFamily() throws Exception {
    jdbc.sql("delete from caseload_assignment where family_id in ('F1', 'F3')").update();
    jdbc.sql(
            """
            insert into caseload_assignment (id, keyworker, family_id, starts_on, assigned_by,
              assigned_at) values (?, 'keyworker1', 'F1', current_date - 1, 'lead', now())
            """)
        .param(UUID.randomUUID())
        .update();
    String page = page("/criteria?framework=2022", as("lead", "safeguarding-lead"));

    assertThat(page)
        .containsPattern("id=\"family-F1\"[^§]*?<td class=\"govuk-table__cell\">keyworker1</td>")
        .containsPattern("id=\"family-F3\"[^§]*?<td class=\"govuk-table__cell\">nobody</td>");
  }

  @Test
  void aLeadReadsAFamilysNeedsAndWhy() throws Exception {
    String page = page("/families/F3/criteria", as("lead", "safeguarding-lead"));

    assertThat(page)
        .contains("Supporting Families criteria")
        .contains("Eligible: 3 of 10 needs met on 1 November 2026 (3 or more needed)")
        .contains("Eligible: 2 of 6 needs met on 1 November 2026 (2 or more needed)")
        .contains("Promoting recovery and reducing harm from substance use");
  }

  @Test
  void aKeyworkerMayNotListEligibleFamiliesNorOpenAFamilyOffTheirCaseload() throws Exception {
    mvc.perform(get("/criteria").with(as("keyworker1", "keyworker")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/families/F1/criteria").with(as("keyworker1", "keyworker")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/criteria/evidence-pack.csv").with(as("auditor", "auditor")))
        .andExpect(status().isForbidden());
  }

  @Test
  void theLeadDownloadsThePackFromThePage() throws Exception {
    String csv =
        page("/criteria/evidence-pack.csv?framework=2015", as("lead", "safeguarding-lead"));

    assertThat(csv)
        .startsWith("family_id,framework,ruleset_version,")
        .contains("F1,2015,2015-20.1,");
  }

  private String page(String path, OidcLoginRequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static OidcLoginRequestPostProcessor as(String username, String role) {
    return oidcLogin()
        .idToken(token -> token.claim("preferred_username", username).claim("name", username))
        .authorities(new SimpleGrantedAuthority("ROLE_" + role));
  }
}
