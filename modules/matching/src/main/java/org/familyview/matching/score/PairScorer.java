package org.familyview.matching.score;

import org.familyview.matching.compare.Comparison;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.estimate.ModelParameters;
import org.familyview.matching.estimate.TermFrequencies;
import org.familyview.matching.standardise.StandardisedRecord;

/**
 * Scores a pair: the Fellegi-Sunter match weight is the prior weight plus, for each comparison,
 * log2(m/u) of the level the pair reached, with exact agreement on names and postcodes adjusted for
 * how common the value is. Thread-safe.
 */
public final class PairScorer {

  private final ModelParameters parameters;
  private final ComparisonSet comparisons;
  private final TermFrequencies frequencies;
  private final Thresholds thresholds;
  private final DecisiveRules rules;
  private final double[][] weights;
  private final double priorWeight;

  public PairScorer(
      ModelParameters parameters,
      ComparisonSet comparisons,
      TermFrequencies frequencies,
      Thresholds thresholds) {
    if (!parameters
        .comparisons()
        .equals(comparisons.comparisons().stream().map(Comparison::name).toList())) {
      throw new IllegalArgumentException(
          "model " + parameters.version() + " was trained on different comparisons");
    }
    this.parameters = parameters;
    this.comparisons = comparisons;
    this.frequencies = frequencies;
    this.thresholds = thresholds;
    this.rules = new DecisiveRules(comparisons);
    this.weights = new double[comparisons.size()][];
    for (int k = 0; k < comparisons.size(); k++) {
      weights[k] = new double[comparisons.get(k).levelCount()];
      for (int level = 0; level < weights[k].length; level++) {
        weights[k][level] = parameters.weight(k, level);
      }
    }
    this.priorWeight = parameters.priorWeight();
  }

  public ModelParameters parameters() {
    return parameters;
  }

  public ComparisonSet comparisons() {
    return comparisons;
  }

  public Thresholds thresholds() {
    return thresholds;
  }

  public double priorWeight() {
    return priorWeight;
  }

  public double levelWeight(int comparison, int level) {
    return weights[comparison][level];
  }

  /** The term-frequency adjustment a pair earns on one comparison (0 unless exact agreement). */
  public double termFrequencyAdjustment(int comparison, StandardisedRecord left, int level) {
    if (level != Comparison.EXACT || !frequencies.appliesTo(comparison)) {
      return 0;
    }
    return frequencies.adjustment(
        comparison,
        comparisons.get(comparison).termFrequencyValue(left),
        parameters.u()[comparison][Comparison.EXACT]);
  }

  /** Fills {@code levels} and returns the Bayes factor in bits: the match weight less the prior. */
  public double bayesWeight(StandardisedRecord left, StandardisedRecord right, int[] levels) {
    comparisons.compare(left, right, levels);
    double total = 0;
    for (int k = 0; k < levels.length; k++) {
      total += weights[k][levels[k]] + termFrequencyAdjustment(k, left, levels[k]);
    }
    return total;
  }

  public RuleOutcome rules(StandardisedRecord left, StandardisedRecord right, int[] levels) {
    return rules.apply(left, right, levels);
  }

  /** The full verdict on a pair. */
  public Score score(StandardisedRecord left, StandardisedRecord right) {
    int[] levels = new int[comparisons.size()];
    double weight = priorWeight + bayesWeight(left, right, levels);
    RuleOutcome rule = rules(left, right, levels);
    return new Score(levels, weight, probability(weight), decide(weight, rule), rule);
  }

  public LinkDecision decide(double matchWeight, RuleOutcome rule) {
    return switch (rule) {
      case RuleOutcome.MustLink m -> LinkDecision.LINK;
      case RuleOutcome.CannotLink c -> LinkDecision.NO_LINK;
      case RuleOutcome.NoRule n -> thresholds.decide(matchWeight);
    };
  }

  /** Converts a match weight (log2 odds) to a probability. */
  public static double probability(double matchWeight) {
    double odds = Math.pow(2, matchWeight);
    return Double.isInfinite(odds) ? 1.0 : odds / (1 + odds);
  }

  /** One pair's levels, weight, probability, decision and the rule that decided it, if any. */
  public record Score(
      int[] levels,
      double matchWeight,
      double matchProbability,
      LinkDecision decision,
      RuleOutcome rule) {}
}
