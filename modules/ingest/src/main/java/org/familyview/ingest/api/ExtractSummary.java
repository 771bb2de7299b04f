package org.familyview.ingest.api;

import java.time.Instant;
import org.familyview.ingest.extract.Extract;

/** One line of {@code GET /api/extracts}. */
record ExtractSummary(
    String extractId,
    String agency,
    String status,
    Instant receivedAt,
    long personsRead,
    long personsRejected,
    long eventsRead,
    long eventsRejected) {

  static ExtractSummary of(Extract e) {
    return new ExtractSummary(
        e.id().toString(),
        e.agency().code(),
        e.status().name(),
        e.receivedAt(),
        e.persons().read(),
        e.persons().rejected(),
        e.events().read(),
        e.events().rejected());
  }
}
