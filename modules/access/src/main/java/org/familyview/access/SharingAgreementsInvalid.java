package org.familyview.access;

import java.util.List;

/** The data-sharing agreements in config/ cannot be used; every problem found is listed. */
public final class SharingAgreementsInvalid extends RuntimeException {

  private final List<String> problems;

  public SharingAgreementsInvalid(List<String> problems) {
    super("The data-sharing agreements are invalid:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
