package org.familyview.pipeline.run;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.familyview.audit.trail.AuditAction;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Starts pipeline runs on demand and reports them: admins and data stewards only. */
@RestController
@RequestMapping("/api/pipeline/runs")
@PreAuthorize("hasAnyRole('admin', 'data-steward')")
class PipelineRunController {

  private final PipelineRuns runs;
  private final RequestAudit audit;

  PipelineRunController(PipelineRuns runs, RequestAudit audit) {
    this.runs = runs;
    this.audit = audit;
  }

  /** The optional body: {@code retrain} makes the matching step train a new model version. */
  record StartRequest(@Nullable Boolean retrain) {}

  @PostMapping
  ResponseEntity<Map<String, String>> start(
      @RequestBody(required = false) @Nullable StartRequest body,
      Authentication who,
      HttpServletRequest request) {
    boolean retrain = body != null && Boolean.TRUE.equals(body.retrain());
    UUID id = requestRun(runs, audit, retrain, who, request);
    return ResponseEntity.accepted()
        .location(URI.create("/api/pipeline/runs/" + id))
        .body(Map.of("runId", id.toString(), "status", RunStatus.QUEUED.name()));
  }

  @GetMapping
  List<PipelineRun> recent(@RequestParam(defaultValue = "30") int limit) {
    return runs.recent(Math.clamp(limit, 1, 200));
  }

  @GetMapping("/{runId}")
  ResponseEntity<?> run(@PathVariable String runId) {
    Optional<PipelineRun> run = parse(runId).flatMap(runs::find);
    return run.<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(PipelineRunController::unknown);
  }

  @PostMapping("/{runId}/restart")
  ResponseEntity<?> restart(
      @PathVariable String runId, Authentication who, HttpServletRequest request) {
    Optional<UUID> id = parse(runId);
    if (id.isEmpty()) {
      return unknown();
    }
    return switch (runs.restart(id.get())) {
      case PipelineRuns.Restart.NotFound n -> unknown();
      case PipelineRuns.Restart.NotFailed nf ->
          ResponseEntity.status(HttpStatus.CONFLICT)
              .body(
                  ProblemDetail.forStatusAndDetail(
                      HttpStatus.CONFLICT,
                      "Only a FAILED run can be restarted; this one is " + nf.status() + "."));
      case PipelineRuns.Restart.Requeued r -> {
        auditRestart(audit, r.runId().toString(), who, request);
        yield ResponseEntity.accepted()
            .location(URI.create("/api/pipeline/runs/" + r.runId()))
            .body(Map.of("runId", r.runId().toString(), "status", RunStatus.QUEUED.name()));
      }
    };
  }

  /** Queues a run for the user and audits it: the same act behind the page's button and the API. */
  static UUID requestRun(
      PipelineRuns runs,
      RequestAudit audit,
      boolean retrain,
      Authentication who,
      HttpServletRequest request) {
    UUID id = runs.request(CurrentUser.of(who).username(), retrain);
    audit.record(
        audit
            .event(who, request, AuditAction.PIPELINE_RUN)
            .on("pipeline-run", id.toString())
            .withDetail(retrain ? "start, retrain" : "start"));
    return id;
  }

  /** Audits a restart that requeued the failed run, from either door. */
  static void auditRestart(
      RequestAudit audit, String runId, Authentication who, HttpServletRequest request) {
    audit.record(
        audit
            .event(who, request, AuditAction.PIPELINE_RUN)
            .on("pipeline-run", runId)
            .withDetail("restart"));
  }

  static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static ResponseEntity<?> unknown() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(
            ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "There is no run with that id."));
  }
}
