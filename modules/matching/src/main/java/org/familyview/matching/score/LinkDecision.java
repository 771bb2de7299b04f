package org.familyview.matching.score;

/** What happens to a pair: linked automatically, sent to a data steward, or left apart. */
public enum LinkDecision {
  LINK,
  REVIEW,
  NO_LINK
}
