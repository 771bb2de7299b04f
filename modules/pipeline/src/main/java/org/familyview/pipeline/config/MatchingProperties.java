package org.familyview.pipeline.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.block.BlockingConfig;
import org.familyview.matching.block.BlockingRules;
import org.familyview.matching.cluster.ClusterPolicy;
import org.familyview.matching.estimate.TrainingConfig;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The matcher's configuration, {@code familyview.matching.*}: what an authority may tune without a
 * rebuild. Every value is optional; one left out keeps the library's default ({@link
 * MatchingConfig#standard()}), so the defaults live in one place and an empty configuration links
 * exactly as the offline {@code link} command does. Every invalid value is reported at start-up,
 * all at once, and the application does not start.
 *
 * @param thresholds the match weights at which a pair links or goes to review
 * @param blocking which blocking rules propose candidate pairs, and the largest block expanded
 * @param clustering the safeguards on clustering (largest person, weak-bridge cut)
 * @param training how much data training a new model looks at
 */
@Validated
@ConfigurationProperties("familyview.matching")
public record MatchingProperties(
    @DefaultValue @NotNull @Valid Thresholds thresholds,
    @DefaultValue @NotNull @Valid Blocking blocking,
    @DefaultValue @NotNull @Valid Clustering clustering,
    @DefaultValue @NotNull @Valid Training training) {

  /** The library's plain configuration these properties stand for. */
  public MatchingConfig toConfig() {
    MatchingConfig standard = MatchingConfig.standard();
    return new MatchingConfig(
        thresholds.toThresholds(standard.thresholds()),
        blocking.toBlocking(standard.blocking()),
        clustering.toPolicy(standard.clustering()),
        training.toTraining(standard.training()));
  }

  /**
   * @param autoLink the match weight at or above which a pair links automatically (default 1.2)
   * @param review the match weight at or above which a pair becomes a review task (default 0.0);
   *     not above {@code autoLink}
   */
  public record Thresholds(@Nullable Double autoLink, @Nullable Double review) {

    @AssertTrue(message = "review must not be above auto-link (with defaults 1.2 and 0.0)")
    boolean isReviewAtMostAutoLink() {
      var standard = org.familyview.matching.score.Thresholds.standard();
      double link = autoLink != null ? autoLink : standard.autoLink();
      double low = review != null ? review : standard.review();
      return low <= link;
    }

    org.familyview.matching.score.Thresholds toThresholds(
        org.familyview.matching.score.Thresholds standard) {
      return new org.familyview.matching.score.Thresholds(
          autoLink != null ? autoLink : standard.autoLink(),
          review != null ? review : standard.review());
    }
  }

  /**
   * @param rules the blocking rules to run, by name (default: all of them, see docs/matching.md)
   * @param maxBlockSize blocks bigger than this are skipped and counted (default 150), at least 2
   */
  public record Blocking(@Nullable List<String> rules, @Nullable @Min(2) Integer maxBlockSize) {

    @AssertTrue(
        message = "rules must name known blocking rules, at least one (see docs/matching.md)")
    boolean isEveryRuleKnown() {
      return rules == null
          || (!rules.isEmpty() && BlockingRules.standardNames().containsAll(rules));
    }

    BlockingConfig toBlocking(BlockingConfig standard) {
      return new BlockingConfig(
          rules != null ? rules : standard.rules(),
          maxBlockSize != null ? maxBlockSize : standard.maxBlockSize());
    }
  }

  /**
   * @param maxClusterSize a person never grows beyond this many records (default 60), at least 2
   * @param bridgeWeight a lone link weaker than this between two groups is cut (default 16.0)
   */
  public record Clustering(
      @Nullable @Min(2) Integer maxClusterSize, @Nullable @DecimalMin("0.0") Double bridgeWeight) {

    ClusterPolicy toPolicy(ClusterPolicy standard) {
      return new ClusterPolicy(
          maxClusterSize != null ? maxClusterSize : standard.maxClusterSize(),
          bridgeWeight != null ? bridgeWeight : standard.bridgeWeight());
    }
  }

  /**
   * @param randomPairs random pairs drawn to estimate u (default 400,000)
   * @param trainingRecords roughly how many records' blocks feed EM (default 150,000)
   * @param maxBlockSize training blocks bigger than this are skipped (default 200)
   * @param maxIterations EM iterations per training block rule (default 100)
   * @param seed the random seed, so that training is repeatable (default 20261121)
   */
  public record Training(
      @Nullable @Min(1) Integer randomPairs,
      @Nullable @Min(1) Integer trainingRecords,
      @Nullable @Min(2) Integer maxBlockSize,
      @Nullable @Min(1) Integer maxIterations,
      @Nullable Long seed) {

    TrainingConfig toTraining(TrainingConfig standard) {
      return new TrainingConfig(
          randomPairs != null ? randomPairs : standard.randomPairs(),
          trainingRecords != null ? trainingRecords : standard.trainingRecords(),
          maxBlockSize != null ? maxBlockSize : standard.maxBlockSize(),
          maxIterations != null ? maxIterations : standard.maxIterations(),
          seed != null ? seed : standard.seed());
    }
  }
}
