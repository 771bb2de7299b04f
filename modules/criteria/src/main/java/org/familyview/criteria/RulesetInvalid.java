package org.familyview.criteria;

import java.util.List;

/**
 * The criteria configuration has mistakes. Every problem is listed at once, each naming the file,
 * the need, the field and why, so an authority fixes them in one pass.
 */
public final class RulesetInvalid extends RuntimeException {

  private final List<String> problems;

  public RulesetInvalid(List<String> problems) {
    super(
        "the Supporting Families criteria configuration is invalid:\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
