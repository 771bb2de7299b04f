package org.familyview.ingest.extract;

/** The two lists of feedback an extract has, and the table each lives in. */
public enum FeedbackKind {
  REJECT("extract_reject"),
  WARNING("extract_warning");

  private final String table;

  FeedbackKind(String table) {
    this.table = table;
  }

  String table() {
    return table;
  }
}
