package org.familyview.access;

/** The sensitivity an agency gives each event (extract contract, {@code sensitivity} column). */
public enum Sensitivity {
  STANDARD,
  SENSITIVE,
  RESTRICTED;

  public static Sensitivity of(String value) {
    return valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
  }
}
