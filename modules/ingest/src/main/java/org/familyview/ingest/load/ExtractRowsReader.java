package org.familyview.ingest.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.familyview.extracts.FileOpening;
import org.familyview.extracts.RowOutcome;
import org.familyview.extracts.Rows;
import org.familyview.extracts.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * The outcomes of one extract file, one per data row, as a restartable Spring Batch reader over the
 * extracts module's {@link Rows}. The position saved with each chunk is the number of outcomes
 * handed out; a restart re-reads the file and passes over that many, so the contract's file-wide
 * rules (duplicate ids) see every earlier row again and decide exactly as before.
 */
final class ExtractRowsReader<R extends SourceRecord> extends ItemStreamSupport
    implements ItemStreamReader<RowOutcome<R>> {

  /**
   * Opens the file; the extracts module inspects it whole before handing out rows. Null when the
   * extract has no such file: the reader then has no rows.
   */
  @FunctionalInterface
  interface Opener<R extends SourceRecord> {
    @Nullable FileOpening<R> open() throws IOException;
  }

  private static final String READ = "read";
  static final String EXHAUSTED = "exhausted";

  private final Opener<R> opener;
  private @Nullable Rows<R> rows;
  private long read;
  private boolean exhausted;

  private ExtractRowsReader(String name, Opener<R> opener) {
    setName(name);
    this.opener = opener;
  }

  static <R extends SourceRecord> Builder<R> builder() {
    return new Builder<>();
  }

  @Override
  public void open(ExecutionContext context) {
    long restartAt = context.getLong(getExecutionContextKey(READ), 0L);
    FileOpening<R> opening;
    try {
      opening = opener.open();
    } catch (IOException e) {
      throw new ItemStreamException("the extract file could not be opened", e);
    }
    exhausted = false;
    if (opening == null) {
      rows = null;
      exhausted = true;
      return;
    }
    rows =
        switch (opening) {
          case FileOpening.Opened<R> opened -> opened.rows();
          // Inspected before staging began; a file that breaks now was changed underneath us.
          case FileOpening.FileRejected<R> rejected ->
              throw new ExtractRejected(rejected.problem());
        };
    read = 0;
    while (read < restartAt && rows.hasNext()) {
      rows.next();
      read++;
    }
  }

  @Override
  public @Nullable RowOutcome<R> read() {
    Rows<R> open = rows;
    if (open == null || !open.hasNext()) {
      exhausted = true;
      return null;
    }
    read++;
    return open.next();
  }

  @Override
  public void update(ExecutionContext context) {
    context.putLong(getExecutionContextKey(READ), read);
    // Saved with the chunk that read the end: ReadToTheEnd checks it when the step ends.
    context.put(getExecutionContextKey(EXHAUSTED), exhausted);
  }

  @Override
  public void close() {
    if (rows != null) {
      try {
        rows.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        rows = null;
      }
    }
  }

  /** Builds a named reader, in the manner of Spring Batch's own reader builders. */
  static final class Builder<R extends SourceRecord> {
    private @Nullable String name;
    private @Nullable Opener<R> opener;

    Builder<R> name(String value) {
      this.name = value;
      return this;
    }

    Builder<R> opener(Opener<R> value) {
      this.opener = value;
      return this;
    }

    ExtractRowsReader<R> build() {
      return new ExtractRowsReader<>(
          Objects.requireNonNull(
              name, "a reader needs a name: its restart position is kept under it"),
          Objects.requireNonNull(opener, "opener"));
    }
  }
}
