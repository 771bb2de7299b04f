package org.familyview.linktool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.familyview.matching.Linkage;
import org.familyview.matching.RecordKey;
import org.familyview.matching.ReviewQueue;
import org.familyview.matching.block.CandidatePairs;
import org.familyview.matching.score.LinkDecision;
import org.jspecify.annotations.Nullable;

/**
 * The review queue a steward would work after this run: review pairs grouped into one task per pair
 * of people ({@link ReviewQueue}), as the nightly pipeline raises them. The "review N" figure of
 * the summary stays the count of review record pairs; this adds the tasks beside it.
 */
final class ReviewTaskReport {

  private ReviewTaskReport() {}

  /** A review pair by record positions, as {@link Linkage} numbers the records. */
  record Review(int left, int right, double matchWeight) {}

  static ReviewQueue<Review> queue(Linkage linkage) {
    List<Review> reviews = new ArrayList<>();
    Map<RecordKey, String> personOf = new HashMap<>();
    for (int i = 0; i < linkage.keptPairCount(); i++) {
      if (linkage.keptPairDecision(i) == LinkDecision.REVIEW) {
        long pair = linkage.keptPairPosition(i);
        Review review =
            new Review(
                CandidatePairs.left(pair), CandidatePairs.right(pair), linkage.keptPairWeight(i));
        reviews.add(review);
        personOf.put(linkage.key(review.left()), linkage.personId(review.left()));
        personOf.put(linkage.key(review.right()), linkage.personId(review.right()));
      }
    }
    return ReviewQueue.group(
        reviews,
        r -> new ReviewQueue.Pair(linkage.key(r.left()), linkage.key(r.right()), r.matchWeight()),
        personOf::get);
  }

  /**
   * {@code review tasks (pairs of people): 7,911 (7.9 per 1,000 records); review pairs within one
   * person: 1,382}, and with truth the share of tasks whose strongest pair is one true person.
   */
  static String line(Linkage linkage, int @Nullable [] truthCluster) {
    ReviewQueue<Review> queue = queue(linkage);
    int tasks = queue.tasks().size();
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "review tasks (pairs of people): %,d (%.1f per 1,000 records);"
                    + " review pairs within one person: %,d",
                tasks,
                linkage.recordCount() == 0 ? 0.0 : tasks * 1000.0 / linkage.recordCount(),
                queue.withinOnePerson()));
    if (truthCluster != null) {
      long trueTasks = trueTasks(queue, truthCluster);
      s.append(
          String.format(
              Locale.ROOT,
              "; tasks true on truth: %,d (%.1f%%)",
              trueTasks,
              tasks == 0 ? 0.0 : trueTasks * 100.0 / tasks));
    }
    return s.append(System.lineSeparator()).toString();
  }

  /** Tasks whose strongest pair is two records of one true person. */
  static long trueTasks(ReviewQueue<Review> queue, int[] truthCluster) {
    long count = 0;
    for (ReviewQueue.Task<Review> task : queue.tasks()) {
      int left = truthCluster[task.strongest().left()];
      if (left >= 0 && left == truthCluster[task.strongest().right()]) {
        count++;
      }
    }
    return count;
  }
}
