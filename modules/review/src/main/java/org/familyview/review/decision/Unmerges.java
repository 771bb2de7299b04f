package org.familyview.review.decision;

import static org.familyview.review.decision.StewardActs.blankToNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.familyview.linkage.MatchDecisions;
import org.familyview.matching.RecordKey;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Undoes a merge: the records the merged id once held go back to it (revived), the MUST_LINKs
 * across the sides are withdrawn and CANNOT_LINKs written.
 */
@Component
public class Unmerges {

  private final StewardActs acts;

  Unmerges(StewardActs acts) {
    this.acts = acts;
  }

  /** The two sides of an unmerge: the records going back to the merged id, and the others. */
  private record Sides(List<RecordKey> all, List<RecordKey> leaving, List<RecordKey> staying) {}

  /** Undoes the merge of {@code mergedId} into {@code personId}: its records go back to it. */
  @Transactional
  public Outcome unmerge(
      String personId, String mergedId, @Nullable String reason, String steward) {
    Optional<Outcome> problem = StewardActs.checkReason(reason, true, "an unmerge");
    if (problem.isPresent()) {
      return problem.get();
    }
    Optional<Outcome> refused = refusal(personId, mergedId);
    if (refused.isPresent()) {
      return refused.get();
    }
    Sides sides = sides(personId, mergedId);
    if (sides.leaving().isEmpty() || sides.staying().isEmpty()) {
      return new Outcome.Conflict(
          "the records "
              + mergedId
              + " held are not a part of "
              + personId
              + " now; split "
              + personId
              + " instead");
    }
    Instant at = StewardActs.now();
    UUID id = UUID.randomUUID();
    String evidence = acts.personEvidence(Map.of(personId, sides.all()));
    MatchDecisions.Context context =
        new MatchDecisions.Context(id, null, blankToNull(reason), steward, at, evidence);
    Change change = apply(personId, mergedId, sides, context, reason);
    return acts.recorded(
        new StewardActs.Act(
            "UNMERGE", personId, mergedId, sides.leaving(), true, StewardActs.FourEyes.NONE),
        context,
        change);
  }

  private Optional<Outcome> refusal(String personId, String mergedId) {
    if (acts.links.person(personId).isEmpty()) {
      return Optional.of(new Outcome.NotFound("no person " + personId));
    }
    if (acts.links.openMerge(mergedId, personId).isEmpty()) {
      return Optional.of(
          new Outcome.Conflict(
              mergedId + " was not merged into " + personId + ", or that merge is already undone"));
    }
    if (!acts.links.recordsOf(mergedId).isEmpty()) {
      return Optional.of(
          new Outcome.Conflict(mergedId + " holds records again; split " + personId + " instead"));
    }
    return Optional.empty();
  }

  private Sides sides(String personId, String mergedId) {
    List<RecordKey> all = acts.links.recordsOf(personId);
    Set<RecordKey> held = acts.links.everHeld(mergedId);
    return new Sides(
        all,
        all.stream().filter(held::contains).toList(),
        all.stream().filter(r -> !held.contains(r)).toList());
  }

  private Change apply(
      String personId,
      String mergedId,
      Sides sides,
      MatchDecisions.Context context,
      @Nullable String reason) {
    List<RecordKey> leaving = sides.leaving();
    acts.keepApart(leaving, sides.staying(), context);
    Change.Builder change = Change.builder();
    change.kept.add(personId);
    String text = StewardActs.linkReason("UNMERGE", context.reviewDecisionId(), reason);
    String steward = context.decidedBy();
    acts.links.move(leaving, mergedId, leaving.get(0), steward, text, context.at());
    acts.links.revive(mergedId);
    acts.links.lineage("UNMERGE", personId, mergedId, steward, context.at());
    change.revived.add(mergedId);
    leaving.forEach(
        r -> change.moved.add(new Change.Moved(r.agency(), r.recordId(), personId, mergedId)));
    change.undone = new Change.Undone(personId, sides.staying(), leaving);
    return change.build();
  }
}
