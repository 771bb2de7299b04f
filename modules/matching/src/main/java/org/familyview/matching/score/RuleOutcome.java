package org.familyview.matching.score;

/**
 * The verdict of the decisive rules on a pair, which override the match weight: some evidence is
 * conclusive however the rest of the record reads.
 */
public sealed interface RuleOutcome {

  /** Why; shown to stewards and stored with the decision. */
  String reason();

  /** No rule applies; the match weight decides. */
  record NoRule() implements RuleOutcome {
    @Override
    public String reason() {
      return "";
    }
  }

  /** Conclusive evidence of the same person. */
  record MustLink(String reason) implements RuleOutcome {}

  /** Conclusive evidence of different people; also keeps their clusters apart. */
  record CannotLink(String reason) implements RuleOutcome {}

  /** Not enough to link automatically whatever the weight: a steward must look. */
  record AtMostReview(String reason) implements RuleOutcome {}

  RuleOutcome NONE = new NoRule();
}
