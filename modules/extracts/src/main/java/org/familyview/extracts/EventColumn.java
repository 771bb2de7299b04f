package org.familyview.extracts;

/**
 * The columns of {@code events.csv}, in the order the contract lists them. {@link #DETAIL} carries
 * the qualifier some event types take (DASH risk, crime role, absence sessions).
 */
public enum EventColumn implements Column {
  EVENT_ID(true),
  RECORD_ID(true),
  OCCURRED_AT(false),
  TYPE(true),
  DETAIL(false),
  ROLE(false),
  SUMMARY(false),
  SENSITIVITY(false);

  private final boolean required;

  EventColumn(boolean required) {
    this.required = required;
  }

  @Override
  public boolean requiredInHeader() {
    return required;
  }
}
