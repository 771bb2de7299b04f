package org.familyview.matching.score;

/**
 * The two match-weight thresholds. At or above {@code autoLink} a pair links automatically; between
 * the two it becomes a review task; below {@code review} it is left apart. A match weight is log2
 * of the odds that the pair is the same person, so 10 is odds of about 1000 to 1.
 */
public record Thresholds(double autoLink, double review) {

  public Thresholds {
    if (review > autoLink) {
      throw new IllegalArgumentException("the review threshold must not exceed the auto-link one");
    }
  }

  public static Thresholds standard() {
    return new Thresholds(1.2, 0.0);
  }

  public LinkDecision decide(double matchWeight) {
    if (matchWeight >= autoLink) {
      return LinkDecision.LINK;
    }
    return matchWeight >= review ? LinkDecision.REVIEW : LinkDecision.NO_LINK;
  }
}
