package org.familyview.eligibility;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

  private final org.familyview.access.caseload.Caseloads caseloads;

  CriteriaPagesController(CriteriaGate gate, org.familyview.access.caseload.Caseloads caseloads) {
    this.gate = gate;
    this.caseloads = caseloads;
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
    return switch (gate.eligible(framework, page, PAGE_SIZE, "page /criteria", who, request)) {
      case CriteriaGate.Eligible.Listed listed -> {
        int p = listed.page();
        model.addAttribute("list", listed.list());
        // Who holds each family today, so a lead sees which eligible families still need one.
        model.addAttribute(
            "holders",
            caseloads.holders(listed.list().families().stream().map(f -> f.familyId()).toList()));
        model.addAttribute("rulesets", gate.rulesets());
        model.addAttribute("previousPage", p > 0 ? p - 1 : null);
        model.addAttribute(
            "nextPage",
            (long) (p + 1) * PAGE_SIZE < listed.list().total() ? Integer.valueOf(p + 1) : null);
        yield "criteria/eligible";
      }
      case CriteriaGate.Eligible.UnknownFramework unknown -> throw unknownFramework();
    };
  }

  @GetMapping("/criteria/evidence-pack.csv")
  @PreAuthorize("hasRole('safeguarding-lead')")
  void evidencePack(
      @RequestParam(defaultValue = "2022") String framework,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    gate.writePack(
        gate.ruleset(framework).orElseThrow(this::unknownFramework), who, request, response);
  }

  private ResponseStatusException unknownFramework() {
    return new ResponseStatusException(
        HttpStatus.BAD_REQUEST, "framework must be one of " + gate.frameworks());
  }
}
