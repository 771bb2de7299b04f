package org.familyview.review.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.linkage.MatchDecisions;
import org.familyview.linkage.ReviewTasks;
import org.familyview.linkage.TaskFilter;
import org.familyview.matching.RecordKey;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.review.decision.Approvals;
import org.familyview.review.decision.Matches;
import org.familyview.review.decision.Merges;
import org.familyview.review.decision.Outcome;
import org.familyview.review.decision.PersonViews;
import org.familyview.review.decision.ReviewDecisions;
import org.familyview.review.decision.Splits;
import org.familyview.review.decision.Unmerges;
import org.familyview.review.radius.BlastRadius;
import org.familyview.review.task.TaskViews;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The steward's workbench API. Data stewards only, except the blast radius, which safeguarding
 * leads read too. Every read and every decision is audited.
 */
@RestController("workbench.reviewApiController")
class ReviewApiController {

  private final ReviewTasks tasks;
  private final TaskViews views;
  private final Matches matches;
  private final Splits splits;
  private final Merges merges;
  private final Unmerges unmerges;
  private final Approvals approvals;
  private final ReviewDecisions acts;
  private final MatchDecisions constraints;
  private final PersonViews persons;
  private final BlastRadius blastRadius;
  private final RequestAudit audit;
  private final DecisionAudit decisionAudit;

  ReviewApiController(
      ReviewTasks tasks,
      TaskViews views,
      Matches matches,
      Splits splits,
      Merges merges,
      Unmerges unmerges,
      Approvals approvals,
      ReviewDecisions acts,
      MatchDecisions constraints,
      PersonViews persons,
      BlastRadius blastRadius,
      RequestAudit audit,
      DecisionAudit decisionAudit) {
    this.tasks = tasks;
    this.views = views;
    this.matches = matches;
    this.splits = splits;
    this.merges = merges;
    this.unmerges = unmerges;
    this.approvals = approvals;
    this.acts = acts;
    this.constraints = constraints;
    this.persons = persons;
    this.blastRadius = blastRadius;
    this.audit = audit;
    this.decisionAudit = decisionAudit;
  }

  record TaskSummary(
      UUID id,
      String kind,
      String status,
      int priority,
      boolean involvesChild,
      boolean involvesPolice,
      @Nullable Double matchWeight,
      @Nullable Double matchProbability,
      List<RecordKey> records,
      List<String> personIds,
      List<String> agencies,
      java.time.Instant raisedAt) {

    static TaskSummary of(org.familyview.linkage.ReviewTask t) {
      return new TaskSummary(
          t.id(),
          t.kind(),
          t.status(),
          t.priority(),
          t.involvesChild(),
          t.involvesPolice(),
          t.matchWeight(),
          t.matchProbability(),
          t.records(),
          t.personIds(),
          t.agencies(),
          t.raisedAt());
    }
  }

  record TaskList(List<TaskSummary> tasks, int page, int size, long total) {}

  record DecisionRequest(@Nullable String decision, @Nullable String reason) {}

  record SplitRequest(
      @Nullable List<RecordKey> records, @Nullable Boolean together, @Nullable String reason) {}

  record MergeRequest(@Nullable String otherPersonId, @Nullable String reason) {}

  record UnmergeRequest(@Nullable String mergedPersonId, @Nullable String reason) {}

  record ApprovalRequest(@Nullable String outcome, @Nullable String note) {}

  @GetMapping("/api/review/tasks")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> queue(
      @RequestParam(required = false) @Nullable String agency,
      @RequestParam(required = false) @Nullable String kind,
      @RequestParam(defaultValue = "OPEN") String status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Authentication who,
      HttpServletRequest http) {
    String query = "agency=" + agency + " kind=" + kind + " status=" + status + " page=" + page;
    audit.record(
        audit
            .event(who, http, AuditAction.PERSON_VIEW)
            .on("review-queue", "tasks")
            .withDetail(query));
    if (kind != null && !TaskFilter.KINDS.contains(kind)) {
      return problem(HttpStatus.BAD_REQUEST, "kind must be one of " + TaskFilter.KINDS);
    }
    if (!TaskFilter.STATUSES.contains(status)) {
      return problem(HttpStatus.BAD_REQUEST, "status must be one of " + TaskFilter.STATUSES);
    }
    if (page < 0 || size < 1 || size > ReviewTasks.MAX_PAGE_SIZE) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "page must be 0 or more and size between 1 and " + ReviewTasks.MAX_PAGE_SIZE);
    }
    ReviewTasks.Page found =
        tasks.find(new TaskFilter(blankToNull(agency), kind, status), page, size);
    return ResponseEntity.ok(
        new TaskList(
            found.tasks().stream().map(TaskSummary::of).toList(),
            found.page(),
            found.size(),
            found.total()));
  }

  @GetMapping("/api/review/tasks/{id}")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> task(@PathVariable UUID id, Authentication who, HttpServletRequest http) {
    var view = views.view(id);
    if (view.isEmpty()) {
      audit.record(
          audit
              .event(who, http, AuditAction.PERSON_VIEW)
              .on("review-task", id.toString())
              .withDetail("no such task")
              .denied());
      return problem(HttpStatus.NOT_FOUND, "no review task " + id);
    }
    TaskReads.audit(audit, view.get(), "review task " + id, who, http);
    return ResponseEntity.ok(view.get());
  }

  @PostMapping("/api/review/tasks/{id}/decision")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> decide(
      @PathVariable UUID id,
      @RequestBody DecisionRequest body,
      Authentication who,
      HttpServletRequest http) {
    AuditEvent event =
        audit.event(who, http, AuditAction.REVIEW_DECISION).on("review-task", id.toString());
    if (body.decision() == null) {
      audit.record(event.withDetail("refused: no decision").denied());
      return problem(HttpStatus.BAD_REQUEST, "decision is required: MATCH or NO_MATCH");
    }
    Outcome outcome =
        matches.decide(id, body.decision(), body.reason(), CurrentUser.of(who).username());
    return answer(outcome, event, body.decision());
  }

  @GetMapping("/api/review/persons/{id}")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> person(@PathVariable String id, Authentication who, HttpServletRequest http) {
    AuditEvent event =
        audit
            .event(who, http, AuditAction.PERSON_VIEW)
            .on("person", id)
            .withDetail("review person");
    var view = persons.view(id);
    if (view.isEmpty()) {
      audit.record(event.withDetail("no such person").denied());
      return problem(HttpStatus.NOT_FOUND, "no person " + id);
    }
    audit.record(event);
    return ResponseEntity.ok(view.get());
  }

  @PostMapping("/api/review/persons/{id}/split")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> split(
      @PathVariable String id,
      @RequestBody SplitRequest body,
      Authentication who,
      HttpServletRequest http) {
    AuditEvent event = audit.event(who, http, AuditAction.REVIEW_DECISION).on("person", id);
    if (body.records() == null || body.records().isEmpty()) {
      audit.record(event.withDetail("SPLIT refused: no records").denied());
      return problem(HttpStatus.BAD_REQUEST, "records is required: the records that leave " + id);
    }
    Outcome outcome =
        splits.split(
            id,
            body.records(),
            body.together() == null || body.together(),
            body.reason(),
            CurrentUser.of(who).username());
    return answer(outcome, event, "SPLIT");
  }

  @PostMapping("/api/review/persons/{id}/merge")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> merge(
      @PathVariable String id,
      @RequestBody MergeRequest body,
      Authentication who,
      HttpServletRequest http) {
    AuditEvent event = audit.event(who, http, AuditAction.REVIEW_DECISION).on("person", id);
    if (body.otherPersonId() == null || body.otherPersonId().isBlank()) {
      audit.record(event.withDetail("MERGE refused: no other person").denied());
      return problem(HttpStatus.BAD_REQUEST, "otherPersonId is required");
    }
    Outcome outcome =
        merges.merge(
            id, body.otherPersonId().strip(), body.reason(), CurrentUser.of(who).username());
    return answer(outcome, event, "MERGE with " + body.otherPersonId().strip());
  }

  @PostMapping("/api/review/persons/{id}/unmerge")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> unmerge(
      @PathVariable String id,
      @RequestBody UnmergeRequest body,
      Authentication who,
      HttpServletRequest http) {
    AuditEvent event = audit.event(who, http, AuditAction.REVIEW_DECISION).on("person", id);
    if (body.mergedPersonId() == null || body.mergedPersonId().isBlank()) {
      audit.record(event.withDetail("UNMERGE refused: no merged person").denied());
      return problem(HttpStatus.BAD_REQUEST, "mergedPersonId is required");
    }
    Outcome outcome =
        unmerges.unmerge(
            id, body.mergedPersonId().strip(), body.reason(), CurrentUser.of(who).username());
    return answer(outcome, event, "UNMERGE of " + body.mergedPersonId().strip());
  }

  @GetMapping("/api/review/approvals")
  @PreAuthorize("hasRole('data-steward')")
  Map<String, List<DecisionView>> approvals(Authentication who, HttpServletRequest http) {
    audit.record(
        audit
            .event(who, http, AuditAction.PERSON_VIEW)
            .on("review-queue", "approvals")
            .withDetail("decisions awaiting a second steward"));
    return Map.of(
        "approvals",
        acts.awaitingApproval().stream().map(d -> DecisionView.of(d, List.of(), false)).toList());
  }

  @PostMapping("/api/review/approvals/{id}")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> settle(
      @PathVariable UUID id,
      @RequestBody ApprovalRequest body,
      Authentication who,
      HttpServletRequest http) {
    AuditEvent event =
        audit.event(who, http, AuditAction.REVIEW_DECISION).on("review-decision", id.toString());
    if (!"APPROVE".equals(body.outcome()) && !"REJECT".equals(body.outcome())) {
      audit.record(event.withDetail("approval refused: no outcome").denied());
      return problem(HttpStatus.BAD_REQUEST, "outcome must be APPROVE or REJECT");
    }
    Outcome outcome =
        approvals.settle(
            id, "APPROVE".equals(body.outcome()), body.note(), CurrentUser.of(who).username());
    return answer(outcome, event, body.outcome());
  }

  @GetMapping("/api/review/decisions/{id}")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> decision(@PathVariable UUID id, Authentication who, HttpServletRequest http) {
    AuditEvent event =
        audit.event(who, http, AuditAction.PERSON_VIEW).on("review-decision", id.toString());
    var found = acts.find(id);
    if (found.isEmpty()) {
      audit.record(event.withDetail("no such decision").denied());
      return problem(HttpStatus.NOT_FOUND, "no decision " + id);
    }
    audit.record(event.withDetail(found.get().action()));
    return ResponseEntity.ok(DecisionView.of(found.get(), constraints.writtenBy(id), true));
  }

  @GetMapping("/api/review/blast-radius/{decisionId}")
  @PreAuthorize("hasRole('data-steward') or hasRole('safeguarding-lead')")
  ResponseEntity<?> blastRadius(
      @PathVariable UUID decisionId, Authentication who, HttpServletRequest http) {
    AuditEvent event =
        audit
            .event(who, http, AuditAction.AUDIT_READ)
            .on("review-decision", decisionId.toString())
            .withDetail("blast radius");
    var report = blastRadius.of(decisionId);
    if (report.isEmpty()) {
      audit.record(event.denied());
      return problem(HttpStatus.NOT_FOUND, "no decision " + decisionId);
    }
    audit.record(event);
    return ResponseEntity.ok(report.get());
  }

  private ResponseEntity<?> answer(Outcome outcome, AuditEvent event, String what) {
    decisionAudit.record(outcome, event, what);
    return switch (outcome) {
      case Outcome.Applied a ->
          ResponseEntity.ok()
              .location(URI.create("/api/review/decisions/" + a.decision().id()))
              .body(DecisionView.of(a.decision(), constraints.writtenBy(a.decision().id()), false));
      case Outcome.AwaitingApproval p ->
          ResponseEntity.status(HttpStatus.ACCEPTED)
              .location(URI.create("/api/review/decisions/" + p.decision().id()))
              .body(DecisionView.of(p.decision(), List.of(), false));
      case Outcome.Rejected r -> ResponseEntity.ok(DecisionView.of(r.decision(), List.of(), false));
      case Outcome.NotFound n -> problem(HttpStatus.NOT_FOUND, n.detail());
      case Outcome.Conflict c -> problem(HttpStatus.CONFLICT, c.detail());
      case Outcome.Invalid i -> problem(HttpStatus.BAD_REQUEST, i.detail());
      case Outcome.NotAllowed f -> problem(HttpStatus.FORBIDDEN, f.detail());
    };
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    return ResponseEntity.status(status).body(problem);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
