package org.familyview.review.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.familyview.linkage.MatchDecisions;
import org.familyview.linkage.PersonLinks;
import org.familyview.linkage.ReviewTask;
import org.familyview.linkage.ReviewTasks;
import org.familyview.matching.RecordKey;
import org.familyview.review.task.SourceRecordView;
import org.familyview.review.task.SourceRecords;
import org.familyview.review.task.TaskViews;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A data steward's decisions. Each is written as match_decision constraints (the agreed contract
 * with the nightly run: a MATCH is a MUST_LINK between the task's records, a NO_MATCH a
 * CANNOT_LINK; a split CANNOT_LINKs every leaving record from every staying one and MUST_LINKs the
 * leaving ones together; a merge MUST_LINKs a record of each person; an unmerge withdraws the
 * MUST_LINKs across the sides and CANNOT_LINKs them) and applied to the people at once. A MATCH or
 * merge that involves a child or police-held records waits, with nothing applied, until a different
 * steward approves it.
 */
@Component("workbench.decisions")
public class Decisions {

  public static final int MAX_REASON = 2000;
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final ReviewTasks tasks;
  private final TaskViews views;
  private final SourceRecords sources;
  private final PersonLinks links;
  private final MatchDecisions constraints;
  private final ReviewDecisions decisions;

  public Decisions(
      ReviewTasks tasks,
      TaskViews views,
      SourceRecords sources,
      PersonLinks links,
      MatchDecisions constraints,
      ReviewDecisions decisions) {
    this.tasks = tasks;
    this.views = views;
    this.sources = sources;
    this.links = links;
    this.constraints = constraints;
    this.decisions = decisions;
  }

  /** MATCH or NO_MATCH on a task about two records. */
  @Transactional
  public Outcome decide(UUID taskId, String verdict, @Nullable String reason, String steward) {
    Optional<ReviewTask> found = tasks.find(taskId);
    if (found.isEmpty()) {
      return new Outcome.NotFound("no review task " + taskId);
    }
    ReviewTask task = found.get();
    if (!task.isOpen()) {
      return new Outcome.Conflict(
          "task " + taskId + " is " + task.status() + ", not open: it has been decided already");
    }
    if (!task.isPair()) {
      return new Outcome.Invalid(
          "task "
              + taskId
              + " has "
              + task.records().size()
              + " records; MATCH and NO_MATCH rule on two: split or merge its person instead");
    }
    boolean match = "MATCH".equals(verdict);
    if (!match && !"NO_MATCH".equals(verdict)) {
      return new Outcome.Invalid("decision must be MATCH or NO_MATCH");
    }
    Optional<Outcome> badReason = checkReason(reason, !match, "a NO_MATCH");
    if (badReason.isPresent()) {
      return badReason.get();
    }
    RecordKey left = task.records().get(0);
    RecordKey right = task.records().get(1);
    String evidence = JSON.writeValueAsString(views.view(task));
    Instant at = now();
    UUID id = UUID.randomUUID();
    if (match) {
      FourEyes fourEyes = fourEyes(withTheirPeople(List.of(left, right)), task);
      if (fourEyes.needed()) {
        if (!tasks.leaveOpen(taskId, "AWAITING_APPROVAL")) {
          return new Outcome.Conflict("task " + taskId + " was decided meanwhile");
        }
        return awaitingApproval(
            StewardDecision.pending(
                id,
                "MATCH",
                taskId,
                null,
                null,
                List.of(left, right),
                blankToNull(reason),
                fourEyes.child(),
                fourEyes.police(),
                evidence,
                steward,
                at));
      }
    }
    if (!tasks.leaveOpen(taskId, "DECIDED")) {
      return new Outcome.Conflict("task " + taskId + " was decided meanwhile");
    }
    MatchDecisions.Context context =
        new MatchDecisions.Context(id, taskId, blankToNull(reason), steward, at, evidence);
    Change change = match ? applyMatch(left, right, context) : applyNoMatch(left, right, context);
    FourEyes flags = fourEyes(withTheirPeople(List.of(left, right)), task);
    return recorded(
        StewardDecision.applied(
            id,
            verdict,
            taskId,
            null,
            null,
            List.of(left, right),
            true,
            blankToNull(reason),
            flags.child(),
            flags.police(),
            evidence,
            JSON.writeValueAsString(change),
            steward,
            at));
  }

  /** Takes records out of a person; {@code together} keeps the leaving records as one person. */
  @Transactional
  public Outcome split(
      String personId,
      List<RecordKey> leaving,
      boolean together,
      @Nullable String reason,
      String steward) {
    Optional<Outcome> problem = checkReason(reason, true, "a split");
    if (problem.isPresent()) {
      return problem.get();
    }
    Optional<PersonLinks.Person> person = links.person(personId);
    if (person.isEmpty()) {
      return new Outcome.NotFound("no person " + personId);
    }
    List<RecordKey> all = links.recordsOf(personId);
    Set<RecordKey> going = new LinkedHashSet<>(leaving);
    if (going.isEmpty()) {
      return new Outcome.Invalid("choose at least one record to leave " + personId);
    }
    List<RecordKey> strangers = going.stream().filter(r -> !all.contains(r)).toList();
    if (!strangers.isEmpty()) {
      return new Outcome.Invalid(
          "not records of "
              + personId
              + ": "
              + strangers.stream().map(RecordKey::toString).toList());
    }
    if (going.size() == all.size()) {
      return new Outcome.Invalid("a split must leave at least one record in " + personId);
    }
    List<RecordKey> staying = all.stream().filter(r -> !going.contains(r)).toList();
    List<RecordKey> goingList = List.copyOf(going);
    Instant at = now();
    UUID id = UUID.randomUUID();
    String evidence = personEvidence(Map.of(personId, all));
    MatchDecisions.Context context =
        new MatchDecisions.Context(id, null, blankToNull(reason), steward, at, evidence);
    keepApart(goingList, staying, context);
    if (together) {
      for (int i = 1; i < goingList.size(); i++) {
        constraints.write(MatchDecisions.MUST_LINK, goingList.get(0), goingList.get(i), context);
      }
    }
    Change.Builder change = Change.builder();
    change.kept.add(personId);
    String text = linkReason("SPLIT", id, reason);
    Map<String, Set<RecordKey>> earlier = links.earlierIds(personId);
    if (together) {
      separate(personId, goingList, earlierFor(earlier, goingList), steward, text, at, change);
    } else {
      for (RecordKey r : goingList) {
        Optional<String> back = earlierFor(earlier, List.of(r));
        back.ifPresent(earlier::remove);
        separate(personId, List.of(r), back, steward, text, at, change);
      }
    }
    change.undone = new Change.Undone(personId, staying, goingList);
    return recorded(
        StewardDecision.applied(
            id,
            "SPLIT",
            null,
            personId,
            null,
            goingList,
            together,
            blankToNull(reason),
            false,
            false,
            evidence,
            JSON.writeValueAsString(change.build()),
            steward,
            at));
  }

  /** Merges {@code otherId} into {@code personId}, which keeps its id. */
  @Transactional
  public Outcome merge(String personId, String otherId, @Nullable String reason, String steward) {
    Optional<Outcome> problem = checkReason(reason, true, "a merge");
    if (problem.isPresent()) {
      return problem.get();
    }
    if (personId.equals(otherId)) {
      return new Outcome.Invalid("a person cannot be merged with itself");
    }
    Optional<Outcome> missing = active(personId).or(() -> active(otherId));
    if (missing.isPresent()) {
      return missing.get();
    }
    List<RecordKey> kept = links.recordsOf(personId);
    List<RecordKey> joining = links.recordsOf(otherId);
    List<RecordKey> involved = new ArrayList<>(kept);
    involved.addAll(joining);
    FourEyes fourEyes = fourEyes(involved, null);
    Instant at = now();
    UUID id = UUID.randomUUID();
    String evidence = personEvidence(orderedMap(personId, kept, otherId, joining));
    if (fourEyes.needed()) {
      return awaitingApproval(
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
    return recorded(
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

  /** Undoes the merge of {@code mergedId} into {@code personId}: its records go back to it. */
  @Transactional
  public Outcome unmerge(
      String personId, String mergedId, @Nullable String reason, String steward) {
    Optional<Outcome> problem = checkReason(reason, true, "an unmerge");
    if (problem.isPresent()) {
      return problem.get();
    }
    if (links.person(personId).isEmpty()) {
      return new Outcome.NotFound("no person " + personId);
    }
    if (links.openMerge(mergedId, personId).isEmpty()) {
      return new Outcome.Conflict(
          mergedId + " was not merged into " + personId + ", or that merge is already undone");
    }
    if (!links.recordsOf(mergedId).isEmpty()) {
      return new Outcome.Conflict(
          mergedId + " holds records again; split " + personId + " instead");
    }
    List<RecordKey> all = links.recordsOf(personId);
    Set<RecordKey> held = links.everHeld(mergedId);
    List<RecordKey> leaving = all.stream().filter(held::contains).toList();
    List<RecordKey> staying = all.stream().filter(r -> !held.contains(r)).toList();
    if (leaving.isEmpty() || staying.isEmpty()) {
      return new Outcome.Conflict(
          "the records "
              + mergedId
              + " held are not a part of "
              + personId
              + " now; split "
              + personId
              + " instead");
    }
    Instant at = now();
    UUID id = UUID.randomUUID();
    String evidence = personEvidence(Map.of(personId, all));
    MatchDecisions.Context context =
        new MatchDecisions.Context(id, null, blankToNull(reason), steward, at, evidence);
    keepApart(leaving, staying, context);
    Change.Builder change = Change.builder();
    change.kept.add(personId);
    String text = linkReason("UNMERGE", id, reason);
    links.move(leaving, mergedId, leaving.get(0), steward, text, at);
    links.revive(mergedId);
    links.lineage("UNMERGE", personId, mergedId, steward, at);
    change.revived.add(mergedId);
    leaving.forEach(
        r -> change.moved.add(new Change.Moved(r.agency(), r.recordId(), personId, mergedId)));
    change.undone = new Change.Undone(personId, staying, leaving);
    return recorded(
        StewardDecision.applied(
            id,
            "UNMERGE",
            null,
            personId,
            mergedId,
            leaving,
            true,
            blankToNull(reason),
            false,
            false,
            evidence,
            JSON.writeValueAsString(change.build()),
            steward,
            at));
  }

  /**
   * Rules that the leaving records are not the same person as the staying ones: a must-link between
   * them is withdrawn and a cannot-link written for each pair, so that no later run joins them
   * again.
   */
  private void keepApart(
      List<RecordKey> leaving, List<RecordKey> staying, MatchDecisions.Context context) {
    constraints.withdrawBetween(
        MatchDecisions.MUST_LINK, leaving, staying, context.decidedBy(), context.at());
    for (RecordKey l : leaving) {
      for (RecordKey s : staying) {
        constraints.write(MatchDecisions.CANNOT_LINK, l, s, context);
      }
    }
  }

  private Outcome recorded(StewardDecision applied) {
    decisions.insert(applied);
    return new Outcome.Applied(applied);
  }

  private Outcome awaitingApproval(StewardDecision pending) {
    decisions.insert(pending);
    return new Outcome.AwaitingApproval(pending);
  }

  /** A second steward approves (and so applies) or rejects a pending MATCH or merge. */
  @Transactional
  public Outcome settle(UUID decisionId, boolean approve, @Nullable String note, String steward) {
    Optional<StewardDecision> found = decisions.find(decisionId);
    if (found.isEmpty()) {
      return new Outcome.NotFound("no decision " + decisionId);
    }
    StewardDecision d = found.get();
    if (!d.awaitingApproval()) {
      return new Outcome.Conflict("decision " + decisionId + " is " + d.status() + " already");
    }
    if (d.decidedBy().equals(steward)) {
      return new Outcome.NotAllowed(
          "four eyes: "
              + d.action()
              + " involving "
              + d.fourEyesReason()
              + " must be approved by a different data steward than the one who proposed it");
    }
    if (note != null && note.length() > MAX_REASON) {
      return new Outcome.Invalid("the note is longer than " + MAX_REASON + " characters");
    }
    Instant at = now();
    if (!approve) {
      decisions.rejected(decisionId, steward, blankToNull(note), at);
      if (d.reviewTaskId() != null) {
        tasks.settleApproval(d.reviewTaskId(), "OPEN");
      }
      return new Outcome.Rejected(decisions.find(decisionId).orElseThrow());
    }
    ObjectNode approved = JSON.createObjectNode();
    approved.set("proposal", d.evidence() == null ? null : JSON.readTree(d.evidence()));
    approved.put("approvedBy", steward);
    approved.put("approvedAt", at.toString());
    MatchDecisions.Context context =
        new MatchDecisions.Context(
            decisionId,
            d.reviewTaskId(),
            d.reason(),
            d.decidedBy(),
            at,
            JSON.writeValueAsString(approved));
    Change change;
    if ("MATCH".equals(d.action())) {
      change = applyMatch(d.records().get(0), d.records().get(1), context);
      if (d.reviewTaskId() != null) {
        tasks.settleApproval(d.reviewTaskId(), "DECIDED");
      }
    } else {
      String personId = java.util.Objects.requireNonNull(d.personId());
      String otherId = java.util.Objects.requireNonNull(d.otherPersonId());
      Optional<Outcome> gone = active(personId).or(() -> active(otherId));
      if (gone.isPresent()) {
        return new Outcome.Conflict(
            "the people have changed since the merge was proposed: "
                + detail(gone.get())
                + "; reject it and propose it again");
      }
      change = applyMerge(personId, otherId, context);
    }
    decisions.approved(decisionId, steward, blankToNull(note), at, JSON.writeValueAsString(change));
    return new Outcome.Applied(decisions.find(decisionId).orElseThrow());
  }

  private Change applyMatch(RecordKey left, RecordKey right, MatchDecisions.Context context) {
    Map<RecordKey, String> personOf = links.personOf(List.of(left, right));
    String pl = personOf.get(left);
    String pr = personOf.get(right);
    Change.Builder change = Change.builder();
    String text = linkReason("MATCH", context.reviewDecisionId(), context.reason());
    if (pl != null && pl.equals(pr)) {
      constraints.write(MatchDecisions.MUST_LINK, left, right, context);
      links.confirm(right, left, text, context.at());
      change.kept.add(pl);
      return change.build();
    }
    List<RecordKey> sideLeft = pl == null ? List.of(left) : links.recordsOf(pl);
    List<RecordKey> sideRight = pr == null ? List.of(right) : links.recordsOf(pr);
    constraints.withdrawBetween(
        MatchDecisions.CANNOT_LINK, sideLeft, sideRight, context.decidedBy(), context.at());
    constraints.write(MatchDecisions.MUST_LINK, left, right, context);
    if (pl == null && pr == null) {
      String id = links.newPerson(context.at());
      links.move(List.of(left, right), id, left, context.decidedBy(), text, context.at());
      change.created.add(id);
      change.moved.add(new Change.Moved(left.agency(), left.recordId(), null, id));
      change.moved.add(new Change.Moved(right.agency(), right.recordId(), null, id));
      return change.build();
    }
    if (pl == null || pr == null) {
      String into = pl == null ? pr : pl;
      RecordKey lone = pl == null ? left : right;
      RecordKey anchor = pl == null ? right : left;
      links.move(List.of(lone), into, anchor, context.decidedBy(), text, context.at());
      change.kept.add(into);
      change.moved.add(new Change.Moved(lone.agency(), lone.recordId(), null, into));
      return change.build();
    }
    // The person with more records keeps its id (the one the nightly run would keep); a tie goes
    // to the older id.
    boolean keepLeft =
        sideLeft.size() > sideRight.size()
            || (sideLeft.size() == sideRight.size() && pl.compareTo(pr) <= 0);
    String kept = keepLeft ? pl : pr;
    String retired = keepLeft ? pr : pl;
    RecordKey anchor = keepLeft ? left : right;
    List<RecordKey> moving = keepLeft ? sideRight : sideLeft;
    joinInto(kept, retired, moving, anchor, context, text, change);
    return change.build();
  }

  private Change applyMerge(String personId, String otherId, MatchDecisions.Context context) {
    List<RecordKey> kept = links.recordsOf(personId);
    List<RecordKey> joining = links.recordsOf(otherId);
    constraints.withdrawBetween(
        MatchDecisions.CANNOT_LINK, kept, joining, context.decidedBy(), context.at());
    constraints.write(MatchDecisions.MUST_LINK, kept.get(0), joining.get(0), context);
    Change.Builder change = Change.builder();
    String text = linkReason("MERGE", context.reviewDecisionId(), context.reason());
    joinInto(personId, otherId, joining, kept.get(0), context, text, change);
    return change.build();
  }

  private void joinInto(
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

  private Change applyNoMatch(RecordKey left, RecordKey right, MatchDecisions.Context context) {
    constraints.withdrawBetween(
        MatchDecisions.MUST_LINK, List.of(left), List.of(right), context.decidedBy(), context.at());
    constraints.write(MatchDecisions.CANNOT_LINK, left, right, context);
    Map<RecordKey, String> personOf = links.personOf(List.of(left, right));
    String pl = personOf.get(left);
    Change.Builder change = Change.builder();
    if (pl == null || !pl.equals(personOf.get(right))) {
      return change.build();
    }
    // The two were linked: undo it now. If the right record came in with an earlier person that
    // the left one never belonged to, that person's records go back to it; otherwise the right
    // record leaves on its own.
    List<RecordKey> all = links.recordsOf(pl);
    List<RecordKey> leaving = List.of(right);
    Optional<String> back = Optional.empty();
    for (Map.Entry<String, Set<RecordKey>> e : links.earlierIds(pl).entrySet()) {
      if (e.getValue().contains(right) && !e.getValue().contains(left)) {
        leaving = all.stream().filter(e.getValue()::contains).toList();
        back = Optional.of(e.getKey());
        break;
      }
    }
    List<RecordKey> going = leaving;
    List<RecordKey> staying = all.stream().filter(r -> !going.contains(r)).toList();
    change.kept.add(pl);
    separate(
        pl,
        leaving,
        back,
        context.decidedBy(),
        linkReason("NO_MATCH", context.reviewDecisionId(), context.reason()),
        context.at(),
        change);
    change.undone = new Change.Undone(pl, staying, leaving);
    return change.build();
  }

  /** Moves records out of a person to an earlier id given back, or to a new person. */
  private void separate(
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
  private static Optional<String> earlierFor(
      Map<String, Set<RecordKey>> earlier, List<RecordKey> records) {
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

  private Optional<Outcome> active(String personId) {
    Optional<PersonLinks.Person> person = links.person(personId);
    if (person.isEmpty()) {
      return Optional.of(new Outcome.NotFound("no person " + personId));
    }
    if (person.get().retired() || links.recordsOf(personId).isEmpty()) {
      return Optional.of(new Outcome.Conflict(personId + " is retired and holds no records"));
    }
    return Optional.empty();
  }

  /** Four eyes: a child (under 18 today) or any police-held record among those involved. */
  record FourEyes(boolean child, boolean police) {
    boolean needed() {
      return child || police;
    }
  }

  private FourEyes fourEyes(Collection<RecordKey> involved, @Nullable ReviewTask task) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<RecordKey, SourceRecordView> records = sources.find(involved);
    boolean child =
        records.values().stream().anyMatch(r -> r.isChildOn(today))
            || (task != null && task.involvesChild());
    boolean police =
        involved.stream().anyMatch(r -> "police".equalsIgnoreCase(r.agency()))
            || (task != null && task.involvesPolice());
    return new FourEyes(child, police);
  }

  private List<RecordKey> withTheirPeople(List<RecordKey> records) {
    Set<RecordKey> all = new LinkedHashSet<>(records);
    for (String personId : new LinkedHashSet<>(links.personOf(records).values())) {
      all.addAll(links.recordsOf(personId));
    }
    return List.copyOf(all);
  }

  private String personEvidence(Map<String, List<RecordKey>> persons) {
    Map<String, Object> evidence = new LinkedHashMap<>();
    for (Map.Entry<String, List<RecordKey>> e : persons.entrySet()) {
      Map<String, Object> person = new LinkedHashMap<>();
      person.put("records", sources.find(e.getValue()).values());
      person.put("links", links.members(e.getKey()));
      evidence.put(e.getKey(), person);
    }
    return JSON.writeValueAsString(Map.of("persons", evidence));
  }

  private static Map<String, List<RecordKey>> orderedMap(
      String a, List<RecordKey> ra, String b, List<RecordKey> rb) {
    Map<String, List<RecordKey>> map = new LinkedHashMap<>();
    map.put(a, ra);
    map.put(b, rb);
    return map;
  }

  private static Optional<Outcome> checkReason(
      @Nullable String reason, boolean required, String what) {
    if (required && (reason == null || reason.isBlank())) {
      return Optional.of(new Outcome.Invalid(what + " needs a reason"));
    }
    if (reason != null && reason.length() > MAX_REASON) {
      return Optional.of(
          new Outcome.Invalid("the reason is longer than " + MAX_REASON + " characters"));
    }
    return Optional.empty();
  }

  private static String linkReason(String action, UUID decisionId, @Nullable String reason) {
    return action
        + " by a data steward (decision "
        + decisionId
        + ")"
        + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
  }

  private static String detail(Outcome outcome) {
    return switch (outcome) {
      case Outcome.NotFound n -> n.detail();
      case Outcome.Conflict c -> c.detail();
      default -> outcome.toString();
    };
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** PostgreSQL keeps microseconds; comparing a stored time with this one must not round. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
