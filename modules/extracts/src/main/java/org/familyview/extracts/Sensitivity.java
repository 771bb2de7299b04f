package org.familyview.extracts;

/** How widely an event may be shown; {@link #STANDARD} unless the partner says otherwise. */
public enum Sensitivity {
  STANDARD,
  SENSITIVE,
  RESTRICTED
}
