package org.familyview.frontdoor;

/** What the front door decided. Stored by name: never rename a constant. */
public enum Outcome {
  NO_FURTHER_ACTION("No further action"),
  INFORMATION_AND_ADVICE("Information and advice"),
  EARLY_HELP("Early help"),
  CHILD_IN_NEED_ASSESSMENT("Child in need assessment (Children Act 1989 s17)"),
  STRATEGY_DISCUSSION("Strategy discussion (Children Act 1989 s47)"),
  POLICE_ACTION("Police action");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
