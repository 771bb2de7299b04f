package org.familyview.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.familyview.audit.read.AuditReader;
import org.familyview.audit.report.BreakGlassReviews;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEntry;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The auditor's pages through the real page security chain and the real templates. */
@WebMvcTest(controllers = AuditPageController.class)
@Import({org.familyview.portal.security.TestSecurityImports.class, RequestAudit.class})
class AuditPageControllerTests {

  @Autowired MockMvc mvc;
  @MockitoBean AuditReader reader;
  @MockitoBean AuditReports reports;
  @MockitoBean BreakGlassReviews reviews;
  @MockitoBean AuditTrail trail;

  static RequestPostProcessor as(String user, String role) {
    return oidcLogin()
        .idToken(token -> token.claim("preferred_username", user))
        .authorities(new SimpleGrantedAuthority("ROLE_" + role));
  }

  @Test
  void anAuditorSeesTheTrailAndTheReadIsAudited() throws Exception {
    when(reader.find(any(), any(), anyInt(), anyInt())).thenReturn(List.of(entry(1, "<b>x</b>")));

    String html =
        mvc.perform(get("/audit").param("user", "keyworker1").with(as("auditor", "auditor")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
    assertThat(html).contains("/audit/reports/many-views");
    verify(trail)
        .record(
            argThat(
                (AuditEvent e) ->
                    e.action() == AuditAction.AUDIT_READ
                        && e.actor().equals("auditor")
                        && e.detail().contains("user=keyworker1")));
  }

  @ParameterizedTest
  @CsvSource({
    "keyworker1, keyworker",
    "lead, safeguarding-lead",
    "steward, data-steward",
    "admin, admin",
    "police-upload, agency-uploader"
  })
  void everyoneElseIsRefused(String user, String role) throws Exception {
    mvc.perform(get("/audit").with(as(user, role))).andExpect(status().isForbidden());
    mvc.perform(get("/audit/reports/many-views").with(as(user, role)))
        .andExpect(status().isForbidden());
  }

  @Test
  void aFullPageLinksToTheNextAndABadDateIsExplained() throws Exception {
    List<AuditEntry> page = new ArrayList<>();
    for (int i = 0; i < AuditPageController.PAGE_SIZE; i++) {
      page.add(entry(100 - i, "d"));
    }
    when(reader.find(any(), any(), anyInt(), anyInt()))
        .thenAnswer(
            call -> call.getArgument(2, Integer.class) == 1 ? List.of(entry(1, "d")) : page);

    String html =
        mvc.perform(get("/audit").with(as("auditor", "auditor")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("href=\"/audit?page=1\"").contains("Older entries");

    String bad =
        mvc.perform(get("/audit").param("from", "last tuesday").with(as("auditor", "auditor")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(bad).contains("From must be a date like 2026-11-21");
  }

  @Test
  void markingReviewedNeedsACsrfToken() throws Exception {
    UUID grant = UUID.randomUUID();
    when(reviews.review(any(), any(), any()))
        .thenReturn(new BreakGlassReviews.Outcome.Reviewed(grant, "auditor", Instant.now()));

    mvc.perform(post("/audit/access-grants/" + grant + "/review").with(as("auditor", "auditor")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/audit/access-grants/" + grant + "/review")
                .param("from", "2026-11-01")
                .with(as("auditor", "auditor"))
                .with(csrf()))
        .andExpect(redirectedUrl("/audit/reports/out-of-caseload?from=2026-11-01"));
  }

  @Test
  void theOutOfCaseloadReportOffersAReviewFormWithACsrfToken() throws Exception {
    UUID grant = UUID.randomUUID();
    Instant at = Instant.parse("2026-11-21T10:15:30Z");
    var row =
        new org.familyview.audit.report.OutOfCaseloadAccess(
            7,
            at,
            "keyworker1",
            "BREAK_GLASS",
            "ALLOWED",
            "family",
            "F-1",
            "purpose",
            "<script>alert(1)</script>",
            grant,
            null,
            null,
            false);
    when(reports.run(any(), any(), any(), any()))
        .thenReturn(
            new AuditReports.Result(
                "out-of-caseload", "Access outside a caseload", at, at, List.of(row), List.of()));

    String html =
        mvc.perform(get("/audit/reports/out-of-caseload").with(as("auditor", "auditor")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .contains("action=\"/audit/access-grants/" + grant + "/review\"")
        .contains("name=\"_csrf\"")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)");
  }

  @Test
  void datesAreWholeDaysAndTimesAreExact() {
    List<String> errors = new ArrayList<>();
    assertThat(AuditPageController.moment("2026-11-21", false, "From", errors))
        .contains(Instant.parse("2026-11-21T00:00:00Z"));
    assertThat(AuditPageController.moment("2026-11-21", true, "To", errors))
        .contains(Instant.parse("2026-11-22T00:00:00Z"));
    assertThat(AuditPageController.moment("2026-11-21T10:15:00Z", true, "To", errors))
        .contains(Instant.parse("2026-11-21T10:15:00Z"));
    assertThat(AuditPageController.moment("", true, "To", errors)).isEqualTo(Optional.empty());
    assertThat(errors).isEmpty();
  }

  private static AuditEntry entry(long seq, String detail) {
    return new AuditEntry(
        seq,
        Instant.parse("2026-11-21T10:15:30Z"),
        "keyworker1",
        "keyworker",
        "PERSON_VIEW",
        "ALLOWED",
        "person",
        "P-1",
        null,
        detail,
        "127.0.0.1",
        "0".repeat(64),
        "1".repeat(64));
  }
}
