package org.familyview.extracts;

/** The {@code sex} codes of the contract: male, female, indeterminate (X), not known (U). */
public enum Sex {
  M,
  F,
  X,
  U
}
