package org.familyview.pipeline.run;

import jakarta.servlet.http.HttpServletRequest;
import org.familyview.matching.MatchingConfig;
import org.familyview.portal.audit.RequestAudit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The runs page: every recent run with its steps, and a button to start one. */
@Controller
@PreAuthorize("hasAnyRole('admin', 'data-steward')")
class PipelinePageController {

  private final PipelineRuns runs;
  private final RequestAudit audit;
  private final MatchingConfig matching;

  PipelinePageController(PipelineRuns runs, RequestAudit audit, MatchingConfig matching) {
    this.runs = runs;
    this.audit = audit;
    this.matching = matching;
  }

  @GetMapping("/pipeline")
  String runs(Model model) {
    var recent = runs.recent(20);
    model.addAttribute("runs", recent);
    model.addAttribute("busy", recent.stream().anyMatch(r -> !r.finished()));
    model.addAttribute("matching", matching);
    return "pipeline/runs";
  }

  @PostMapping("/pipeline/runs")
  String start(
      @RequestParam(defaultValue = "false") boolean retrain,
      Authentication who,
      HttpServletRequest request) {
    PipelineRunController.requestRun(runs, audit, retrain, who, request);
    return "redirect:/pipeline";
  }

  @PostMapping("/pipeline/runs/{runId}/restart")
  String restart(@PathVariable String runId, Authentication who, HttpServletRequest request) {
    PipelineRunController.parse(runId)
        .map(runs::restart)
        .filter(PipelineRuns.Restart.Requeued.class::isInstance)
        .ifPresent(r -> PipelineRunController.auditRestart(audit, runId, who, request));
    return "redirect:/pipeline";
  }
}
