package org.familyview.review.decision;

import static org.familyview.review.decision.StewardActs.JSON;
import static org.familyview.review.decision.StewardActs.blankToNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.familyview.linkage.MatchDecisions;
import org.familyview.linkage.PersonLinks;
import org.familyview.matching.RecordKey;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges one person into another, which keeps its id: a record of each is MUST_LINKed and any
 * CANNOT_LINK between them withdrawn. A merge that involves a child or police-held records waits,
 * with nothing applied, until a different steward approves it.
 */
@Component
public class Merges {

  private final StewardActs acts;
  private final PersonLinks links;
  private final MatchDecisions constraints;

  Merges(StewardActs acts) {
    this.acts = acts;
    this.links = acts.links;
    this.constraints = acts.constraints;
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
    List<RecordKey> kept = links.recordsOf(personId);
    List<RecordKey> joining = links.recordsOf(otherId);
    List<RecordKey> involved = new ArrayList<>(kept);
    involved.addAll(joining);
    StewardActs.FourEyes fourEyes = acts.fourEyes(involved, null);
    Instant at = StewardActs.now();
    UUID id = UUID.randomUUID();
    String evidence = acts.personEvidence(orderedMap(personId, kept, otherId, joining));
    if (fourEyes.needed()) {
      return acts.awaitingApproval(
          StewardDecision.pending(
              id,
              "MERGE",
              null,
              personId,
              otherId,
              List.of(),
              blankToNull(reason),
              fourEyes.child(),
              fourEyes.police(),
              evidence,
              steward,
              at));
    }
    MatchDecisions.Context context =
        new MatchDecisions.Context(id, null, blankToNull(reason), steward, at, evidence);
    Change change = applyMerge(personId, otherId, context);
    return acts.recorded(
        StewardDecision.applied(
            id,
            "MERGE",
            null,
            personId,
            otherId,
            List.of(),
            true,
            blankToNull(reason),
            false,
            false,
            evidence,
            JSON.writeValueAsString(change),
            steward,
            at));
  }

  Change applyMerge(String personId, String otherId, MatchDecisions.Context context) {
    List<RecordKey> kept = links.recordsOf(personId);
    List<RecordKey> joining = links.recordsOf(otherId);
    constraints.withdrawBetween(
        MatchDecisions.CANNOT_LINK, kept, joining, context.decidedBy(), context.at());
    constraints.write(MatchDecisions.MUST_LINK, kept.get(0), joining.get(0), context);
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
