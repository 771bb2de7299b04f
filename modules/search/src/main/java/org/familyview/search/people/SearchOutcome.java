package org.familyview.search.people;

import java.util.List;

/**
 * A search either finds (possibly nothing) or cannot be answered; the two must never look alike.
 */
public sealed interface SearchOutcome {

  /**
   * @param total how many match, counted exactly up to {@link PeopleSearch#COUNTED_UP_TO}
   * @param exact false when there are more than that: the count stopped there
   */
  record Found(List<PersonHit> hits, long total, boolean exact) implements SearchOutcome {

    public static Found nothing() {
      return new Found(List.of(), 0, true);
    }
  }

  /** Elasticsearch could not be reached or refused the query; say so, don't show "no results". */
  record Unavailable(String reason) implements SearchOutcome {}
}
