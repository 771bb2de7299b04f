package org.familyview.matching.evaluate;

import java.util.HashMap;
import java.util.Map;
import org.familyview.matching.RecordKey;

/**
 * Linkage quality against labelled truth. Pairwise: over all pairs of records placed in one person,
 * how many are truly one person (precision) and how many true pairs were found (recall). B-cubed
 * (Bagga and Baldwin 1998): the same per record, averaged, so large clusters do not dominate. Only
 * records present in both are scored.
 */
public record LinkageMetrics(
    long records,
    long predictedPairs,
    long truePairs,
    long correctPairs,
    double pairwisePrecision,
    double pairwiseRecall,
    double pairwiseF1,
    double bcubedPrecision,
    double bcubedRecall,
    double bcubedF1) {

  public static LinkageMetrics of(Map<RecordKey, String> predicted, Map<RecordKey, String> truth) {
    Map<String, Integer> predictedSize = new HashMap<>();
    Map<String, Integer> trueSize = new HashMap<>();
    Map<String, Integer> bothSize = new HashMap<>();
    long records = 0;
    for (Map.Entry<RecordKey, String> e : predicted.entrySet()) {
      String t = truth.get(e.getKey());
      if (t == null) {
        continue;
      }
      records++;
      predictedSize.merge(e.getValue(), 1, Integer::sum);
      trueSize.merge(t, 1, Integer::sum);
      bothSize.merge(e.getValue() + "\u0000" + t, 1, Integer::sum);
    }
    long predictedPairs = pairs(predictedSize);
    long truePairs = pairs(trueSize);
    long correct = pairs(bothSize);
    double bPrecision = 0;
    double bRecall = 0;
    for (Map.Entry<RecordKey, String> e : predicted.entrySet()) {
      String t = truth.get(e.getKey());
      if (t == null) {
        continue;
      }
      int both = bothSize.get(e.getValue() + "\u0000" + t);
      bPrecision += (double) both / predictedSize.get(e.getValue());
      bRecall += (double) both / trueSize.get(t);
    }
    return scored(records, predictedPairs, truePairs, correct, bPrecision, bRecall);
  }

  /**
   * As {@link #of(Map, Map)} with both clusterings given as a cluster number per record position
   * (truth -1 where it has no entry). Counts are the same; B-cubed sums may differ in the last
   * bits, being added in another order.
   */
  public static LinkageMetrics of(int[] predicted, int[] truth) {
    if (predicted.length != truth.length) {
      throw new IllegalArgumentException("predicted and truth differ in length");
    }
    int maxPredicted = 0;
    int maxTruth = 0;
    for (int i = 0; i < predicted.length; i++) {
      maxPredicted = Math.max(maxPredicted, predicted[i]);
      maxTruth = Math.max(maxTruth, truth[i]);
    }
    long[] predictedSize = new long[maxPredicted + 1];
    long[] trueSize = new long[maxTruth + 1];
    int records = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (truth[i] >= 0) {
        records++;
        predictedSize[predicted[i]]++;
        trueSize[truth[i]]++;
      }
    }
    long[] both = new long[records];
    int j = 0;
    for (int i = 0; i < predicted.length; i++) {
      if (truth[i] >= 0) {
        both[j++] = ((long) predicted[i] << 32) | truth[i];
      }
    }
    java.util.Arrays.parallelSort(both);
    long correct = 0;
    double bPrecision = 0;
    double bRecall = 0;
    int start = 0;
    for (int i = 1; i <= both.length; i++) {
      if (i == both.length || both[i] != both[start]) {
        long size = i - start;
        correct += size * (size - 1) / 2;
        bPrecision += (double) size * size / predictedSize[(int) (both[start] >>> 32)];
        bRecall += (double) size * size / trueSize[(int) both[start]];
        start = i;
      }
    }
    long predictedPairs = 0;
    for (long size : predictedSize) {
      predictedPairs += size * (size - 1) / 2;
    }
    long truePairs = 0;
    for (long size : trueSize) {
      truePairs += size * (size - 1) / 2;
    }
    return scored(records, predictedPairs, truePairs, correct, bPrecision, bRecall);
  }

  /** The ratios from the counts; B-cubed arrives as sums over records, averaged here. */
  private static LinkageMetrics scored(
      long records,
      long predictedPairs,
      long truePairs,
      long correct,
      double bPrecisionSum,
      double bRecallSum) {
    double precision = predictedPairs == 0 ? 1 : (double) correct / predictedPairs;
    double recall = truePairs == 0 ? 1 : (double) correct / truePairs;
    double bPrecision = records == 0 ? 1 : bPrecisionSum / records;
    double bRecall = records == 0 ? 1 : bRecallSum / records;
    return new LinkageMetrics(
        records,
        predictedPairs,
        truePairs,
        correct,
        precision,
        recall,
        f1(precision, recall),
        bPrecision,
        bRecall,
        f1(bPrecision, bRecall));
  }

  private static long pairs(Map<String, Integer> sizes) {
    long total = 0;
    for (int size : sizes.values()) {
      total += (long) size * (size - 1) / 2;
    }
    return total;
  }

  private static double f1(double precision, double recall) {
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  public String toText() {
    return String.format(
        "pairwise  precision %.4f  recall %.4f  F1 %.4f  (%d predicted pairs, %d true, %d correct)%n"
            + "B-cubed   precision %.4f  recall %.4f  F1 %.4f  (%d records)%n",
        pairwisePrecision,
        pairwiseRecall,
        pairwiseF1,
        predictedPairs,
        truePairs,
        correctPairs,
        bcubedPrecision,
        bcubedRecall,
        bcubedF1,
        records);
  }
}
