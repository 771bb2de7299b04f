package org.familyview.extracts;

import java.util.List;

/** The partner configuration cannot be used; every problem found is listed, file and field. */
public final class PartnersInvalid extends RuntimeException {

  private final List<String> problems;

  public PartnersInvalid(List<String> problems) {
    super("The partner configuration is invalid:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
