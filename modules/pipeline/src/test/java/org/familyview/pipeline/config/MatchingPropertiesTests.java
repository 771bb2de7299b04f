package org.familyview.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.block.BlockingConfig;
import org.familyview.matching.cluster.ClusterPolicy;
import org.familyview.matching.estimate.TrainingConfig;
import org.familyview.matching.score.Thresholds;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** familyview.matching.* bound, validated and mapped to the library's one MatchingConfig bean. */
class MatchingPropertiesTests {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(MatchingConfiguration.class);

  @Test
  void withNothingConfiguredTheBeanIsTheLibrarysStandardConfiguration() {
    context.run(
        c -> {
          assertThat(c).hasNotFailed();
          assertThat(c.getBean(MatchingConfig.class)).isEqualTo(MatchingConfig.standard());
        });
  }

  @Test
  void eachConfiguredValueIsMappedAndTheRestKeepTheirDefaults() {
    context
        .withPropertyValues(
            "familyview.matching.thresholds.auto-link=2.5",
            "familyview.matching.blocking.rules=date_of_birth+initial,forename+surname_phonetic",
            "familyview.matching.blocking.max-block-size=99",
            "familyview.matching.clustering.max-cluster-size=30",
            "familyview.matching.training.seed=7")
        .run(
            c -> {
              MatchingConfig standard = MatchingConfig.standard();
              MatchingConfig config = c.getBean(MatchingConfig.class);
              assertThat(config.thresholds())
                  .isEqualTo(new Thresholds(2.5, standard.thresholds().review()));
              assertThat(config.blocking())
                  .isEqualTo(
                      new BlockingConfig(
                          List.of("date_of_birth+initial", "forename+surname_phonetic"), 99));
              assertThat(config.clustering())
                  .isEqualTo(new ClusterPolicy(30, standard.clustering().bridgeWeight()));
              TrainingConfig training = standard.training();
              assertThat(config.training())
                  .isEqualTo(
                      new TrainingConfig(
                          training.randomPairs(),
                          training.trainingRecords(),
                          training.maxBlockSize(),
                          training.maxIterations(),
                          7L));
            });
  }

  @Test
  void everyInvalidValueIsReportedAtStartUpAtOnce() {
    context
        .withPropertyValues(
            "familyview.matching.thresholds.auto-link=2.0",
            "familyview.matching.thresholds.review=3.0",
            "familyview.matching.blocking.rules=date_of_birth+initial,no_such_rule",
            "familyview.matching.blocking.max-block-size=1",
            "familyview.matching.clustering.max-cluster-size=0",
            "familyview.matching.training.random-pairs=0")
        .run(
            c -> {
              assertThat(c).hasFailed();
              assertThat(allMessages(c.getStartupFailure()))
                  .contains(
                      "familyview.matching.thresholds.reviewAtMostAutoLink",
                      "review must not be above auto-link",
                      "familyview.matching.blocking.everyRuleKnown",
                      "rules must name known blocking rules",
                      "familyview.matching.blocking.maxBlockSize",
                      "familyview.matching.clustering.maxClusterSize",
                      "familyview.matching.training.randomPairs");
            });
  }

  @Test
  void aReviewThresholdAboveTheDefaultAutoLinkIsRefused() {
    context
        .withPropertyValues("familyview.matching.thresholds.review=1.5")
        .run(
            c -> {
              assertThat(c).hasFailed();
              assertThat(allMessages(c.getStartupFailure()))
                  .contains("review must not be above auto-link");
            });
  }

  private static String allMessages(Throwable failure) {
    StringBuilder s = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      s.append(t.getMessage()).append('\n');
    }
    return s.toString();
  }
}
