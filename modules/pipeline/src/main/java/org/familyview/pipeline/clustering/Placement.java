package org.familyview.pipeline.clustering;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.familyview.linkage.PairKey;
import org.familyview.matching.RecordKey;
import org.familyview.matching.cluster.Clustering;
import org.familyview.matching.score.PairScorer;
import org.familyview.pipeline.matching.MatchOutput;
import org.jspecify.annotations.Nullable;

/**
 * Where one record goes and the link that put it there: the first record of a person (by record
 * key) is SOLE; every other record names the record it was joined to, walking the clustering's
 * joins outwards from the first, with how (a steward's decision, an identifier rule, or a
 * probabilistic match and its probability). A steward's link names the steward who decided it.
 */
record Placement(
    int cluster,
    String linkType,
    @Nullable RecordKey linkedTo,
    @Nullable Double matchWeight,
    @Nullable Double matchProbability,
    @Nullable String reason,
    @Nullable String decidedBy) {

  static final String SOLE = "SOLE";
  static final String IDENTIFIER = "IDENTIFIER";
  static final String PROBABILISTIC = "PROBABILISTIC";
  static final String MANUAL = "MANUAL";

  /** The reason the clustering gives a steward's must-link, as the matcher names it. */
  static final String STEWARD_SAME = "steward decision: the same person";

  static final String STEWARD_APART = "steward decision: not the same person";

  static Placement[] of(
      List<RecordKey> keys,
      Clustering clustering,
      Map<PairKey, MatchOutput.StagedPair> staged,
      Map<PairKey, String> deciders) {
    int n = keys.size();
    List<List<int[]>> adjacency = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      adjacency.add(new ArrayList<>());
    }
    List<Clustering.Join> joins = clustering.joins();
    for (int j = 0; j < joins.size(); j++) {
      adjacency.get(joins.get(j).left()).add(new int[] {joins.get(j).right(), j});
      adjacency.get(joins.get(j).right()).add(new int[] {joins.get(j).left(), j});
    }
    int[] root = new int[clustering.clusters()];
    java.util.Arrays.fill(root, -1);
    // Records come in key order, so the first seen of each cluster is its lowest key.
    for (int i = 0; i < n; i++) {
      int c = clustering.clusterOf()[i];
      if (root[c] < 0) {
        root[c] = i;
      }
    }
    Placement[] placements = new Placement[n];
    Deque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < root.length; c++) {
      placements[root[c]] = new Placement(c, SOLE, null, null, null, null, null);
      queue.add(root[c]);
      while (!queue.isEmpty()) {
        int at = queue.poll();
        for (int[] next : adjacency.get(at)) {
          if (placements[next[0]] == null) {
            placements[next[0]] =
                joined(c, keys.get(at), joins.get(next[1]), staged, deciders, keys.get(next[0]));
            queue.add(next[0]);
          }
        }
      }
    }
    return placements;
  }

  private static Placement joined(
      int cluster,
      RecordKey to,
      Clustering.Join join,
      Map<PairKey, MatchOutput.StagedPair> staged,
      Map<PairKey, String> deciders,
      RecordKey self) {
    MatchOutput.StagedPair pair = staged.get(PairKey.of(to, self));
    if (Double.isInfinite(join.matchWeight())) {
      if (STEWARD_SAME.equals(join.reason())) {
        return new Placement(
            cluster, MANUAL, to, null, null, join.reason(), deciders.get(PairKey.of(to, self)));
      }
      return new Placement(
          cluster,
          IDENTIFIER,
          to,
          pair == null ? null : pair.matchWeight(),
          pair == null ? null : pair.matchProbability(),
          join.reason(),
          null);
    }
    return new Placement(
        cluster,
        PROBABILISTIC,
        to,
        join.matchWeight(),
        PairScorer.probability(join.matchWeight()),
        join.reason(),
        null);
  }
}
