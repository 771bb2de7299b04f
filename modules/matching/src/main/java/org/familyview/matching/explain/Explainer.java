package org.familyview.matching.explain;

import java.util.ArrayList;
import java.util.List;
import org.familyview.matching.compare.Comparison;
import org.familyview.matching.score.PairScorer;
import org.familyview.matching.standardise.StandardisedRecord;

/** Builds explanations from the same scorer that made the decision. */
public final class Explainer {

  private final PairScorer scorer;

  public Explainer(PairScorer scorer) {
    this.scorer = scorer;
  }

  public Explanation explain(StandardisedRecord left, StandardisedRecord right) {
    PairScorer.Score score = scorer.score(left, right);
    List<Explanation.Contribution> contributions = new ArrayList<>();
    for (int k = 0; k < score.levels().length; k++) {
      Comparison comparison = scorer.comparisons().get(k);
      int level = score.levels()[k];
      contributions.add(
          new Explanation.Contribution(
              comparison.name(),
              level,
              comparison.levels().get(level),
              scorer.parameters().m()[k][level],
              scorer.parameters().u()[k][level],
              scorer.levelWeight(k, level),
              scorer.termFrequencyAdjustment(k, left, level)));
    }
    double listed = scorer.priorWeight();
    for (Explanation.Contribution c : contributions) {
      listed += c.weight() + c.termFrequencyAdjustment();
    }
    if (Math.abs(score.matchWeight() - listed) > 1e-9) {
      // The household correction (HouseholdInteraction) is not one comparison's: shown as its own
      // step so the waterfall still adds up to the weight the decision was made on.
      contributions.add(
          new Explanation.Contribution(
              "household",
              1,
              "one address, forenames differ: household members, not strangers",
              Double.NaN,
              Double.NaN,
              score.matchWeight() - listed,
              0));
    }
    return new Explanation(
        left.key(),
        right.key(),
        scorer.parameters().version(),
        scorer.priorWeight(),
        contributions,
        score.matchWeight(),
        score.matchProbability(),
        score.decision(),
        score.rule().reason());
  }
}
