package org.familyview.extracts;

/** The row rules of one file kind: turn a record's values into an outcome. */
interface RowRules<C extends Enum<C> & Column, R extends ExtractRow> {

  RowOutcome<R> apply(RowValues<C> row, long line);
}
