package org.familyview.matching.estimate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyview.matching.compare.Comparison;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * How common each name and postcode is in the population. Agreeing on a rare value is stronger
 * evidence than agreeing on a common one, so exact agreement's u is replaced by the value's own
 * frequency (the term-frequency adjustment of Winkler's work, as Splink applies it).
 */
public final class TermFrequencies {

  /** Adjustments are bounded: a value seen once tells us about typing, not about rarity alone. */
  private static final double MAX_ADJUSTMENT = 6.0;

  /**
   * For comparisons whose adjustment only weakens: how many records of one person may share a value
   * before it counts as common (a person is typically held by a couple of agencies).
   */
  static final double RECORDS_PER_PERSON = 2.0;

  private final Map<String, Integer>[] counts;
  private final long[] totals;
  private final boolean[] onlyWeakens;

  private TermFrequencies(Map<String, Integer>[] counts, long[] totals, boolean[] onlyWeakens) {
    this.counts = counts;
    this.totals = totals;
    this.onlyWeakens = onlyWeakens;
  }

  @SuppressWarnings("unchecked")
  public static TermFrequencies of(ComparisonSet comparisons, List<StandardisedRecord> records) {
    Map<String, Integer>[] counts = new Map[comparisons.size()];
    long[] totals = new long[comparisons.size()];
    // One comparison per thread: the counts of each are independent of the others.
    java.util.stream.IntStream.range(0, comparisons.size())
        .parallel()
        .forEach(
            k -> {
              Comparison c = comparisons.get(k);
              Map<String, Integer> map = new HashMap<>();
              long total = 0;
              for (StandardisedRecord r : records) {
                String v = c.termFrequencyValue(r);
                if (v != null) {
                  map.merge(v, 1, Integer::sum);
                  total++;
                }
              }
              counts[k] = total == 0 ? null : map;
              totals[k] = total;
            });
    boolean[] onlyWeakens = new boolean[comparisons.size()];
    for (int k = 0; k < onlyWeakens.length; k++) {
      onlyWeakens[k] = comparisons.get(k).termFrequencyOnlyWeakens();
    }
    return new TermFrequencies(counts, totals, onlyWeakens);
  }

  /**
   * The change to exact agreement's weight for this value: log2(u_exact / frequency(value)),
   * bounded to +/- 6 bits; 0 for comparisons without term frequencies.
   */
  public double adjustment(int comparison, @Nullable String value, double uExact) {
    Map<String, Integer> map = counts[comparison];
    if (map == null || value == null) {
      return 0;
    }
    int count = Math.max(2, map.getOrDefault(value, 2));
    double frequency = (double) count / totals[comparison];
    if (onlyWeakens[comparison]) {
      return Math.max(
          -MAX_ADJUSTMENT,
          Math.min(0, ModelParameters.log2(uExact * RECORDS_PER_PERSON / frequency)));
    }
    double adjustment = ModelParameters.log2(uExact / frequency);
    return Math.max(-MAX_ADJUSTMENT, Math.min(MAX_ADJUSTMENT, adjustment));
  }

  public boolean appliesTo(int comparison) {
    return counts[comparison] != null;
  }
}
