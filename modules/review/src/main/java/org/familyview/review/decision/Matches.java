package org.familyview.review.decision;

import static org.familyview.review.decision.StewardActs.JSON;
import static org.familyview.review.decision.StewardActs.blankToNull;
import static org.familyview.review.decision.StewardActs.linkReason;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.familyview.linkage.MatchDecisions;
import org.familyview.linkage.ReviewTask;
import org.familyview.linkage.ReviewTasks;
import org.familyview.matching.RecordKey;
import org.familyview.review.task.TaskViews;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * MATCH or NO_MATCH on a task about two records. A MATCH is a MUST_LINK between the task's records,
 * a NO_MATCH a CANNOT_LINK; both are applied to the people at once. A MATCH that involves a child
 * or police-held records waits, with nothing applied, until a different steward approves it.
 */
@Component
public class Matches {

  static final String MATCH = "MATCH";
  static final String NO_MATCH = "NO_MATCH";

  private final ReviewTasks tasks;
  private final TaskViews views;
  private final StewardActs acts;

  Matches(ReviewTasks tasks, TaskViews views, StewardActs acts) {
    this.tasks = tasks;
    this.views = views;
    this.acts = acts;
  }

  @Transactional
  public Outcome decide(UUID taskId, String verdict, @Nullable String reason, String steward) {
    Optional<ReviewTask> found = tasks.find(taskId);
    if (found.isEmpty()) {
      return new Outcome.NotFound("no review task " + taskId);
    }
    ReviewTask task = found.get();
    Optional<Outcome> refused = refusal(task, verdict, reason);
    if (refused.isPresent()) {
      return refused.get();
    }
    boolean match = MATCH.equals(verdict);
    List<RecordKey> pair = List.of(task.records().get(0), task.records().get(1));
    String evidence = JSON.writeValueAsString(views.view(task));
    MatchDecisions.Context context =
        new MatchDecisions.Context(
            UUID.randomUUID(), taskId, blankToNull(reason), steward, StewardActs.now(), evidence);
    if (match) {
      StewardActs.FourEyes fourEyes = acts.fourEyes(acts.withTheirPeople(pair), task);
      if (fourEyes.needed()) {
        if (!tasks.leaveOpen(taskId, "AWAITING_APPROVAL")) {
          return new Outcome.Conflict("task " + taskId + " was decided meanwhile");
        }
        return acts.awaitingApproval(
            new StewardActs.Act(MATCH, null, null, pair, true, fourEyes), context);
      }
    }
    if (!tasks.leaveOpen(taskId, "DECIDED")) {
      return new Outcome.Conflict("task " + taskId + " was decided meanwhile");
    }
    return applied(task, verdict, pair, context);
  }

  /** Why this verdict cannot be given on this task, if it cannot. */
  private static Optional<Outcome> refusal(
      ReviewTask task, String verdict, @Nullable String reason) {
    if (!task.isOpen()) {
      return Optional.of(
          new Outcome.Conflict(
              "task "
                  + task.id()
                  + " is "
                  + task.status()
                  + ", not open: it has been decided already"));
    }
    if (!task.isPair()) {
      return Optional.of(
          new Outcome.Invalid(
              "task "
                  + task.id()
                  + " has "
                  + task.records().size()
                  + " records; MATCH and NO_MATCH rule on two: split or merge its person instead"));
    }
    boolean match = MATCH.equals(verdict);
    if (!match && !NO_MATCH.equals(verdict)) {
      return Optional.of(new Outcome.Invalid("decision must be MATCH or NO_MATCH"));
    }
    return StewardActs.checkReason(reason, !match, "a NO_MATCH");
  }

  private Outcome applied(
      ReviewTask task, String verdict, List<RecordKey> pair, MatchDecisions.Context context) {
    RecordKey left = pair.get(0);
    RecordKey right = pair.get(1);
    Change change =
        MATCH.equals(verdict)
            ? applyMatch(left, right, context)
            : applyNoMatch(left, right, context);
    StewardActs.FourEyes flags = acts.fourEyes(acts.withTheirPeople(pair), task);
    return acts.recorded(
        new StewardActs.Act(verdict, null, null, pair, true, flags), context, change);
  }

  /** Joins the two records' people (or confirms them, if one person holds both). */
  Change applyMatch(RecordKey left, RecordKey right, MatchDecisions.Context context) {
    Map<RecordKey, String> personOf = acts.links.personOf(List.of(left, right));
    String pl = personOf.get(left);
    String pr = personOf.get(right);
    Change.Builder change = Change.builder();
    String text = linkReason(MATCH, context.reviewDecisionId(), context.reason());
    if (pl != null && pl.equals(pr)) {
      acts.constraints.write(MatchDecisions.MUST_LINK, left, right, context);
      acts.links.confirm(right, left, text, context.at());
      change.kept.add(pl);
      return change.build();
    }
    List<RecordKey> sideLeft = pl == null ? List.of(left) : acts.links.recordsOf(pl);
    List<RecordKey> sideRight = pr == null ? List.of(right) : acts.links.recordsOf(pr);
    acts.constraints.withdrawBetween(
        MatchDecisions.CANNOT_LINK, sideLeft, sideRight, context.decidedBy(), context.at());
    acts.constraints.write(MatchDecisions.MUST_LINK, left, right, context);
    if (pl == null && pr == null) {
      return intoNewPerson(left, right, context, text, change);
    }
    if (pl == null || pr == null) {
      String into = pl == null ? pr : pl;
      RecordKey lone = pl == null ? left : right;
      RecordKey anchor = pl == null ? right : left;
      acts.links.move(List.of(lone), into, anchor, context.decidedBy(), text, context.at());
      change.kept.add(into);
      change.moved.add(new Change.Moved(lone.agency(), lone.recordId(), null, into));
      return change.build();
    }
    // The person with more records keeps its id (the one the nightly run would keep); a tie goes
    // to the older id.
    boolean keepLeft =
        sideLeft.size() > sideRight.size()
            || (sideLeft.size() == sideRight.size() && pl.compareTo(pr) <= 0);
    acts.joinInto(
        keepLeft ? pl : pr,
        keepLeft ? pr : pl,
        keepLeft ? sideRight : sideLeft,
        keepLeft ? left : right,
        context,
        text,
        change);
    return change.build();
  }

  private Change intoNewPerson(
      RecordKey left,
      RecordKey right,
      MatchDecisions.Context context,
      String text,
      Change.Builder change) {
    String id = acts.links.newPerson(context.at());
    acts.links.move(List.of(left, right), id, left, context.decidedBy(), text, context.at());
    change.created.add(id);
    change.moved.add(new Change.Moved(left.agency(), left.recordId(), null, id));
    change.moved.add(new Change.Moved(right.agency(), right.recordId(), null, id));
    return change.build();
  }

  /**
   * Keeps the two records apart. If they were linked, that is undone now: if the right record came
   * in with an earlier person that the left one never belonged to, that person's records go back to
   * it; otherwise the right record leaves on its own.
   */
  private Change applyNoMatch(RecordKey left, RecordKey right, MatchDecisions.Context context) {
    acts.constraints.withdrawBetween(
        MatchDecisions.MUST_LINK, List.of(left), List.of(right), context.decidedBy(), context.at());
    acts.constraints.write(MatchDecisions.CANNOT_LINK, left, right, context);
    Map<RecordKey, String> personOf = acts.links.personOf(List.of(left, right));
    String pl = personOf.get(left);
    Change.Builder change = Change.builder();
    if (pl == null || !pl.equals(personOf.get(right))) {
      return change.build();
    }
    List<RecordKey> all = acts.links.recordsOf(pl);
    List<RecordKey> leaving = List.of(right);
    Optional<String> back = Optional.empty();
    for (Map.Entry<String, Set<RecordKey>> e : acts.links.earlierIds(pl).entrySet()) {
      if (e.getValue().contains(right) && !e.getValue().contains(left)) {
        leaving = all.stream().filter(e.getValue()::contains).toList();
        back = Optional.of(e.getKey());
        break;
      }
    }
    List<RecordKey> going = leaving;
    List<RecordKey> staying = all.stream().filter(r -> !going.contains(r)).toList();
    change.kept.add(pl);
    acts.separate(
        pl,
        leaving,
        back,
        context.decidedBy(),
        linkReason(NO_MATCH, context.reviewDecisionId(), context.reason()),
        context.at(),
        change);
    change.undone = new Change.Undone(pl, staying, leaving);
    return change.build();
  }
}
