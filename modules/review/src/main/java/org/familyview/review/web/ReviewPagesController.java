package org.familyview.review.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.familyview.linkage.PartnerKinds;
import org.familyview.linkage.ReviewTasks;
import org.familyview.linkage.TaskFilter;
import org.familyview.matching.RecordKey;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.review.decision.Outcome;
import org.familyview.review.task.TaskView;
import org.familyview.review.web.ReviewGate.Acted;
import org.familyview.review.web.ReviewGate.Door;
import org.familyview.review.web.ReviewGate.Shown;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
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

  private final ReviewGate gate;
  private final PartnerKinds partners;

  ReviewPagesController(ReviewGate gate, ObjectProvider<PartnerKinds> partners) {
    this.gate = gate;
    this.partners = partners.getIfAvailable(() -> PartnerKinds.V1);
  }

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
    gate.queueRead("page /review agency=" + a + " kind=" + k + " page=" + current, who, http);
    ReviewTasks.Page found = gate.queue(new TaskFilter(a, k, "OPEN"), current, PAGE_SIZE);
    model.addAttribute("page", found);
    model.addAttribute("agency", a == null ? "" : a);
    model.addAttribute("kind", k == null ? "" : k);
    // The configured partners, so a second force or a housing provider can be picked too.
    model.addAttribute("agencies", partners.stored());
    model.addAttribute("kinds", TaskFilter.KINDS.stream().sorted().toList());
    model.addAttribute("awaiting", gate.awaitingApproval());
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
    TaskView view = found(gate.task(id, Door.PAGE, who, http));
    model.addAttribute("view", view);
    model.addAttribute("decisions", gate.decisionsAbout(id));
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
    return redirect(
        gate.decide(id, decision, reason, who, http),
        "Choose whether the records are the same person.",
        "/review/tasks/" + id,
        redirect);
  }

  @GetMapping("/review/persons/{id}")
  @PreAuthorize("hasRole('data-steward')")
  String person(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String error,
      Authentication who,
      HttpServletRequest http,
      Model model) {
    model.addAttribute("view", found(gate.person(id, Door.PAGE, who, http)));
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
    List<RecordKey> leaving = new ArrayList<>();
    for (String r : records == null ? List.<String>of() : records) {
      int slash = r.indexOf('/');
      if (slash > 0) {
        leaving.add(new RecordKey(r.substring(0, slash), r.substring(slash + 1)));
      }
    }
    return redirect(
        gate.split(id, leaving, together, reason, who, http),
        "Choose the records that leave this person.",
        "/review/persons/" + id,
        redirect);
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
    return redirect(
        gate.merge(id, otherPersonId, reason, who, http),
        "Enter the id of the person to merge with.",
        "/review/persons/" + id,
        redirect);
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
    return redirect(
        gate.unmerge(id, mergedPersonId, reason, who, http),
        "Choose the merge to undo.",
        "/review/persons/" + id,
        redirect);
  }

  @GetMapping("/review/approvals")
  @PreAuthorize("hasRole('data-steward')")
  String approvals(
      @RequestParam(required = false) @Nullable String error,
      Authentication who,
      HttpServletRequest http,
      Model model) {
    model.addAttribute("approvals", gate.approvals(Door.PAGE, who, http));
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
    return redirect(
        gate.settle(id, outcome, note, who, http),
        "Choose approve or reject.",
        "/review/approvals",
        redirect);
  }

  @GetMapping("/review/decisions/{id}")
  @PreAuthorize("hasRole('data-steward')")
  String decision(@PathVariable UUID id, Authentication who, HttpServletRequest http, Model model) {
    ReviewGate.DecisionRead read = found(gate.decision(id, Door.PAGE, who, http));
    model.addAttribute("decision", read.decision());
    model.addAttribute("constraints", read.constraints());
    model.addAttribute("view", DecisionView.of(read.decision(), List.of(), false));
    return "review/decision";
  }

  @GetMapping("/review/blast-radius/{id}")
  @PreAuthorize("hasRole('data-steward') or hasRole('safeguarding-lead')")
  String blastRadius(
      @PathVariable UUID id, Authentication who, HttpServletRequest http, Model model) {
    model.addAttribute("report", found(gate.blastRadius(id, Door.PAGE, who, http)));
    return "review/blast-radius";
  }

  /** What a page shows; a miss (already audited) is a 404. */
  private static <T> T found(Shown<T> shown) {
    return switch (shown) {
      case Shown.Found<T> found -> found.value();
      case Shown.Missing<T> missing -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
      case Shown.Refused<T> refused ->
          throw new ResponseStatusException(HttpStatus.FORBIDDEN, refused.why());
    };
  }

  /**
   * Where a form goes after an act: to the decision it made, or back to the form with the error
   * ({@code incomplete} when the form lacked what it must name).
   */
  private static String redirect(
      Acted acted, String incomplete, String back, RedirectAttributes redirect) {
    return switch (acted) {
      case Acted.Incomplete i -> {
        redirect.addAttribute("error", incomplete);
        yield "redirect:" + back;
      }
      case Acted.Done done -> {
        if (done.decision().isEmpty()) {
          redirect.addAttribute("error", refusal(done.outcome()));
        }
        yield done.decision()
            .map(d -> "redirect:/review/decisions/" + d.id())
            .orElse("redirect:" + back);
      }
    };
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
}
