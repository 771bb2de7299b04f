package org.familyview.extracts;

/** The person's part in an event. */
public enum EventRole {
  SUBJECT,
  VICTIM,
  PERPETRATOR,
  WITNESS,
  PARENT,
  OTHER
}
