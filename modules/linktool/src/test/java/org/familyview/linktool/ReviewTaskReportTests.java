package org.familyview.linktool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.familyview.matching.Constraints;
import org.familyview.matching.Linkage;
import org.familyview.matching.Linker;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.Progress;
import org.familyview.matching.ReviewQueue;
import org.familyview.matching.score.LinkDecision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewTaskReportTests {

  private SyntheticPopulation population;
  private Linkage linkage;

  @BeforeAll
  void link() {
    // Heavily corrupted records, so that the run has uncertain pairs to review.
    population = SyntheticPopulation.generate(7, 3.0, 3000);
    linkage =
        new Linker(MatchingConfig.standard())
            .link(population.records(), null, Constraints.NONE, Progress.SILENT);
  }

  @Test
  void everyReviewPairIsInOneTaskOrInsideOnePerson() {
    ReviewQueue<ReviewTaskReport.Review> queue = ReviewTaskReport.queue(linkage);

    long reviewPairs = linkage.count(LinkDecision.REVIEW);
    assertThat(reviewPairs).as("the corrupted world has review pairs").isPositive();
    long grouped =
        queue.tasks().stream().mapToLong(ReviewQueue.Task::pairCount).sum()
            + queue.withinOnePerson();
    assertThat(grouped).isEqualTo(reviewPairs);
    Set<String> pairsOfPeople = new HashSet<>();
    for (ReviewQueue.Task<ReviewTaskReport.Review> task : queue.tasks()) {
      assertThat(task.lowPerson()).isLessThan(task.highPerson());
      assertThat(pairsOfPeople.add(task.lowPerson() + "|" + task.highPerson()))
          .as("one task per pair of people")
          .isTrue();
      for (ReviewTaskReport.Review r : task.others()) {
        assertThat(r.matchWeight()).isLessThanOrEqualTo(task.strongest().matchWeight());
        assertThat(Set.of(linkage.personId(r.left()), linkage.personId(r.right())))
            .containsExactlyInAnyOrder(task.lowPerson(), task.highPerson());
      }
    }
  }

  @Test
  void theLineCountsTasksPerThousandRecordsAndWithTruthTheTrueShare() {
    ReviewQueue<ReviewTaskReport.Review> queue = ReviewTaskReport.queue(linkage);
    int[] truth =
        LinkCommand.truthClusters(linkage.recordCount(), linkage::key, population.truth());
    long trueTasks = 0;
    for (ReviewQueue.Task<ReviewTaskReport.Review> task : queue.tasks()) {
      String left = population.truth().get(linkage.key(task.strongest().left()));
      String right = population.truth().get(linkage.key(task.strongest().right()));
      if (left.equals(right)) {
        trueTasks++;
      }
    }
    int tasks = queue.tasks().size();

    String line = ReviewTaskReport.line(linkage, truth);

    assertThat(line)
        .startsWith(
            String.format(
                java.util.Locale.ROOT,
                "review tasks (pairs of people): %,d (%.1f per 1,000 records);"
                    + " review pairs within one person: %,d; tasks true on truth: %,d (%.1f%%)",
                tasks,
                tasks * 1000.0 / linkage.recordCount(),
                queue.withinOnePerson(),
                trueTasks,
                trueTasks * 100.0 / tasks));
    assertThat(ReviewTaskReport.line(linkage, null)).doesNotContain("truth");
  }
}
