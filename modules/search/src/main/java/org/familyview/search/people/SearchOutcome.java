package org.familyview.search.people;

import java.util.List;

/**
 * A search either finds (possibly nothing) or cannot be answered; the two must never look alike.
 */
public sealed interface SearchOutcome {

  record Found(List<PersonHit> hits, long total) implements SearchOutcome {}

  /** Elasticsearch could not be reached or refused the query; say so, don't show "no results". */
  record Unavailable(String reason) implements SearchOutcome {}
}
