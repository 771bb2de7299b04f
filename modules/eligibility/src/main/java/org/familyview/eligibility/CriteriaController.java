package org.familyview.eligibility;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.familyview.audit.trail.AuditAction;
import org.familyview.criteria.Ruleset;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The criteria API: a family's needs and why ({@code GET /api/families/{id}/criteria}), the
 * eligible families of a framework ({@code GET /api/criteria/eligible}) and the evidence pack for
 * audit ({@code GET /api/criteria/evidence-pack}). Every read is audited.
 */
@RestController
class CriteriaController {

  static final int MAX_PAGE_SIZE = 1000;

  private final CriteriaGate gate;
  private final CriteriaViews views;
  private final CriteriaRulesets rulesets;
  private final CriteriaResults results;
  private final EvidencePack pack;
  private final RequestAudit audit;

  CriteriaController(
      CriteriaGate gate,
      CriteriaViews views,
      CriteriaRulesets rulesets,
      CriteriaResults results,
      EvidencePack pack,
      RequestAudit audit) {
    this.gate = gate;
    this.views = views;
    this.rulesets = rulesets;
    this.results = results;
    this.pack = pack;
    this.audit = audit;
  }

  // No role check here: the gate refuses every role without case data, and audits the refusal.
  @GetMapping("/api/families/{id}/criteria")
  ResponseEntity<?> family(
      @PathVariable String id, Authentication who, HttpServletRequest request) {
    return switch (gate.family(id, who, request)) {
      case CriteriaGate.Outcome.Open open -> ResponseEntity.ok(open.criteria());
      case CriteriaGate.Outcome.Closed closed -> problem(closed.status(), closed.detail());
    };
  }

  @GetMapping("/api/criteria/eligible")
  @PreAuthorize("hasRole('safeguarding-lead')")
  ResponseEntity<?> eligible(
      @RequestParam(defaultValue = "2022") String framework,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size,
      Authentication who,
      HttpServletRequest request) {
    Optional<Ruleset> ruleset = rulesets.framework(framework);
    if (ruleset.isEmpty()) {
      return unknownFramework(framework);
    }
    int p = Math.max(0, page);
    int s = Math.clamp(size, 1, MAX_PAGE_SIZE);
    CriteriaViews.EligibleList list =
        views.eligible(ruleset.get(), p, s, CurrentUser.of(who).roles());
    auditEligible(audit, "eligible families", framework, p, list, who, request);
    return ResponseEntity.ok(list);
  }

  @GetMapping("/api/criteria/evidence-pack")
  @PreAuthorize("hasRole('safeguarding-lead')")
  void evidencePack(
      @RequestParam(defaultValue = "2022") String framework,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Optional<Ruleset> ruleset = rulesets.framework(framework);
    if (ruleset.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Unknown framework\",\"status\":400,"
                  + "\"detail\":\"framework must be one of "
                  + String.join(", ", rulesets.frameworks())
                  + "\"}");
      return;
    }
    writePack(ruleset.get(), who, request, response, audit, results, pack);
  }

  /**
   * Shared with the lead's page: which families a page of the eligible list showed. {@code where}
   * names the door.
   */
  static void auditEligible(
      RequestAudit audit,
      String where,
      String framework,
      int page,
      CriteriaViews.EligibleList list,
      Authentication who,
      HttpServletRequest request) {
    audit.record(
        audit
            .event(who, request, AuditAction.FAMILY_VIEW)
            .on("criteria-eligible", framework)
            .withDetail(
                where
                    + ", framework "
                    + framework
                    + " run "
                    + list.runId()
                    + " page "
                    + page
                    + ": "
                    + list.families().stream()
                        .map(CriteriaViews.EligibleFamily::familyId)
                        .reduce((a, b) -> a + "," + b)
                        .orElse("none")));
  }

  /** Shared with the lead's page, which downloads the same pack from a session. */
  static void writePack(
      Ruleset ruleset,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      RequestAudit audit,
      CriteriaResults results,
      EvidencePack pack)
      throws IOException {
    Optional<CriteriaResults.Run> run = results.latest();
    if (run.isEmpty()) {
      audit.record(
          audit
              .event(who, request, AuditAction.EXPORT)
              .on("criteria-evidence-pack", ruleset.framework())
              .withDetail("no criteria run has finished yet")
              .denied());
      response.sendError(HttpStatus.NOT_FOUND.value(), "no criteria run has finished yet");
      return;
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"evidence-pack-"
            + ruleset.framework()
            + "-"
            + run.get().evaluatedOn()
            + ".csv\"");
    long families = -1;
    try (Writer writer =
        new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
      families = pack.write(ruleset, run.get().runId(), CurrentUser.of(who).roles(), writer);
    } finally {
      // Recorded even when the download breaks off: what left the building is what matters.
      audit.record(
          audit
              .event(who, request, AuditAction.EXPORT)
              .on("criteria-evidence-pack", ruleset.framework())
              .withDetail(
                  "evidence pack, framework "
                      + ruleset.framework()
                      + " version "
                      + ruleset.version()
                      + ", run "
                      + run.get().runId()
                      + (families < 0 ? ", broken off" : ", " + families + " eligible families")));
    }
  }

  private ResponseEntity<ProblemDetail> unknownFramework(String framework) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "framework '"
                + framework
                + "' is not configured; it must be one of "
                + String.join(", ", rulesets.frameworks()));
    problem.setTitle("Unknown framework");
    return ResponseEntity.badRequest().body(problem);
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    return ResponseEntity.status(status).body(problem);
  }
}
