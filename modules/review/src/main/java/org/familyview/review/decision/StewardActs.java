package org.familyview.review.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.familyview.linkage.MatchDecisions;
import org.familyview.linkage.PartnerKinds;
import org.familyview.linkage.PersonLinks;
import org.familyview.linkage.ReviewTask;
import org.familyview.matching.RecordKey;
import org.familyview.review.task.SourceRecordView;
import org.familyview.review.task.SourceRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every act of a steward shares (match, split, merge, unmerge, approval): the checks of a
 * reason, the four-eyes rule, the evidence kept with a decision, the moves of records between
 * people as lineage and link events, and the decision's record. Each act is written as
 * match_decision constraints (the agreed contract with the nightly run: a MATCH is a MUST_LINK
 * between the task's records, a NO_MATCH a CANNOT_LINK; a split CANNOT_LINKs every leaving record
 * from every staying one and MUST_LINKs the leaving ones together; a merge MUST_LINKs every record
 * of the joining person to one of the kept person; an unmerge withdraws the MUST_LINKs across the
 * sides and CANNOT_LINKs them) and applied to the people at once.
 */
@Component
class StewardActs {

  static final int MAX_REASON = 2000;
  static final JsonMapper JSON = JsonMapper.builder().build();

  final PersonLinks links;
  final MatchDecisions constraints;
  final ReviewDecisions decisions;
  private final SourceRecords sources;
  private final PartnerKinds partners;

  StewardActs(
      PersonLinks links,
      MatchDecisions constraints,
      ReviewDecisions decisions,
      SourceRecords sources,
      ObjectProvider<PartnerKinds> partners) {
    this.links = links;
    this.constraints = constraints;
    this.decisions = decisions;
    this.sources = sources;
    this.partners = partners.getIfAvailable(() -> PartnerKinds.V1);
  }

  /** What an act is about: its action, the people and records it names, and its four-eyes flags. */
  record Act(
      String action,
      @Nullable String personId,
      @Nullable String otherPersonId,
      List<RecordKey> records,
      boolean together,
      FourEyes flags) {}

  /** Records an act applied under {@code context} (who, when, why, on what evidence). */
  Outcome recorded(Act act, MatchDecisions.Context context, Change change) {
    StewardDecision applied =
        StewardDecision.applied(act, context, JSON.writeValueAsString(change));
    decisions.insert(applied);
    return new Outcome.Applied(applied);
  }

  /** Records an act that waits, with nothing applied, for a second steward. */
  Outcome awaitingApproval(Act act, MatchDecisions.Context context) {
    StewardDecision pending = StewardDecision.pending(act, context);
    decisions.insert(pending);
    return new Outcome.AwaitingApproval(pending);
  }

  /**
   * Rules that the leaving records are not the same person as the staying ones: a must-link between
   * them is withdrawn and a cannot-link written for each pair, so that no later run joins them
   * again.
   */
  void keepApart(List<RecordKey> leaving, List<RecordKey> staying, MatchDecisions.Context context) {
    constraints.withdrawBetween(
        MatchDecisions.MUST_LINK, leaving, staying, context.decidedBy(), context.at());
    for (RecordKey l : leaving) {
      for (RecordKey s : staying) {
        constraints.write(MatchDecisions.CANNOT_LINK, l, s, context);
      }
    }
  }

  /** Moves the records of {@code retired} into {@code kept}, and retires it (lineage MERGE). */
  void joinInto(
      String kept,
      String retired,
      List<RecordKey> moving,
      RecordKey anchor,
      MatchDecisions.Context context,
      String text,
      Change.Builder change) {
    links.move(moving, kept, anchor, context.decidedBy(), text, context.at());
    links.retire(retired, context.at());
    links.lineage("MERGE", retired, kept, context.decidedBy(), context.at());
    change.kept.add(kept);
    change.retired.add(retired);
    moving.forEach(
        r -> change.moved.add(new Change.Moved(r.agency(), r.recordId(), retired, kept)));
  }

  /** Moves records out of a person to an earlier id given back, or to a new person. */
  void separate(
      String personId,
      List<RecordKey> leaving,
      Optional<String> earlier,
      String steward,
      String text,
      Instant at,
      Change.Builder change) {
    String target;
    if (earlier.isPresent()) {
      target = earlier.get();
      links.revive(target);
      change.revived.add(target);
    } else {
      target = links.newPerson(at);
      change.created.add(target);
    }
    links.move(leaving, target, leaving.get(0), steward, text, at);
    links.lineage("SPLIT", personId, target, steward, at);
    leaving.forEach(
        r -> change.moved.add(new Change.Moved(r.agency(), r.recordId(), personId, target)));
  }

  /** The earlier id that once held most of these records, if any held one. */
  static Optional<String> earlierFor(Map<String, Set<RecordKey>> earlier, List<RecordKey> records) {
    String best = null;
    long most = 0;
    for (Map.Entry<String, Set<RecordKey>> e : earlier.entrySet()) {
      long held = records.stream().filter(e.getValue()::contains).count();
      if (held > most) {
        most = held;
        best = e.getKey();
      }
    }
    return Optional.ofNullable(best);
  }

  /** Why a person cannot take part in a merge, if it cannot: gone, or retired and empty. */
  Optional<Outcome> active(String personId) {
    Optional<PersonLinks.Person> person = links.person(personId);
    if (person.isEmpty()) {
      return Optional.of(new Outcome.NotFound("no person " + personId));
    }
    if (person.get().retired() || links.recordsOf(personId).isEmpty()) {
      return Optional.of(new Outcome.Conflict(personId + " is retired and holds no records"));
    }
    return Optional.empty();
  }

  /**
   * Four eyes: a child (under 18 today) or any record held by a police force (by the partner's
   * configured kind) among those involved.
   */
  record FourEyes(boolean child, boolean police) {
    static final FourEyes NONE = new FourEyes(false, false);

    boolean needed() {
      return child || police;
    }
  }

  FourEyes fourEyes(Collection<RecordKey> involved, @Nullable ReviewTask task) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<RecordKey, SourceRecordView> records = sources.find(involved);
    boolean child =
        records.values().stream().anyMatch(r -> r.isChildOn(today))
            || (task != null && task.involvesChild());
    boolean police =
        involved.stream().anyMatch(r -> partners.isPolice(r.agency()))
            || (task != null && task.involvesPolice());
    return new FourEyes(child, police);
  }

  /** These records and every other record of the people holding them. */
  List<RecordKey> withTheirPeople(List<RecordKey> records) {
    Set<RecordKey> all = new LinkedHashSet<>(records);
    for (String personId : new LinkedHashSet<>(links.personOf(records).values())) {
      all.addAll(links.recordsOf(personId));
    }
    return List.copyOf(all);
  }

  /** What the steward saw of each person: its records and the links that held them. */
  String personEvidence(Map<String, List<RecordKey>> persons) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    for (Map.Entry<String, List<RecordKey>> e : persons.entrySet()) {
      Map<String, Object> person = new LinkedHashMap<>();
      person.put("records", sources.find(e.getValue()).values());
      person.put("links", links.members(e.getKey()));
      evidence.put(e.getKey(), person);
    }
    return JSON.writeValueAsString(Map.of("persons", evidence));
  }

  static Optional<Outcome> checkReason(@Nullable String reason, boolean required, String what) {
    if (required && (reason == null || reason.isBlank())) {
      return Optional.of(new Outcome.Invalid(what + " needs a reason"));
    }
    if (reason != null && reason.length() > MAX_REASON) {
      return Optional.of(
          new Outcome.Invalid("the reason is longer than " + MAX_REASON + " characters"));
    }
    return Optional.empty();
  }

  static String linkReason(String action, UUID decisionId, @Nullable String reason) {
    return action
        + " by a data steward (decision "
        + decisionId
        + ")"
        + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
  }

  static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** PostgreSQL keeps microseconds; comparing a stored time with this one must not round. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
