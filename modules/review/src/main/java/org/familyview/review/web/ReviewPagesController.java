package org.familyview.review.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.familyview.review.decision.StewardDecision;
import org.familyview.review.decision.Unmerges;
import org.familyview.review.radius.BlastRadius;
import org.familyview.review.task.TaskView;
import org.familyview.review.task.TaskViews;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steward's pages: the queue with filters, a task side by side with its waterfall and the
 * decision form, a person with split, merge and unmerge, the approvals waiting for a second
 * steward, a decision and its blast radius. Forms are POSTs with CSRF tokens; every value is
 * rendered with th:text; every read and decision is audited as the API's are.
 */
@Controller("workbench.reviewPagesController")
class ReviewPagesController {

  static final int PAGE_SIZE = 25;

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

  ReviewPagesController(
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

  static final List<String> AGENCIES = List.of("POLICE", "HEALTH", "COUNCIL", "EDUCATION");

  @GetMapping("/review")
  @PreAuthorize("hasRole('data-steward')")
  String queue(
      @RequestParam(required = false) @Nullable String agency,
      @RequestParam(required = false) @Nullable String kind,
      @RequestParam(defaultValue = "0") int page,
      Authentication who,
      HttpServletRequest http,
      Model model) {
    String a = agency == null || agency.isBlank() ? null : agency.strip();
    String k = kind == null || kind.isBlank() || !TaskFilter.KINDS.contains(kind) ? null : kind;
    int current = Math.max(page, 0);
    audit.record(
        audit
            .event(who, http, AuditAction.PERSON_VIEW)
            .on("review-queue", "tasks")
            .withDetail("page /review agency=" + a + " kind=" + k + " page=" + current));
    ReviewTasks.Page found = tasks.find(new TaskFilter(a, k, "OPEN"), current, PAGE_SIZE);
    model.addAttribute("page", found);
    model.addAttribute("agency", a == null ? "" : a);
    model.addAttribute("kind", k == null ? "" : k);
    model.addAttribute("agencies", AGENCIES);
    model.addAttribute("kinds", TaskFilter.KINDS.stream().sorted().toList());
    model.addAttribute("awaiting", acts.awaitingApproval().size());
    String filter = (a == null ? "" : "&agency=" + a) + (k == null ? "" : "&kind=" + k);
    model.addAttribute(
        "previousPage", current > 0 ? "/review?page=" + (current - 1) + filter : null);
    model.addAttribute(
        "nextPage",
        (long) (current + 1) * found.size() < found.total()
            ? "/review?page=" + (current + 1) + filter
            : null);
    return "review/queue";
  }

  @GetMapping("/review/tasks/{id}")
  @PreAuthorize("hasRole('data-steward')")
  String task(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String error,
      Authentication who,
      HttpServletRequest http,
      Model model) {
    TaskView view = views.view(id).orElseThrow(() -> notFound(who, http, "review-task", id));
    TaskReads.audit(audit, view, "page /review/tasks/" + id, who, http);
    model.addAttribute("view", view);
    model.addAttribute("decisions", acts.about(id, null));
    model.addAttribute("errors", error == null ? List.of() : List.of(error));
    return "review/task";
  }

  @PostMapping("/review/tasks/{id}/decision")
  @PreAuthorize("hasRole('data-steward')")
  String decide(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String decision,
      @RequestParam(required = false) @Nullable String reason,
      Authentication who,
      HttpServletRequest http,
      RedirectAttributes redirect) {
    AuditEvent event =
        audit.event(who, http, AuditAction.REVIEW_DECISION).on("review-task", id.toString());
    if (decision == null) {
      return refused(
          event,
          "refused: no decision",
          "Choose whether the records are the same person.",
          "/review/tasks/" + id,
          redirect);
    }
    Outcome outcome = matches.decide(id, decision, reason, CurrentUser.of(who).username());
    return settleRedirect(outcome, event, decision, "/review/tasks/" + id, redirect);
  }

  @GetMapping("/review/persons/{id}")
  @PreAuthorize("hasRole('data-steward')")
  String person(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String error,
      Authentication who,
      HttpServletRequest http,
      Model model) {
    PersonViews.PersonView view =
        persons.view(id).orElseThrow(() -> notFound(who, http, "person", id));
    audit.record(
        audit
            .event(who, http, AuditAction.PERSON_VIEW)
            .on("person", id)
            .withDetail("page /review/persons/" + id));
    model.addAttribute("view", view);
    model.addAttribute("errors", error == null ? List.of() : List.of(error));
    return "review/person";
  }

  @PostMapping("/review/persons/{id}/split")
  @PreAuthorize("hasRole('data-steward')")
  String split(
      @PathVariable String id,
      @RequestParam(name = "record", required = false) @Nullable List<String> records,
      @RequestParam(defaultValue = "true") boolean together,
      @RequestParam(required = false) @Nullable String reason,
      Authentication who,
      HttpServletRequest http,
      RedirectAttributes redirect) {
    AuditEvent event = audit.event(who, http, AuditAction.REVIEW_DECISION).on("person", id);
    List<RecordKey> leaving = new ArrayList<>();
    for (String r : records == null ? List.<String>of() : records) {
      int slash = r.indexOf('/');
      if (slash > 0) {
        leaving.add(new RecordKey(r.substring(0, slash), r.substring(slash + 1)));
      }
    }
    if (leaving.isEmpty()) {
      return refused(
          event,
          "SPLIT refused: no records",
          "Choose the records that leave this person.",
          "/review/persons/" + id,
          redirect);
    }
    Outcome outcome = splits.split(id, leaving, together, reason, CurrentUser.of(who).username());
    return settleRedirect(outcome, event, "SPLIT", "/review/persons/" + id, redirect);
  }

  @PostMapping("/review/persons/{id}/merge")
  @PreAuthorize("hasRole('data-steward')")
  String merge(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String otherPersonId,
      @RequestParam(required = false) @Nullable String reason,
      Authentication who,
      HttpServletRequest http,
      RedirectAttributes redirect) {
    AuditEvent event = audit.event(who, http, AuditAction.REVIEW_DECISION).on("person", id);
    if (otherPersonId == null || otherPersonId.isBlank()) {
      return refused(
          event,
          "MERGE refused: no other person",
          "Enter the id of the person to merge with.",
          "/review/persons/" + id,
          redirect);
    }
    String other = otherPersonId.strip();
    Outcome outcome = merges.merge(id, other, reason, CurrentUser.of(who).username());
    return settleRedirect(outcome, event, "MERGE with " + other, "/review/persons/" + id, redirect);
  }

  @PostMapping("/review/persons/{id}/unmerge")
  @PreAuthorize("hasRole('data-steward')")
  String unmerge(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String mergedPersonId,
      @RequestParam(required = false) @Nullable String reason,
      Authentication who,
      HttpServletRequest http,
      RedirectAttributes redirect) {
    AuditEvent event = audit.event(who, http, AuditAction.REVIEW_DECISION).on("person", id);
    if (mergedPersonId == null || mergedPersonId.isBlank()) {
      return refused(
          event,
          "UNMERGE refused: no merged person",
          "Choose the merge to undo.",
          "/review/persons/" + id,
          redirect);
    }
    String merged = mergedPersonId.strip();
    Outcome outcome = unmerges.unmerge(id, merged, reason, CurrentUser.of(who).username());
    return settleRedirect(
        outcome, event, "UNMERGE of " + merged, "/review/persons/" + id, redirect);
  }

  @GetMapping("/review/approvals")
  @PreAuthorize("hasRole('data-steward')")
  String approvals(
      @RequestParam(required = false) @Nullable String error,
      Authentication who,
      HttpServletRequest http,
      Model model) {
    audit.record(
        audit
            .event(who, http, AuditAction.PERSON_VIEW)
            .on("review-queue", "approvals")
            .withDetail("page /review/approvals"));
    model.addAttribute("approvals", acts.awaitingApproval());
    model.addAttribute("me", CurrentUser.of(who).username());
    model.addAttribute("errors", error == null ? List.of() : List.of(error));
    return "review/approvals";
  }

  @PostMapping("/review/approvals/{id}")
  @PreAuthorize("hasRole('data-steward')")
  String settle(
      @PathVariable UUID id,
      @RequestParam(required = false) @Nullable String outcome,
      @RequestParam(required = false) @Nullable String note,
      Authentication who,
      HttpServletRequest http,
      RedirectAttributes redirect) {
    AuditEvent event =
        audit.event(who, http, AuditAction.REVIEW_DECISION).on("review-decision", id.toString());
    if (!"APPROVE".equals(outcome) && !"REJECT".equals(outcome)) {
      return refused(
          event,
          "approval refused: no outcome",
          "Choose approve or reject.",
          "/review/approvals",
          redirect);
    }
    Outcome result =
        approvals.settle(id, "APPROVE".equals(outcome), note, CurrentUser.of(who).username());
    return settleRedirect(result, event, outcome, "/review/approvals", redirect);
  }

  @GetMapping("/review/decisions/{id}")
  @PreAuthorize("hasRole('data-steward')")
  String decision(@PathVariable UUID id, Authentication who, HttpServletRequest http, Model model) {
    StewardDecision d = acts.find(id).orElseThrow(() -> notFound(who, http, "review-decision", id));
    audit.record(
        audit
            .event(who, http, AuditAction.PERSON_VIEW)
            .on("review-decision", id.toString())
            .withDetail("page /review/decisions/" + id));
    model.addAttribute("decision", d);
    model.addAttribute("constraints", constraints.writtenBy(id));
    model.addAttribute("view", DecisionView.of(d, List.of(), false));
    return "review/decision";
  }

  @GetMapping("/review/blast-radius/{id}")
  @PreAuthorize("hasRole('data-steward') or hasRole('safeguarding-lead')")
  String blastRadius(
      @PathVariable UUID id, Authentication who, HttpServletRequest http, Model model) {
    BlastRadius.Report report =
        blastRadius.of(id).orElseThrow(() -> notFound(who, http, "review-decision", id));
    audit.record(
        audit
            .event(who, http, AuditAction.AUDIT_READ)
            .on("review-decision", id.toString())
            .withDetail("page /review/blast-radius/" + id));
    model.addAttribute("report", report);
    return "review/blast-radius";
  }

  private String settleRedirect(
      Outcome outcome, AuditEvent event, String what, String back, RedirectAttributes redirect) {
    Optional<StewardDecision> done = decisionAudit.record(outcome, event, what);
    if (done.isEmpty()) {
      redirect.addAttribute("error", refusal(outcome));
    }
    return done.map(d -> "redirect:/review/decisions/" + d.id()).orElse("redirect:" + back);
  }

  private static String refusal(Outcome outcome) {
    return switch (outcome) {
      case Outcome.NotFound n -> n.detail();
      case Outcome.Conflict c -> c.detail();
      case Outcome.Invalid i -> i.detail();
      case Outcome.NotAllowed f -> f.detail();
      case Outcome.Applied a -> "";
      case Outcome.AwaitingApproval p -> "";
      case Outcome.Rejected r -> "";
    };
  }

  /** A form refused before it reached a decision: audited, and back to the form with the error. */
  private String refused(
      AuditEvent event, String detail, String error, String back, RedirectAttributes redirect) {
    audit.record(event.withDetail(detail).denied());
    redirect.addAttribute("error", error);
    return "redirect:" + back;
  }

  private ResponseStatusException notFound(
      Authentication who, HttpServletRequest http, String type, Object id) {
    audit.record(
        audit
            .event(who, http, AuditAction.PERSON_VIEW)
            .on(type, id.toString())
            .withDetail("not found")
            .denied());
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
