package org.familyview.review.decision;

import static org.familyview.review.decision.StewardActs.blankToNull;

import java.time.Instant;
import java.util.LinkedHashSet;
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
 * Takes records out of a person: every leaving record is CANNOT_LINKed from every staying one, and
 * the leaving ones MUST_LINKed together when they go as one person. They go to an earlier id the
 * person once merged in, where one held them, or else to a new person.
 */
@Component
public class Splits {

  private final StewardActs acts;

  Splits(StewardActs acts) {
    this.acts = acts;
  }

  /** Takes records out of a person; {@code together} keeps the leaving records as one person. */
  @Transactional
  public Outcome split(
      String personId,
      List<RecordKey> leaving,
      boolean together,
      @Nullable String reason,
      String steward) {
    Optional<Outcome> problem = StewardActs.checkReason(reason, true, "a split");
    if (problem.isPresent()) {
      return problem.get();
    }
    if (acts.links.person(personId).isEmpty()) {
      return new Outcome.NotFound("no person " + personId);
    }
    List<RecordKey> all = acts.links.recordsOf(personId);
    Set<RecordKey> going = new LinkedHashSet<>(leaving);
    Optional<Outcome> invalid = invalidSplit(personId, all, going);
    if (invalid.isPresent()) {
      return invalid.get();
    }
    List<RecordKey> staying = all.stream().filter(r -> !going.contains(r)).toList();
    List<RecordKey> goingList = List.copyOf(going);
    Instant at = StewardActs.now();
    UUID id = UUID.randomUUID();
    String evidence = acts.personEvidence(Map.of(personId, all));
    MatchDecisions.Context context =
        new MatchDecisions.Context(id, null, blankToNull(reason), steward, at, evidence);
    writeConstraints(goingList, staying, together, context);
    Change.Builder change = Change.builder();
    change.kept.add(personId);
    move(
        personId,
        goingList,
        together,
        StewardActs.linkReason("SPLIT", id, reason),
        context,
        change);
    change.undone = new Change.Undone(personId, staying, goingList);
    return acts.recorded(
        new StewardActs.Act(
            "SPLIT", personId, null, goingList, together, StewardActs.FourEyes.NONE),
        context,
        change.build());
  }

  private static Optional<Outcome> invalidSplit(
      String personId, List<RecordKey> all, Set<RecordKey> going) {
    if (going.isEmpty()) {
      return Optional.of(new Outcome.Invalid("choose at least one record to leave " + personId));
    }
    List<RecordKey> strangers = going.stream().filter(r -> !all.contains(r)).toList();
    if (!strangers.isEmpty()) {
      return Optional.of(
          new Outcome.Invalid(
              "not records of "
                  + personId
                  + ": "
                  + strangers.stream().map(RecordKey::toString).toList()));
    }
    if (going.size() == all.size()) {
      return Optional.of(
          new Outcome.Invalid("a split must leave at least one record in " + personId));
    }
    return Optional.empty();
  }

  private void writeConstraints(
      List<RecordKey> going,
      List<RecordKey> staying,
      boolean together,
      MatchDecisions.Context context) {
    acts.keepApart(going, staying, context);
    if (together) {
      for (int i = 1; i < going.size(); i++) {
        acts.constraints.write(MatchDecisions.MUST_LINK, going.get(0), going.get(i), context);
      }
    }
  }

  private void move(
      String personId,
      List<RecordKey> going,
      boolean together,
      String text,
      MatchDecisions.Context context,
      Change.Builder change) {
    String steward = context.decidedBy();
    Instant at = context.at();
    Map<String, Set<RecordKey>> earlier = acts.links.earlierIds(personId);
    if (together) {
      acts.separate(
          personId, going, StewardActs.earlierFor(earlier, going), steward, text, at, change);
      return;
    }
    for (RecordKey r : going) {
      Optional<String> back = StewardActs.earlierFor(earlier, List.of(r));
      back.ifPresent(earlier::remove);
      acts.separate(personId, List.of(r), back, steward, text, at, change);
    }
  }
}
