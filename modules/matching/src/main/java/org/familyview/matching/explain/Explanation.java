package org.familyview.matching.explain;

import java.util.List;
import org.familyview.matching.RecordKey;
import org.familyview.matching.score.LinkDecision;

/**
 * Why a pair scored as it did: the prior, then each comparison's contribution and adjustment, in
 * the order they add up to the match weight (a waterfall). Kept with the decision and the model
 * version that made it, so a steward can see exactly what the matcher saw.
 */
public record Explanation(
    RecordKey left,
    RecordKey right,
    String modelVersion,
    double priorWeight,
    List<Contribution> contributions,
    double matchWeight,
    double matchProbability,
    LinkDecision decision,
    String rule) {

  public Explanation {
    contributions = List.copyOf(contributions);
  }

  /** One comparison's part: the level reached, its log2(m/u), and the term-frequency adjustment. */
  public record Contribution(
      String comparison,
      int level,
      String levelDescription,
      double m,
      double u,
      double weight,
      double termFrequencyAdjustment) {}

  /** A plain-text waterfall, one line per step with the running total. */
  public String toText() {
    StringBuilder s = new StringBuilder();
    s.append(String.format("%s vs %s (model %s)%n", left, right, modelVersion));
    double running = priorWeight;
    s.append(String.format("  %-15s %-45s %+7.2f  %7.2f%n", "prior", "", priorWeight, running));
    for (Contribution c : contributions) {
      double step = c.weight() + c.termFrequencyAdjustment();
      running += step;
      String what =
          c.levelDescription()
              + (c.termFrequencyAdjustment() != 0
                  ? String.format(" (tf %+.2f)", c.termFrequencyAdjustment())
                  : "");
      s.append(String.format("  %-15s %-45s %+7.2f  %7.2f%n", c.comparison(), what, step, running));
    }
    s.append(
        String.format(
            "  = match weight %.2f, probability %.6f, %s%s%n",
            matchWeight, matchProbability, decision, rule.isEmpty() ? "" : " (" + rule + ")"));
    return s.toString();
  }
}
