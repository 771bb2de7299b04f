package org.familyview.ingest.extract;

import org.jspecify.annotations.Nullable;

/** Rows read so far out of the rows each file holds (null until the file has been inspected). */
public record LoadProgress(
    long personsRead, @Nullable Long personsRows, long eventsRead, @Nullable Long eventsRows) {

  /** 0 to 100, for the progress bar. */
  public int percent() {
    long total = (personsRows == null ? 0 : personsRows) + (eventsRows == null ? 0 : eventsRows);
    if (total == 0) {
      return 0;
    }
    return (int) Math.min(100, (personsRead + eventsRead) * 100 / total);
  }
}
