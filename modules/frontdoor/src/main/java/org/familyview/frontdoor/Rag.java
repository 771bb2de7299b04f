package org.familyview.frontdoor;

/** How soon a contact must be decided: red within hours, amber within a day, green within days. */
public enum Rag {
  RED,
  AMBER,
  GREEN
}
