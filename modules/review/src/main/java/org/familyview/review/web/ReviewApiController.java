package org.familyview.review.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.familyview.linkage.ReviewTasks;
import org.familyview.linkage.TaskFilter;
import org.familyview.matching.RecordKey;
import org.familyview.review.decision.Outcome;
import org.familyview.review.web.ReviewGate.Acted;
import org.familyview.review.web.ReviewGate.Door;
import org.familyview.review.web.ReviewGate.Shown;
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

  private final ReviewGate gate;

  ReviewApiController(ReviewGate gate) {
    this.gate = gate;
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
    gate.queueRead(query, who, http);
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
        gate.queue(new TaskFilter(blankToNull(agency), kind, status), page, size);
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
    return shown(gate.task(id, Door.API, who, http), "no review task " + id);
  }

  @PostMapping("/api/review/tasks/{id}/decision")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> decide(
      @PathVariable UUID id,
      @RequestBody DecisionRequest body,
      Authentication who,
      HttpServletRequest http) {
    return answer(
        gate.decide(id, body.decision(), body.reason(), who, http),
        "decision is required: MATCH or NO_MATCH");
  }

  @GetMapping("/api/review/persons/{id}")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> person(@PathVariable String id, Authentication who, HttpServletRequest http) {
    return shown(gate.person(id, Door.API, who, http), "no person " + id);
  }

  @PostMapping("/api/review/persons/{id}/split")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> split(
      @PathVariable String id,
      @RequestBody SplitRequest body,
      Authentication who,
      HttpServletRequest http) {
    List<RecordKey> leaving = body.records() == null ? List.of() : body.records();
    boolean together = body.together() == null || body.together();
    return answer(
        gate.split(id, leaving, together, body.reason(), who, http),
        "records is required: the records that leave " + id);
  }

  @PostMapping("/api/review/persons/{id}/merge")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> merge(
      @PathVariable String id,
      @RequestBody MergeRequest body,
      Authentication who,
      HttpServletRequest http) {
    return answer(
        gate.merge(id, body.otherPersonId(), body.reason(), who, http),
        "otherPersonId is required");
  }

  @PostMapping("/api/review/persons/{id}/unmerge")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> unmerge(
      @PathVariable String id,
      @RequestBody UnmergeRequest body,
      Authentication who,
      HttpServletRequest http) {
    return answer(
        gate.unmerge(id, body.mergedPersonId(), body.reason(), who, http),
        "mergedPersonId is required");
  }

  @GetMapping("/api/review/approvals")
  @PreAuthorize("hasRole('data-steward')")
  Map<String, List<DecisionView>> approvals(Authentication who, HttpServletRequest http) {
    return Map.of(
        "approvals",
        gate.approvals(Door.API, who, http).stream()
            .map(d -> DecisionView.of(d, List.of(), false))
            .toList());
  }

  @PostMapping("/api/review/approvals/{id}")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> settle(
      @PathVariable UUID id,
      @RequestBody ApprovalRequest body,
      Authentication who,
      HttpServletRequest http) {
    return answer(
        gate.settle(id, body.outcome(), body.note(), who, http),
        "outcome must be APPROVE or REJECT");
  }

  @GetMapping("/api/review/decisions/{id}")
  @PreAuthorize("hasRole('data-steward')")
  ResponseEntity<?> decision(@PathVariable UUID id, Authentication who, HttpServletRequest http) {
    return switch (gate.decision(id, Door.API, who, http)) {
      case Shown.Found<ReviewGate.DecisionRead> found ->
          ResponseEntity.ok(
              DecisionView.of(found.value().decision(), found.value().constraints(), true));
      case Shown.Missing<ReviewGate.DecisionRead> missing ->
          problem(HttpStatus.NOT_FOUND, "no decision " + id);
      case Shown.Refused<ReviewGate.DecisionRead> refused ->
          problem(HttpStatus.FORBIDDEN, refused.why());
    };
  }

  @GetMapping("/api/review/blast-radius/{decisionId}")
  @PreAuthorize("hasRole('data-steward') or hasRole('safeguarding-lead')")
  ResponseEntity<?> blastRadius(
      @PathVariable UUID decisionId, Authentication who, HttpServletRequest http) {
    return shown(gate.blastRadius(decisionId, Door.API, who, http), "no decision " + decisionId);
  }

  private static ResponseEntity<?> shown(Shown<?> shown, String missing) {
    return switch (shown) {
      case Shown.Found<?> found -> ResponseEntity.ok(found.value());
      case Shown.Missing<?> m -> problem(HttpStatus.NOT_FOUND, missing);
      case Shown.Refused<?> refused -> problem(HttpStatus.FORBIDDEN, refused.why());
    };
  }

  /** The act's answer; {@code incomplete} says what the request must name. */
  private ResponseEntity<?> answer(Acted acted, String incomplete) {
    return switch (acted) {
      case Acted.Incomplete i -> problem(HttpStatus.BAD_REQUEST, incomplete);
      case Acted.Done done -> answer(done.outcome());
    };
  }

  private ResponseEntity<?> answer(Outcome outcome) {
    return switch (outcome) {
      case Outcome.Applied a ->
          ResponseEntity.ok()
              .location(URI.create("/api/review/decisions/" + a.decision().id()))
              .body(DecisionView.of(a.decision(), gate.writtenBy(a.decision().id()), false));
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
