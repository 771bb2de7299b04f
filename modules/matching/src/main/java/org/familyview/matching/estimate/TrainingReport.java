package org.familyview.matching.estimate;

import java.util.List;

/**
 * What a training run found: the parameters, and for each training block rule how many pairs EM
 * saw, the share it judged to be matches and how many iterations it took.
 */
public record TrainingReport(ModelParameters parameters, long randomPairs, List<RuleRun> runs) {

  public TrainingReport {
    runs = List.copyOf(runs);
  }

  /** One EM run on the pairs of one training block rule. */
  public record RuleRun(
      String rule, List<String> conditionedOn, long pairs, double matchShare, int iterations) {}
}
