package org.familyview.extracts;

import java.util.List;

/**
 * The result of opening an extract file: its rows, or the reason the whole file is rejected.
 * Nothing of a rejected file may be applied; the previous snapshot stays current.
 *
 * @param <R> the record type
 */
public sealed interface FileOpening<R extends ExtractRow>
    permits FileOpening.Opened, FileOpening.FileRejected {

  /**
   * A readable file.
   *
   * @param rows the data rows, to be closed by the caller
   * @param fileWarnings problems with the file as a whole that do not stop it (unknown columns)
   * @param dataRows the number of data rows, known from the first pass; for progress reporting
   */
  record Opened<R extends ExtractRow>(Rows<R> rows, List<Problem> fileWarnings, long dataRows)
      implements FileOpening<R> {
    public Opened {
      fileWarnings = List.copyOf(fileWarnings);
    }
  }

  /** A structurally broken file: not UTF-8, empty, no usable header, unreadable quoting. */
  record FileRejected<R extends ExtractRow>(Problem problem) implements FileOpening<R> {}
}
