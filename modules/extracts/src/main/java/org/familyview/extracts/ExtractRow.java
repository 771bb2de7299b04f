package org.familyview.extracts;

/**
 * A data row of an extract as one reading of it gives it: the normalised {@link SourceRecord} the
 * load stores, or the {@link DeliveredPerson} the offline matcher links.
 */
public interface ExtractRow {

  /** The physical line where the row starts in its file. */
  long line();
}
