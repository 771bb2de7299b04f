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
    double precision = predictedPairs == 0 ? 1 : (double) correct / predictedPairs;
    double recall = truePairs == 0 ? 1 : (double) correct / truePairs;
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
    bPrecision = records == 0 ? 1 : bPrecision / records;
    bRecall = records == 0 ? 1 : bRecall / records;
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
