package org.familyview.frontdoor.rules;

import java.util.List;

/** The concern rules cannot be used; every problem found is listed. */
public final class ConcernRulesInvalid extends RuntimeException {

  private final List<String> problems;

  public ConcernRulesInvalid(List<String> problems) {
    super("the concern rules are invalid:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
