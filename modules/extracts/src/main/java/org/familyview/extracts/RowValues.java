package org.familyview.extracts;

import org.apache.commons.csv.CSVRecord;

/** One CSV record seen through the header: a column's raw value, "" if the file lacks it. */
final class RowValues<C extends Enum<C> & Column> {

  private final int[] indexByColumn;
  private CSVRecord record;

  RowValues(int[] indexByColumn, CSVRecord record) {
    this.indexByColumn = indexByColumn;
    this.record = record;
  }

  void moveTo(CSVRecord next) {
    record = next;
  }

  String raw(C column) {
    int index = indexByColumn[column.ordinal()];
    return index < 0 ? "" : record.get(index);
  }
}
