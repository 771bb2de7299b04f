package org.familyview.extracts;

/** The columns of {@code persons.csv}, in the order the contract lists them. */
public enum PersonColumn implements Column {
  RECORD_ID(true),
  GIVEN_NAME(false),
  MIDDLE_NAMES(false),
  FAMILY_NAME(false),
  ALIASES(false),
  DATE_OF_BIRTH(false),
  SEX(false),
  ADDRESS(false),
  POSTCODE(false),
  NHS_NUMBER(false),
  UPN(false),
  PNC_ID(false),
  PHONE(false),
  EMAIL(false),
  HOUSEHOLD_ID(false);

  private final boolean required;

  PersonColumn(boolean required) {
    this.required = required;
  }

  @Override
  public boolean requiredInHeader() {
    return required;
  }
}
