package org.familyview.ingest.extract;

import java.time.Instant;
import java.util.UUID;
import org.familyview.extracts.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * One delivery of an agency's snapshot and what became of it.
 *
 * @param personsRows the data rows in persons.csv, known once the file has been inspected
 * @param eventsFile null when the delivery had no events.csv: the agency's events are then left as
 *     they were
 * @param held why the snapshot guard held it and the figures; null for an extract never held
 */
public record Extract(
    UUID id,
    PartnerId agency,
    ExtractStatus status,
    ExtractSource source,
    String uploadedBy,
    String personsFile,
    @Nullable String eventsFile,
    Instant receivedAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String failureReason,
    @Nullable Long jobExecutionId,
    @Nullable Long personsRows,
    @Nullable Long eventsRows,
    FileCounts persons,
    FileCounts events,
    IdentifierCoverage coverage,
    @Nullable Held held) {

  public boolean hasEvents() {
    return eventsFile != null;
  }

  /** Whether its load is over: applied, failed, held for a decision, or discarded. */
  public boolean finished() {
    return status != ExtractStatus.QUEUED && status != ExtractStatus.RUNNING;
  }
}
