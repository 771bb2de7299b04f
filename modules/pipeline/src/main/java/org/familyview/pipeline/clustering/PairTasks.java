package org.familyview.pipeline.clustering;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.familyview.linkage.PairKey;
import org.familyview.linkage.ReviewTasks;
import org.familyview.matching.RecordKey;
import org.familyview.matching.ReviewQueue;
import org.familyview.matching.score.LinkDecision;
import org.familyview.pipeline.matching.MatchOutput;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a run asks a steward to decide: possible matches (one task per pair of PEOPLE with review
 * pairs between them that no steward has ruled on), must-links that could not be honoured, and
 * merges refused by the size cap. {@link ReviewTasks} raises them.
 *
 * <p>A steward decides whether two people are one, not each record pair: review pairs are grouped
 * by the people their records are in after clustering ({@link ReviewQueue}); pairs already inside
 * one person are no task (other links joined them); each task names its strongest pair and lists
 * the others in its detail ({@code otherPairs}). Two people are ruled on when a steward has ruled
 * on ANY record pair between them, else the next-strongest pair would come back as a new task the
 * night after a steward said "not the same"; and two people an open task is already about get no
 * second one under another record pair.
 */
final class PairTasks {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PairTasks() {}

  /**
   * The possible-match tasks of a run, and what grouping made of its review pairs.
   *
   * @param reviewPairs the run's review record pairs
   * @param withinOnePerson of those, pairs whose two records are in one person
   * @param pairsOfPeople pairs of people with review pairs between them
   * @param settled of those, pairs of people ruled on or with a task open already
   */
  record PossibleMatches(
      List<ReviewTasks.PairTask> tasks,
      int reviewPairs,
      long withinOnePerson,
      int pairsOfPeople,
      int settled) {}

  /**
   * One task per pair of people between whom there are review pairs, unless a steward has ruled on
   * a record pair between them ({@code ruledOn}) or an open task is about them ({@code openTasks},
   * each task's records).
   */
  static PossibleMatches possibleMatches(
      List<MatchOutput.StagedPair> pairs,
      Set<PairKey> ruledOn,
      Collection<List<RecordKey>> openTasks,
      Function<RecordKey, @Nullable String> personOf) {
    List<MatchOutput.StagedPair> review =
        pairs.stream().filter(p -> p.decision() == LinkDecision.REVIEW).toList();
    ReviewQueue<MatchOutput.StagedPair> queue =
        ReviewQueue.group(review, PairTasks::view, personOf);
    Set<List<String>> settled = new HashSet<>();
    for (PairKey ruled : ruledOn) {
      addPeople(settled, List.of(ruled.low(), ruled.high()), personOf);
    }
    for (List<RecordKey> open : openTasks) {
      addPeople(settled, open, personOf);
    }
    List<ReviewTasks.PairTask> tasks = new ArrayList<>();
    int skipped = 0;
    for (ReviewQueue.Task<MatchOutput.StagedPair> task : queue.tasks()) {
      if (settled.contains(List.of(task.lowPerson(), task.highPerson()))) {
        skipped++;
      } else {
        tasks.add(possibleMatch(task));
      }
    }
    return new PossibleMatches(
        tasks, review.size(), queue.withinOnePerson(), queue.tasks().size(), skipped);
  }

  private static ReviewQueue.Pair view(MatchOutput.StagedPair pair) {
    return new ReviewQueue.Pair(pair.left(), pair.right(), pair.matchWeight());
  }

  /** The two people records name, lower id first, when there are two (a two-record task). */
  private static void addPeople(
      Set<List<String>> people,
      List<RecordKey> records,
      Function<RecordKey, @Nullable String> personOf) {
    if (records.size() != 2) {
      return;
    }
    String a = personOf.apply(records.get(0));
    String b = personOf.apply(records.get(1));
    if (a == null || b == null || a.equals(b)) {
      return;
    }
    people.add(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a));
  }

  /** The strongest pair as the task's records; its waterfall and the other pairs as detail. */
  static ReviewTasks.PairTask possibleMatch(ReviewQueue.Task<MatchOutput.StagedPair> task) {
    MatchOutput.StagedPair pair = task.strongest();
    ObjectNode detail = detail(pair);
    ArrayNode others = detail.putArray("otherPairs");
    for (MatchOutput.StagedPair other : task.others()) {
      ObjectNode o = others.addObject();
      o.set("left", record(other.left()));
      o.set("right", record(other.right()));
      o.put("matchWeight", other.matchWeight());
      o.put("matchProbability", other.matchProbability());
    }
    return new ReviewTasks.PairTask(
        "POSSIBLE_MATCH",
        pair.left(),
        pair.right(),
        pair.matchWeight(),
        pair.matchProbability(),
        JSON.writeValueAsString(detail));
  }

  /** The pair's waterfall as the matching step kept it (or just its weight). */
  private static ObjectNode detail(MatchOutput.StagedPair pair) {
    ObjectNode detail = JSON.createObjectNode();
    if (pair.explanation() == null) {
      detail.put("matchWeight", pair.matchWeight());
      return detail;
    }
    JsonNode explanation = JSON.readTree(pair.explanation());
    if (explanation instanceof ObjectNode object) {
      return object;
    }
    detail.set("explanation", explanation);
    return detail;
  }

  private static ObjectNode record(RecordKey key) {
    ObjectNode node = JSON.createObjectNode();
    node.put("agency", key.agency());
    node.put("recordId", key.recordId());
    return node;
  }

  static ReviewTasks.PairTask alarm(String kind, RecordKey left, RecordKey right, String reason) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", reason);
    return new ReviewTasks.PairTask(kind, left, right, null, null, JSON.writeValueAsString(detail));
  }
}
