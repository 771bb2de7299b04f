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

  /**
   * As {@link #of(List, long[], Map)} with the truth given as a cluster number per record position
   * (-1 where the truth has no entry): no maps, so it takes a fraction of a second at a million.
   */
  public static double of(int[] truthCluster, long[] pairs) {
    return of(
        truthCluster,
        (a, b) -> java.util.Arrays.binarySearch(pairs, CandidatePairs.pair(a, b)) >= 0);
  }

  /** Whether blocking proposed the pair of two record positions. */
  @FunctionalInterface
  public interface Candidates {
    boolean contains(int left, int right);
  }

  /**
   * As {@link #of(int[], long[])} with the candidates given as a test rather than an array (a run
   * streams its candidates and does not hold them; the blocking index answers the test).
   */
  public static double of(int[] truthCluster, Candidates candidates) {
    int[] members = positionsByCluster(truthCluster);
    long truePairs = 0;
    long found = 0;
    int start = 0;
    for (int i = 1; i <= members.length; i++) {
      if (i == members.length || truthCluster[members[i]] != truthCluster[members[start]]) {
        for (int a = start; a < i; a++) {
          for (int b = a + 1; b < i; b++) {
            truePairs++;
            if (candidates.contains(
                Math.min(members[a], members[b]), Math.max(members[a], members[b]))) {
              found++;
            }
          }
        }
        start = i;
      }
    }
    return truePairs == 0 ? 1 : (double) found / truePairs;
  }

  /** Positions with a truth cluster, grouped by cluster (in position order within one). */
  static int[] positionsByCluster(int[] cluster) {
    int count = 0;
    for (int c : cluster) {
      if (c >= 0) {
        count++;
      }
    }
    long[] packed = new long[count];
    int j = 0;
    for (int i = 0; i < cluster.length; i++) {
      if (cluster[i] >= 0) {
        packed[j++] = ((long) cluster[i] << 32) | i;
      }
    }
    java.util.Arrays.parallelSort(packed);
    int[] positions = new int[count];
    for (int i = 0; i < count; i++) {
      positions[i] = (int) packed[i];
    }
    return positions;
  }
}
