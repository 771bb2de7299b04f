package org.familyview.criteria;

import java.util.List;

/**
 * One need (a headline outcome of the 2022 framework, a headline problem of the 2015 one). It is
 * met when any one of its evidence clauses is satisfied.
 *
 * @param id stable id, stored with every result, e.g. {@code domestic-abuse}
 * @param label the headline as people read it
 * @param evidence the clauses, any one of which meets the need
 */
public record Need(String id, String label, List<Evidence> evidence) {

  public Need {
    evidence = List.copyOf(evidence);
  }
}
