package org.familyview.matching.estimate;

/**
 * Refines the prior (the chance that two random records are the same person) on the candidate pairs
 * of the population being linked, because it depends on that population's size and duplication. A
 * fixed point of "expected matches = sum of posteriors", with the Bayes factors of the candidates
 * held fixed; pairs outside the blocks are taken to be non-matches.
 */
public final class PriorEstimator {

  private PriorEstimator() {}

  /**
   * @param bayesWeights log2 Bayes factor of every candidate pair (match weight without prior)
   * @param records number of records in the population
   * @param start starting prior, usually the trained one
   */
  public static double estimate(float[] bayesWeights, long records, double start) {
    // A histogram of weights in 1/64-bit bins makes each iteration cost thousands, not millions.
    int bins = 200 * 64;
    long[] histogram = new long[bins];
    for (float w : bayesWeights) {
      histogram[bin(w, bins)]++;
    }
    double totalPairs = (double) records * (records - 1) / 2;
    double prior = Math.max(start, 1e-12);
    for (int iteration = 0; iteration < 200; iteration++) {
      double priorOdds = prior / (1 - prior);
      double expected = 0;
      for (int b = 0; b < bins; b++) {
        if (histogram[b] > 0) {
          double odds = priorOdds * Math.pow(2, (b + 0.5) / 64 - 100);
          expected += histogram[b] * odds / (1 + odds);
        }
      }
      double next = Math.min(0.5, Math.max(1e-12, expected / totalPairs));
      if (Math.abs(next - prior) < prior * 1e-5) {
        return next;
      }
      prior = next;
    }
    return prior;
  }

  private static int bin(float weight, int bins) {
    int b = (int) Math.floor((weight + 100) * 64);
    return Math.max(0, Math.min(bins - 1, b));
  }
}
