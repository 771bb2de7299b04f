package org.familyview.eligibility;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.familyview.criteria.Ruleset;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The criteria pages: a family's needs and why ({@code /families/{id}/criteria}, the same gate as
 * the API) and the lead's list of eligible families with their evidence ({@code /criteria}), with
 * the evidence pack to download.
 */
@Controller
class CriteriaPagesController {

  static final int PAGE_SIZE = 50;

  private final CriteriaGate gate;
  private final CriteriaViews views;
  private final CriteriaRulesets rulesets;
  private final CriteriaResults results;
  private final EvidencePack pack;
  private final RequestAudit audit;

  CriteriaPagesController(
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

  @GetMapping("/families/{id}/criteria")
  String family(
      @PathVariable String id, Authentication who, HttpServletRequest request, Model model) {
    return switch (gate.family(id, who, request)) {
      case CriteriaGate.Outcome.Open open -> {
        model.addAttribute("criteria", open.criteria());
        yield "criteria/family";
      }
      case CriteriaGate.Outcome.Closed closed ->
          throw new ResponseStatusException(closed.status(), closed.detail());
    };
  }

  @GetMapping("/criteria")
  @PreAuthorize("hasRole('safeguarding-lead')")
  String eligible(
      @RequestParam(defaultValue = "2022") String framework,
      @RequestParam(defaultValue = "0") int page,
      Authentication who,
      HttpServletRequest request,
      Model model) {
    Ruleset ruleset = ruleset(framework);
    int p = Math.max(0, page);
    CriteriaViews.EligibleList list =
        views.eligible(ruleset, p, PAGE_SIZE, CurrentUser.of(who).roles());
    CriteriaController.auditEligible(audit, "page /criteria", framework, p, list, who, request);
    model.addAttribute("list", list);
    model.addAttribute("rulesets", rulesets.all());
    model.addAttribute("previousPage", p > 0 ? p - 1 : null);
    model.addAttribute(
        "nextPage", (long) (p + 1) * PAGE_SIZE < list.total() ? Integer.valueOf(p + 1) : null);
    return "criteria/eligible";
  }

  @GetMapping("/criteria/evidence-pack.csv")
  @PreAuthorize("hasRole('safeguarding-lead')")
  void evidencePack(
      @RequestParam(defaultValue = "2022") String framework,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    CriteriaController.writePack(ruleset(framework), who, request, response, audit, results, pack);
  }

  private Ruleset ruleset(String framework) {
    return rulesets
        .framework(framework)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.BAD_REQUEST,
                    "framework must be one of " + String.join(", ", rulesets.frameworks())));
  }
}
