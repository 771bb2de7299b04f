package org.familyview.matching.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyview.matching.RecordKey;
import org.familyview.matching.block.CandidatePairs;

/**
 * The share of truly matching pairs that blocking put in front of the scorer: a pair blocking
 * misses can never be linked, so this bounds recall.
 */
public final class BlockingRecall {

  private BlockingRecall() {}

  /**
   * @param keys record key by position
   * @param pairs candidate pairs, sorted (as {@link CandidatePairs} holds them)
   */
  public static double of(List<RecordKey> keys, long[] pairs, Map<RecordKey, String> truth) {
    Map<String, List<Integer>> byCluster = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      String cluster = truth.get(keys.get(i));
      if (cluster != null) {
        byCluster.computeIfAbsent(cluster, c -> new ArrayList<>()).add(i);
      }
    }
    long truePairs = 0;
    long found = 0;
    for (List<Integer> members : byCluster.values()) {
      for (int a = 0; a < members.size(); a++) {
        for (int b = a + 1; b < members.size(); b++) {
          truePairs++;
          if (java.util.Arrays.binarySearch(
                  pairs, CandidatePairs.pair(members.get(a), members.get(b)))
              >= 0) {
            found++;
          }
        }
      }
    }
    return truePairs == 0 ? 1 : (double) found / truePairs;
  }
}
