package org.familyview.pipeline.clustering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.familyview.linkage.PairKey;
import org.familyview.linkage.ReviewTasks;
import org.familyview.matching.RecordKey;
import org.familyview.matching.score.LinkDecision;
import org.familyview.pipeline.matching.MatchOutput;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a run asks a steward to decide about two records: possible matches (pairs between the
 * thresholds no steward has ruled on), must-links that could not be honoured, and merges refused by
 * the size cap. {@link ReviewTasks} raises them.
 */
final class PairTasks {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PairTasks() {}

  static ReviewTasks.PairTask possibleMatch(MatchOutput.StagedPair pair) {
    String detail = pair.explanation();
    if (detail == null) {
      detail = JSON.writeValueAsString(Map.of("matchWeight", pair.matchWeight()));
    }
    return new ReviewTasks.PairTask(
        "POSSIBLE_MATCH",
        pair.left(),
        pair.right(),
        pair.matchWeight(),
        pair.matchProbability(),
        detail);
  }

  static ReviewTasks.PairTask alarm(String kind, RecordKey left, RecordKey right, String reason) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", reason);
    return new ReviewTasks.PairTask(kind, left, right, null, null, JSON.writeValueAsString(detail));
  }

  /** Review pairs not already ruled on by a steward. */
  static List<ReviewTasks.PairTask> possibleMatches(
      List<MatchOutput.StagedPair> pairs, Set<PairKey> ruledOn) {
    List<ReviewTasks.PairTask> tasks = new ArrayList<>();
    for (MatchOutput.StagedPair pair : pairs) {
      if (pair.decision() == LinkDecision.REVIEW
          && !ruledOn.contains(PairKey.of(pair.left(), pair.right()))) {
        tasks.add(possibleMatch(pair));
      }
    }
    return tasks;
  }
}
