package org.familyview.extracts;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The data rows of an opened file as a stream of outcomes, one per non-blank row, in file order.
 * Reads lazily (one row in memory at a time) and must be closed. Not thread-safe: a Spring Batch
 * reader wraps it in a synchronised or single-threaded step.
 *
 * @param <R> the record type
 */
public final class Rows<R extends ExtractRow> implements Iterator<RowOutcome<R>>, Closeable {

  /** Produces the next outcome, or null at the end of the file. */
  interface Source<R extends ExtractRow> extends Closeable {
    @Nullable RowOutcome<R> next() throws IOException;
  }

  private final Source<R> source;
  private @Nullable RowOutcome<R> next;
  private boolean done;

  Rows(Source<R> source) {
    this.source = source;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      try {
        next = source.next();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      done = next == null;
    }
    return next != null;
  }

  @Override
  public RowOutcome<R> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RowOutcome<R> outcome = next;
    next = null;
    return outcome;
  }

  /** The rows as a sequential stream; closing the stream closes the file. */
  public Stream<RowOutcome<R>> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED), false)
        .onClose(this::closeQuietly);
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
