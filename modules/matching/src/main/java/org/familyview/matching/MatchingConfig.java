package org.familyview.matching;

import org.familyview.matching.block.BlockingConfig;
import org.familyview.matching.cluster.ClusterPolicy;
import org.familyview.matching.estimate.TrainingConfig;
import org.familyview.matching.score.Thresholds;

/**
 * Everything tunable about a matching run, as plain records, so the Spring pipeline can map it from
 * {@code @ConfigurationProperties} and the offline command can use the same defaults.
 */
public record MatchingConfig(
    Thresholds thresholds,
    BlockingConfig blocking,
    ClusterPolicy clustering,
    TrainingConfig training) {

  public static MatchingConfig standard() {
    return new MatchingConfig(
        Thresholds.standard(),
        BlockingConfig.standard(),
        ClusterPolicy.standard(),
        TrainingConfig.standard());
  }

  public MatchingConfig withThresholds(Thresholds value) {
    return new MatchingConfig(value, blocking, clustering, training);
  }
}
