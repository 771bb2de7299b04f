package org.familyview.generator;

import java.util.List;
import java.util.SplittableRandom;

/** Picks items in proportion to their weights: cumulative weights and a binary search. */
final class Weighted<T> {

  private final List<T> items;
  private final double[] cumulative;

  Weighted(List<T> items, double[] weights) {
    if (items.isEmpty() || items.size() != weights.length) {
      throw new IllegalArgumentException("one weight per item, at least one item");
    }
    this.items = List.copyOf(items);
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("weights must not all be zero");
    }
  }

  /** The first item whose cumulative weight exceeds a uniform draw; never a zero-weight item. */
  T pick(SplittableRandom random) {
    double target = random.nextDouble() * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > target) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return items.get(low);
  }
}
