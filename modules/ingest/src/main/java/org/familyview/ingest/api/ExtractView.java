package org.familyview.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.Feedback;
import org.familyview.ingest.extract.FeedbackPage;
import org.familyview.ingest.extract.FileCounts;
import org.familyview.ingest.extract.Held;
import org.familyview.ingest.extract.LoadProgress;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/extracts/{extractId}}. {@code rejects} and {@code warnings} are one page each
 * ({@code page}, {@code size}); {@code rejectsTotal} and {@code warningsTotal} say how many there
 * are in all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExtractView(
    String extractId,
    String agency,
    String status,
    String source,
    Instant receivedAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String failureReason,
    Progress progress,
    Counts persons,
    Counts events,
    List<Item> rejects,
    List<Item> warnings,
    int page,
    int size,
    long rejectsTotal,
    long warningsTotal,
    @Nullable HeldView held,
    @Nullable Resolution resolution) {

  static ExtractView of(
      Extract extract, LoadProgress progress, FeedbackPage rejects, FeedbackPage warnings) {
    return new ExtractView(
        extract.id().toString(),
        extract.agency().code(),
        extract.status().name(),
        extract.source().name(),
        extract.receivedAt(),
        extract.startedAt(),
        extract.finishedAt(),
        extract.failureReason(),
        new Progress(
            progress.personsRead(),
            progress.personsRows(),
            progress.eventsRead(),
            progress.eventsRows(),
            progress.percent()),
        Counts.of(extract.persons()),
        Counts.of(extract.events()),
        rejects.items().stream().map(Item::of).toList(),
        warnings.items().stream().map(Item::of).toList(),
        rejects.page(),
        rejects.size(),
        rejects.total(),
        warnings.total(),
        HeldView.of(extract.held()),
        Resolution.of(extract.held()));
  }

  /** Why the snapshot guard held the extract, with its figures; kept once it is decided. */
  record HeldView(String reason, long wouldRetire, long current) {
    static @Nullable HeldView of(@Nullable Held held) {
      return held == null ? null : new HeldView(held.reason(), held.wouldRetire(), held.current());
    }
  }

  /** Who confirmed or discarded a held extract, when and why. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Resolution(String by, Instant at, @Nullable String reason) {
    static @Nullable Resolution of(@Nullable Held held) {
      return held == null || held.resolvedBy() == null || held.resolvedAt() == null
          ? null
          : new Resolution(held.resolvedBy(), held.resolvedAt(), held.resolution());
    }
  }

  record Counts(
      long read,
      long accepted,
      long rejected,
      long warnings,
      @JsonProperty("new") long newRecords,
      long changed,
      long unchanged,
      long noLongerCurrent) {

    static Counts of(FileCounts c) {
      return new Counts(
          c.read(),
          c.accepted(),
          c.rejected(),
          c.warnings(),
          c.newRecords(),
          c.changed(),
          c.unchanged(),
          c.noLongerCurrent());
    }
  }

  /** {@code line} is the physical line where the row starts; the header is line 1. */
  record Item(String file, long line, @Nullable String field, String code, String reason) {
    static Item of(Feedback f) {
      return new Item(f.file(), f.line(), f.field(), f.code(), f.reason());
    }
  }

  /** Rows read so far, from Spring Batch's step counts, out of the rows each file holds. */
  record Progress(
      long personsRead,
      @Nullable Long personsRows,
      long eventsRead,
      @Nullable Long eventsRows,
      int percent) {}
}
