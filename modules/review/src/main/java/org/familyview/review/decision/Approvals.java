package org.familyview.review.decision;

import static org.familyview.review.decision.StewardActs.JSON;
import static org.familyview.review.decision.StewardActs.MAX_REASON;
import static org.familyview.review.decision.StewardActs.blankToNull;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.familyview.linkage.MatchDecisions;
import org.familyview.linkage.ReviewTasks;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Four eyes: a MATCH or merge that involves a child or police-held records is applied only when a
 * different steward approves it; a rejection applies nothing and reopens the task.
 */
@Component
public class Approvals {

  private final Matches matches;
  private final Merges merges;
  private final ReviewTasks tasks;
  private final StewardActs acts;

  Approvals(Matches matches, Merges merges, ReviewTasks tasks, StewardActs acts) {
    this.matches = matches;
    this.merges = merges;
    this.tasks = tasks;
    this.acts = acts;
  }

  /** A second steward approves (and so applies) or rejects a pending MATCH or merge. */
  @Transactional
  public Outcome settle(UUID decisionId, boolean approve, @Nullable String note, String steward) {
    Optional<StewardDecision> found = acts.decisions.find(decisionId);
    if (found.isEmpty()) {
      return new Outcome.NotFound("no decision " + decisionId);
    }
    StewardDecision d = found.get();
    Optional<Outcome> refused = refusal(d, note, steward);
    if (refused.isPresent()) {
      return refused.get();
    }
    Instant at = StewardActs.now();
    if (!approve) {
      acts.decisions.rejected(decisionId, steward, blankToNull(note), at);
      if (d.reviewTaskId() != null) {
        tasks.settleApproval(d.reviewTaskId(), "OPEN");
      }
      return new Outcome.Rejected(acts.decisions.find(decisionId).orElseThrow());
    }
    return approve(d, note, steward, at);
  }

  private static Optional<Outcome> refusal(
      StewardDecision d, @Nullable String note, String steward) {
    if (!d.awaitingApproval()) {
      return Optional.of(
          new Outcome.Conflict("decision " + d.id() + " is " + d.status() + " already"));
    }
    if (d.decidedBy().equals(steward)) {
      return Optional.of(
          new Outcome.NotAllowed(
              "four eyes: "
                  + d.action()
                  + " involving "
                  + d.fourEyesReason()
                  + " must be approved by a different data steward than the one who proposed"
                  + " it"));
    }
    if (note != null && note.length() > MAX_REASON) {
      return Optional.of(
          new Outcome.Invalid("the note is longer than " + MAX_REASON + " characters"));
    }
    return Optional.empty();
  }

  private Outcome approve(StewardDecision d, @Nullable String note, String steward, Instant at) {
    ObjectNode approved = JSON.createObjectNode();
    approved.set("proposal", d.evidence() == null ? null : JSON.readTree(d.evidence()));
    approved.put("approvedBy", steward);
    approved.put("approvedAt", at.toString());
    MatchDecisions.Context context =
        new MatchDecisions.Context(
            d.id(),
            d.reviewTaskId(),
            d.reason(),
            d.decidedBy(),
            at,
            JSON.writeValueAsString(approved));
    Change change;
    if (Matches.MATCH.equals(d.action())) {
      change = matches.applyMatch(d.records().get(0), d.records().get(1), context);
      if (d.reviewTaskId() != null) {
        tasks.settleApproval(d.reviewTaskId(), "DECIDED");
      }
    } else {
      String personId = Objects.requireNonNull(d.personId());
      String otherId = Objects.requireNonNull(d.otherPersonId());
      Optional<Outcome> gone = acts.active(personId).or(() -> acts.active(otherId));
      if (gone.isPresent()) {
        return new Outcome.Conflict(
            "the people have changed since the merge was proposed: "
                + detail(gone.get())
                + "; reject it and propose it again");
      }
      change = merges.applyMerge(personId, otherId, context);
    }
    acts.decisions.approved(
        d.id(), steward, blankToNull(note), at, JSON.writeValueAsString(change));
    return new Outcome.Applied(acts.decisions.find(d.id()).orElseThrow());
  }

  private static String detail(Outcome outcome) {
    return switch (outcome) {
      case Outcome.NotFound n -> n.detail();
      case Outcome.Conflict c -> c.detail();
      default -> outcome.toString();
    };
  }
}
