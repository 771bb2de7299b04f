package org.familyview.review.decision;

import static org.familyview.review.decision.StewardActs.blankToNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.familyview.linkage.MatchDecisions;
import org.familyview.matching.RecordKey;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges one person into another, which keeps its id: every record of the joining person is
 * MUST_LINKed to a record of the kept one and any CANNOT_LINK between them withdrawn. A merge that
 * involves a child or police-held records waits, with nothing applied, until a different steward
 * approves it.
 */
@Component
public class Merges {

  private final StewardActs acts;

  Merges(StewardActs acts) {
    this.acts = acts;
  }

  /** Merges {@code otherId} into {@code personId}, which keeps its id. */
  @Transactional
  public Outcome merge(String personId, String otherId, @Nullable String reason, String steward) {
    Optional<Outcome> problem = StewardActs.checkReason(reason, true, "a merge");
    if (problem.isPresent()) {
      return problem.get();
    }
    if (personId.equals(otherId)) {
      return new Outcome.Invalid("a person cannot be merged with itself");
    }
    Optional<Outcome> missing = acts.active(personId).or(() -> acts.active(otherId));
    if (missing.isPresent()) {
      return missing.get();
    }
    List<RecordKey> kept = acts.links.recordsOf(personId);
    List<RecordKey> joining = acts.links.recordsOf(otherId);
    List<RecordKey> involved = new ArrayList<>(kept);
    involved.addAll(joining);
    StewardActs.FourEyes fourEyes = acts.fourEyes(involved, null);
    String evidence = acts.personEvidence(orderedMap(personId, kept, otherId, joining));
    MatchDecisions.Context context =
        new MatchDecisions.Context(
            UUID.randomUUID(), null, blankToNull(reason), steward, StewardActs.now(), evidence);
    if (fourEyes.needed()) {
      return acts.awaitingApproval(
          new StewardActs.Act("MERGE", personId, otherId, List.of(), true, fourEyes), context);
    }
    Change change = applyMerge(personId, otherId, context);
    return acts.recorded(
        new StewardActs.Act("MERGE", personId, otherId, List.of(), true, StewardActs.FourEyes.NONE),
        context,
        change);
  }

  Change applyMerge(String personId, String otherId, MatchDecisions.Context context) {
    List<RecordKey> kept = acts.links.recordsOf(personId);
    List<RecordKey> joining = acts.links.recordsOf(otherId);
    acts.constraints.withdrawBetween(
        MatchDecisions.CANNOT_LINK, kept, joining, context.decidedBy(), context.at());
    // Every joining record is tied to the kept person by the steward, not only the first: the
    // nightly run keeps a person's records coherent (identifiers, dates of birth) unless a steward
    // joined them, and a merge joins the whole person.
    for (RecordKey record : joining) {
      acts.constraints.write(MatchDecisions.MUST_LINK, kept.get(0), record, context);
    }
    Change.Builder change = Change.builder();
    String text = StewardActs.linkReason("MERGE", context.reviewDecisionId(), context.reason());
    acts.joinInto(personId, otherId, joining, kept.get(0), context, text, change);
    return change.build();
  }

  private static Map<String, List<RecordKey>> orderedMap(
      String a, List<RecordKey> ra, String b, List<RecordKey> rb) {
    Map<String, List<RecordKey>> map = new LinkedHashMap<>();
    map.put(a, ra);
    map.put(b, rb);
    return map;
  }
}
