package org.familyview.extracts;

import org.jspecify.annotations.Nullable;

/**
 * The rule every required identifier (record_id, event_id, an event's record_id) follows: stored
 * exactly as given, or the row is rejected. Spaces around it are removed with a warning; a line
 * break or other control character inside rejects the row, because squashing it (as the reader once
 * did) could turn two of the partner's ids into one.
 */
final class IdRule {

  private IdRule() {}

  /** The reject for this identifier, or null when it is usable (a trim warning may be added). */
  static <R extends SourceRecord> @Nullable RowOutcome<R> check(
      Findings findings, Column column, FieldText.Id id, int maxLength) {
    String name = column.header();
    if (id.value() == null) {
      return findings.reject(column, ProblemCode.MISSING_REQUIRED, name + " is missing");
    }
    if (id.control()) {
      return findings.reject(
          column,
          ProblemCode.CONTROL_CHARACTER,
          name
              + " contains a line break, tab or other control character; identifiers are stored"
              + " exactly, so the row is rejected");
    }
    if (id.value().length() > maxLength) {
      return findings.reject(
          column, ProblemCode.TOO_LONG, name + " is longer than " + maxLength + " characters");
    }
    if (id.trimmed()) {
      findings.warn(
          column, ProblemCode.TRIMMED, name + " has spaces before or after it; they are removed");
    }
    return null;
  }
}
