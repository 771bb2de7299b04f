package org.familyview.extracts;

import java.util.ArrayList;
import java.util.List;

/** The warnings gathered while applying the rules to one row; most rows have none. */
final class Findings {

  private final String file;
  private long line;
  private List<Problem> warnings = List.of();

  Findings(String file) {
    this.file = file;
  }

  void startRow(long line) {
    this.line = line;
    this.warnings = List.of();
  }

  void warn(Column field, ProblemCode code, String reason) {
    if (warnings.isEmpty()) {
      warnings = new ArrayList<>(2);
    }
    warnings.add(new Problem(file, line, field.header(), code, reason));
  }

  List<Problem> warnings() {
    return warnings;
  }

  <R extends ExtractRow> RowOutcome<R> reject(Column field, ProblemCode code, String reason) {
    return new RowOutcome.Rejected<>(new Problem(file, line, field.header(), code, reason));
  }

  /** The reject of a later row whose id in {@code field} repeats the id of {@code firstLine}. */
  <R extends ExtractRow> RowOutcome<R> repeated(Column field, long firstLine) {
    String name = field.header();
    return reject(
        field,
        ProblemCode.DUPLICATE_ID,
        name + " repeats the " + name + " of line " + firstLine + "; the later row is rejected");
  }

  <R extends ExtractRow> RowOutcome<R> reject(ProblemCode code, String reason) {
    return new RowOutcome.Rejected<>(new Problem(file, line, null, code, reason));
  }
}
