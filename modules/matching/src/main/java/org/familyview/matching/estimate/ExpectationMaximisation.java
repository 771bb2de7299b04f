package org.familyview.matching.estimate;

/**
 * Expectation-maximisation for the Fellegi-Sunter mixture on counts of agreement patterns (Winkler
 * 1988, "Using the EM algorithm for weight computation in the Fellegi-Sunter model of record
 * linkage"). Working on pattern counts rather than pairs makes each iteration cost the number of
 * distinct patterns (thousands), not the number of pairs (millions).
 *
 * <p>u is held fixed (estimated from random pairs, where it is sharper than EM can make it); m and
 * the proportion of matches are estimated. Comparisons marked inactive (those a training block
 * conditions on) are ignored and keep their m. Comparisons marked frozen take part in telling
 * matches from non-matches but keep their m: it was measured elsewhere, more reliably than this
 * block could (the date of birth among pairs sharing a valid identifier, see {@link Trainer}).
 */
final class ExpectationMaximisation {

  private static final double FLOOR = 1e-6;
  private static final double SMOOTHING = 1.0;

  private ExpectationMaximisation() {}

  /** The outcome of a run: m per comparison and level, proportion of matches, iterations. */
  record Result(double[][] m, double lambda, int iterations) {}

  /** As the full form, estimating the proportion of matches too. */
  static Result run(
      int[][] patterns,
      long[] counts,
      double[][] initialM,
      double[][] u,
      boolean[] active,
      double initialLambda,
      int maxIterations) {
    return run(patterns, counts, initialM, u, active, initialLambda, maxIterations, false);
  }

  /**
   * @param patterns levels per distinct pattern ([pattern][comparison])
   * @param counts how many pairs show each pattern
   * @param initialM starting m (not modified)
   * @param u fixed u
   * @param active which comparisons to use
   * @param fixLambda hold the proportion of matches at {@code initialLambda} and estimate m only
   */
  static Result run(
      int[][] patterns,
      long[] counts,
      double[][] initialM,
      double[][] u,
      boolean[] active,
      double initialLambda,
      int maxIterations,
      boolean fixLambda) {
    return run(
        patterns,
        counts,
        initialM,
        u,
        active,
        new boolean[u.length],
        initialLambda,
        maxIterations,
        fixLambda);
  }

  /**
   * As above; {@code frozen} comparisons are used in the expectation step but their m is not
   * re-estimated.
   */
  static Result run(
      int[][] patterns,
      long[] counts,
      double[][] initialM,
      double[][] u,
      boolean[] active,
      boolean[] frozen,
      double initialLambda,
      int maxIterations,
      boolean fixLambda) {
    int comparisons = u.length;
    double[][] m = new double[comparisons][];
    for (int k = 0; k < comparisons; k++) {
      m[k] = initialM[k].clone();
    }
    double lambda = initialLambda;
    int iteration = 0;
    for (; iteration < maxIterations; iteration++) {
      double[][] matchMass = new double[comparisons][];
      for (int k = 0; k < comparisons; k++) {
        matchMass[k] = new double[m[k].length];
      }
      double totalMatch = 0;
      double total = 0;
      for (int p = 0; p < patterns.length; p++) {
        double mass = posterior(patterns[p], m, u, active, lambda) * counts[p];
        totalMatch += mass;
        total += counts[p];
        for (int k = 0; k < comparisons; k++) {
          matchMass[k][patterns[p][k]] += mass;
        }
      }
      double change = 0;
      for (int k = 0; k < comparisons; k++) {
        if (active[k] && !frozen[k]) {
          change = maximise(m[k], matchMass[k], change);
        }
      }
      double newLambda =
          fixLambda ? lambda : Math.min(Math.max(totalMatch / total, 1e-9), 1 - 1e-9);
      change = Math.max(change, Math.abs(newLambda - lambda));
      lambda = newLambda;
      if (change < 1e-6) {
        break;
      }
    }
    return new Result(m, lambda, iteration + 1);
  }

  /** The probability that a pair showing this pattern is a match (the expectation step). */
  private static double posterior(
      int[] pattern, double[][] m, double[][] u, boolean[] active, double lambda) {
    double lm = Math.log(lambda);
    double lu = Math.log(1 - lambda);
    for (int k = 0; k < u.length; k++) {
      int level = pattern[k];
      if (active[k] && level != 0) {
        lm += Math.log(Math.max(m[k][level], FLOOR));
        lu += Math.log(Math.max(u[k][level], FLOOR));
      }
    }
    return 1 / (1 + Math.exp(lu - lm));
  }

  /**
   * Re-estimates one comparison's m from the match mass at each level (the maximisation step), in
   * place; returns the larger of {@code change} and the largest change made.
   */
  private static double maximise(double[] m, double[] matchMass, double change) {
    double nonMissing = 0;
    for (int level = 1; level < m.length; level++) {
      nonMissing += matchMass[level];
    }
    if (nonMissing <= 0) {
      return change;
    }
    int levels = m.length - 1;
    for (int level = 1; level < m.length; level++) {
      // One pair of smoothing: a level EM never saw among matches is rare, not impossible.
      double updated = (matchMass[level] + SMOOTHING) / (nonMissing + SMOOTHING * levels);
      change = Math.max(change, Math.abs(updated - m[level]));
      m[level] = updated;
    }
    return change;
  }
}
