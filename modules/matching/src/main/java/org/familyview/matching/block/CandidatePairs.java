package org.familyview.matching.block;

import java.util.List;

/**
 * The union of the blocking rules' pairs, each pair once, as {@code (left << 32) | right} with
 * {@code left < right} record positions, sorted. Per-rule counts are before de-duplication.
 */
public record CandidatePairs(long[] pairs, List<RuleCount> rules) {

  /** How many pairs one rule proposed and how many of its blocks were too big to expand. */
  public record RuleCount(String rule, long pairs, long oversizedBlocks, long recordsInOversized) {}

  /** What streaming the pairs found: each rule's counts and the number of distinct pairs. */
  public record Summary(List<RuleCount> rules, long pairs) {

    public Summary {
      rules = List.copyOf(rules);
    }
  }

  public int size() {
    return pairs.length;
  }

  public static int left(long pair) {
    return (int) (pair >>> 32);
  }

  public static int right(long pair) {
    return (int) pair;
  }

  public static long pair(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }
}
