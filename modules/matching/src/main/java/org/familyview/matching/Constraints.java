package org.familyview.matching;

import java.util.List;

/**
 * Hard decisions made by data stewards. A must-link joins two records whatever the score; a
 * cannot-link keeps them (and the people they end up in) apart. Cannot-links win over must-links
 * when the two conflict, because a wrong link does more harm than a missed one.
 */
public record Constraints(List<Pair> mustLink, List<Pair> cannotLink) {

  public static final Constraints NONE = new Constraints(List.of(), List.of());

  public Constraints {
    mustLink = List.copyOf(mustLink);
    cannotLink = List.copyOf(cannotLink);
  }

  /** Two records a steward has ruled on. */
  public record Pair(RecordKey left, RecordKey right) {}
}
