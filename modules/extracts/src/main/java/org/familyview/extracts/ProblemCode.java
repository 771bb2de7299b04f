package org.familyview.extracts;

/**
 * What kind of problem a file or row has, stable for the data-quality scorecard to count by (the
 * reason text may carry a line number, the code never does).
 */
public enum ProblemCode {
  // Whole file
  NOT_UTF8,
  EMPTY_FILE,
  MALFORMED_CSV,
  MISSING_COLUMN,
  DUPLICATE_COLUMN,
  UNKNOWN_COLUMN,
  // Row rejected
  MISSING_REQUIRED,
  NO_NAME,
  DUPLICATE_ID,
  UNKNOWN_PERSON,
  UNKNOWN_TYPE,
  FIELD_COUNT,
  TOO_LONG,
  /**
   * An identifier holds a line break or other control character (rejected); elsewhere a warning.
   */
  CONTROL_CHARACTER,
  // Row kept with a warning
  MISSING_VALUE,
  PLACEHOLDER,
  NOT_A_DATE,
  IMPOSSIBLE_DATE,
  INVALID_VALUE,
  INVALID_POSTCODE,
  INVALID_NHS_NUMBER,
  INVALID_UPN,
  INVALID_PNC_ID,
  INVALID_EMAIL,
  TRUNCATED,
  /** Spaces around an identifier were removed. */
  TRIMMED
}
