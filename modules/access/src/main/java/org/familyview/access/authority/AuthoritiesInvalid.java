package org.familyview.access.authority;

import java.util.List;

/** The authorities' configuration has mistakes: every one of them, so one restart fixes all. */
public final class AuthoritiesInvalid extends RuntimeException {

  private final List<String> problems;

  public AuthoritiesInvalid(List<String> problems) {
    super("The authorities configuration is invalid:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
