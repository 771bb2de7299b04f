package org.familyview.review.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The one place a steward's read or act is carried out and audited, for the API and the pages
 * alike: what was looked up, what a decision became, each written to the audit trail (refusals as
 * {@code DENIED}). The doors only choose how to render the answer or the refusal; the audit entries
 * name the door a read came through, as they always have.
 */
@Component
class ReviewGate {

  /** The door a request came through, which the audit trail names. */
  enum Door {
    API,
    PAGE;

    /** What an allowed read's entry says: the API names the read, a page its path. */
    String read(String api, String path) {
      return this == API ? api : "page " + path;
    }

    /** What a read that found nothing says. */
    String missing(String api) {
      return this == API ? api : "not found";
    }
  }

  /**
   * What a read found: the thing shown, nothing, or a refusal (both already audited as refused).
   */
  sealed interface Shown<T> {
    record Found<T>(T value) implements Shown<T> {}

    record Missing<T>() implements Shown<T> {}

    record Refused<T>(String why) implements Shown<T> {}
  }

  static final String NO_TASK_NAMES_PERSON =
      "no review task names this person: a steward reads people through their tasks";

  /**
   * What became of an act: the request lacked what it must name, or the act's outcome with the
   * decision it made or rejected (none when the act was refused).
   */
  sealed interface Acted {
    record Incomplete() implements Acted {}

    record Done(Outcome outcome, Optional<StewardDecision> decision) implements Acted {}
  }

  /** A decision and the constraints it wrote. */
  record DecisionRead(StewardDecision decision, List<MatchDecisions.Constraint> constraints) {}

  private final Reads reads;
  private final Acts acts;
  private final RequestAudit audit;
  private final DecisionAudit decisionAudit;

  /** What the workbench reads: the queue, tasks, people, decisions and their blast radius. */
  @Component
  record Reads(
      ReviewTasks tasks,
      TaskViews views,
      PersonViews persons,
      ReviewDecisions decisions,
      MatchDecisions constraints,
      BlastRadius blastRadius) {}

  /** The five acts of a steward. */
  @Component
  record Acts(
      Matches matches, Splits splits, Merges merges, Unmerges unmerges, Approvals approvals) {}

  ReviewGate(Reads reads, Acts acts, RequestAudit audit, DecisionAudit decisionAudit) {
    this.reads = reads;
    this.acts = acts;
    this.audit = audit;
    this.decisionAudit = decisionAudit;
  }

  // Reads

  /** Audits a read of the queue; {@code detail} names the door and the filter. */
  void queueRead(String detail, Authentication who, HttpServletRequest http) {
    audit.record(
        audit
            .event(who, http, AuditAction.PERSON_VIEW)
            .on("review-queue", "tasks")
            .withDetail(detail));
  }

  ReviewTasks.Page queue(TaskFilter filter, int page, int size) {
    return reads.tasks().find(filter, page, size);
  }

  int awaitingApproval() {
    return reads.decisions().awaitingApproval().size();
  }

  Shown<TaskView> task(UUID id, Door door, Authentication who, HttpServletRequest http) {
    Optional<TaskView> view = reads.views().view(id);
    if (view.isEmpty()) {
      return missing(
          audit.event(who, http, AuditAction.PERSON_VIEW).on("review-task", id.toString()),
          door.missing("no such task"));
    }
    TaskReads.audit(
        audit, view.get(), door.read("review task " + id, "/review/tasks/" + id), who, http);
    return new Shown.Found<>(view.get());
  }

  List<StewardDecision> decisionsAbout(UUID taskId) {
    return reads.decisions().about(taskId, null);
  }

  Shown<PersonViews.PersonView> person(
      String id, Door door, Authentication who, HttpServletRequest http) {
    AuditEvent event =
        audit
            .event(who, http, AuditAction.PERSON_VIEW)
            .on("person", id)
            .withDetail(door.read("review person", "/review/persons/" + id));
    Optional<PersonViews.PersonView> view = reads.persons().view(id);
    if (view.isEmpty()) {
      return missing(event, door.missing("no such person"));
    }
    if (!reads.tasks().namesPerson(id)) {
      audit.record(event.withDetail(NO_TASK_NAMES_PERSON).denied());
      return new Shown.Refused<>(NO_TASK_NAMES_PERSON);
    }
    audit.record(event);
    return new Shown.Found<>(view.get());
  }

  List<StewardDecision> approvals(Door door, Authentication who, HttpServletRequest http) {
    audit.record(
        audit
            .event(who, http, AuditAction.PERSON_VIEW)
            .on("review-queue", "approvals")
            .withDetail(door.read("decisions awaiting a second steward", "/review/approvals")));
    return reads.decisions().awaitingApproval();
  }

  Shown<DecisionRead> decision(UUID id, Door door, Authentication who, HttpServletRequest http) {
    AuditEvent event =
        audit.event(who, http, AuditAction.PERSON_VIEW).on("review-decision", id.toString());
    Optional<StewardDecision> found = reads.decisions().find(id);
    if (found.isEmpty()) {
      return missing(event, door.missing("no such decision"));
    }
    audit.record(event.withDetail(door.read(found.get().action(), "/review/decisions/" + id)));
    return new Shown.Found<>(new DecisionRead(found.get(), reads.constraints().writtenBy(id)));
  }

  /** The constraints a decision wrote, withdrawn ones included. */
  List<MatchDecisions.Constraint> writtenBy(UUID decisionId) {
    return reads.constraints().writtenBy(decisionId);
  }

  /**
   * A decision's blast radius, read by stewards and leads as an audit read. A page that finds no
   * decision is recorded as any page's miss is (a person view not found).
   */
  Shown<BlastRadius.Report> blastRadius(
      UUID id, Door door, Authentication who, HttpServletRequest http) {
    AuditEvent event =
        audit
            .event(who, http, AuditAction.AUDIT_READ)
            .on("review-decision", id.toString())
            .withDetail(door.read("blast radius", "/review/blast-radius/" + id));
    Optional<BlastRadius.Report> report = reads.blastRadius().of(id);
    if (report.isEmpty()) {
      if (door == Door.API) {
        audit.record(event.denied());
        return new Shown.Missing<>();
      }
      return missing(
          audit.event(who, http, AuditAction.PERSON_VIEW).on("review-decision", id.toString()),
          door.missing("blast radius"));
    }
    audit.record(event);
    return new Shown.Found<>(report.get());
  }

  private <T> Shown<T> missing(AuditEvent event, String detail) {
    audit.record(event.withDetail(detail).denied());
    return new Shown.Missing<>();
  }

  // Acts

  Acted decide(
      UUID id,
      @Nullable String verdict,
      @Nullable String reason,
      Authentication who,
      HttpServletRequest http) {
    AuditEvent event = actOn("review-task", id.toString(), who, http);
    if (verdict == null) {
      return incomplete(event, "refused: no decision");
    }
    return done(acts.matches().decide(id, verdict, reason, steward(who)), event, verdict);
  }

  Acted split(
      String id,
      List<RecordKey> leaving,
      boolean together,
      @Nullable String reason,
      Authentication who,
      HttpServletRequest http) {
    AuditEvent event = actOn("person", id, who, http);
    if (leaving.isEmpty()) {
      return incomplete(event, "SPLIT refused: no records");
    }
    return done(acts.splits().split(id, leaving, together, reason, steward(who)), event, "SPLIT");
  }

  Acted merge(
      String id,
      @Nullable String otherPersonId,
      @Nullable String reason,
      Authentication who,
      HttpServletRequest http) {
    return withOtherPerson(
        id,
        otherPersonId,
        "MERGE refused: no other person",
        "MERGE with ",
        other -> acts.merges().merge(id, other, reason, steward(who)),
        who,
        http);
  }

  Acted unmerge(
      String id,
      @Nullable String mergedPersonId,
      @Nullable String reason,
      Authentication who,
      HttpServletRequest http) {
    return withOtherPerson(
        id,
        mergedPersonId,
        "UNMERGE refused: no merged person",
        "UNMERGE of ",
        merged -> acts.unmerges().unmerge(id, merged, reason, steward(who)),
        who,
        http);
  }

  /**
   * An act on person {@code id} that names a second person: refused as incomplete (and audited so)
   * when the form leaves the second person blank, otherwise done and audited as {@code what} and
   * the second person's id.
   */
  private Acted withOtherPerson(
      String id,
      @Nullable String otherPersonId,
      String refusal,
      String what,
      Function<String, Outcome> act,
      Authentication who,
      HttpServletRequest http) {
    AuditEvent event = actOn("person", id, who, http);
    if (otherPersonId == null || otherPersonId.isBlank()) {
      return incomplete(event, refusal);
    }
    String other = otherPersonId.strip();
    return done(act.apply(other), event, what + other);
  }

  /** {@code outcome} APPROVE or REJECT. */
  Acted settle(
      UUID id,
      @Nullable String outcome,
      @Nullable String note,
      Authentication who,
      HttpServletRequest http) {
    AuditEvent event = actOn("review-decision", id.toString(), who, http);
    if (!"APPROVE".equals(outcome) && !"REJECT".equals(outcome)) {
      return incomplete(event, "approval refused: no outcome");
    }
    return done(
        acts.approvals().settle(id, "APPROVE".equals(outcome), note, steward(who)), event, outcome);
  }

  private AuditEvent actOn(String type, String id, Authentication who, HttpServletRequest http) {
    return audit.event(who, http, AuditAction.REVIEW_DECISION).on(type, id);
  }

  private Acted incomplete(AuditEvent event, String detail) {
    audit.record(event.withDetail(detail).denied());
    return new Acted.Incomplete();
  }

  private Acted done(Outcome outcome, AuditEvent event, String what) {
    return new Acted.Done(outcome, decisionAudit.record(outcome, event, what));
  }

  private static String steward(Authentication who) {
    return CurrentUser.of(who).username();
  }
}
