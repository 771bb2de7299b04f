package org.familyview.extracts;

import java.util.List;

/**
 * What became of one data row: accepted (perhaps with warnings, and with bad optional values
 * dropped), or rejected with the reason.
 *
 * @param <R> the record type
 */
public sealed interface RowOutcome<R extends ExtractRow>
    permits RowOutcome.Accepted, RowOutcome.Rejected {

  /** The physical line where the row starts; the header is line 1. */
  long line();

  /** The row's warnings; a rejected row reports only its rejection. */
  List<Problem> warnings();

  /** A row that is loaded; {@code warnings} are about values that were dropped or flagged. */
  record Accepted<R extends ExtractRow>(R record, List<Problem> warnings) implements RowOutcome<R> {
    public Accepted {
      warnings = List.copyOf(warnings);
    }

    @Override
    public long line() {
      return record.line();
    }
  }

  /** A row that is not loaded, and why. */
  record Rejected<R extends ExtractRow>(Problem problem) implements RowOutcome<R> {
    @Override
    public long line() {
      return problem.line();
    }

    @Override
    public List<Problem> warnings() {
      return List.of();
    }
  }
}
