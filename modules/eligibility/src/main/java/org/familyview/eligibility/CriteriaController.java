package org.familyview.eligibility;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.familyview.criteria.Ruleset;
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

  CriteriaController(CriteriaGate gate) {
    this.gate = gate;
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
    int s = Math.clamp(size, 1, MAX_PAGE_SIZE);
    return switch (gate.eligible(framework, page, s, "eligible families", who, request)) {
      case CriteriaGate.Eligible.Listed listed -> ResponseEntity.ok(listed.list());
      case CriteriaGate.Eligible.UnknownFramework unknown -> unknownFramework(framework);
    };
  }

  @GetMapping("/api/criteria/evidence-pack")
  @PreAuthorize("hasRole('safeguarding-lead')")
  void evidencePack(
      @RequestParam(defaultValue = "2022") String framework,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Optional<Ruleset> ruleset = gate.ruleset(framework);
    if (ruleset.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Unknown framework\",\"status\":400,"
                  + "\"detail\":\"framework must be one of "
                  + gate.frameworks()
                  + "\"}");
      return;
    }
    gate.writePack(ruleset.get(), who, request, response);
  }

  private ResponseEntity<ProblemDetail> unknownFramework(String framework) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "framework '"
                + framework
                + "' is not configured; it must be one of "
                + gate.frameworks());
    problem.setTitle("Unknown framework");
    return ResponseEntity.badRequest().body(problem);
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    return ResponseEntity.status(status).body(problem);
  }
}
