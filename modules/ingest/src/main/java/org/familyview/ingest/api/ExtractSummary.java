package org.familyview.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.familyview.ingest.extract.Extract;
import org.jspecify.annotations.Nullable;

/** One line of {@code GET /api/extracts}; {@code held} only for an extract the guard held. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExtractSummary(
    String extractId,
    String agency,
    String status,
    Instant receivedAt,
    long personsRead,
    long personsRejected,
    long eventsRead,
    long eventsRejected,
    ExtractView.@Nullable HeldView held) {

  static ExtractSummary of(Extract e) {
    return new ExtractSummary(
        e.id().toString(),
        e.agency().code(),
        e.status().name(),
        e.receivedAt(),
        e.persons().read(),
        e.persons().rejected(),
        e.events().read(),
        e.events().rejected(),
        ExtractView.HeldView.of(e.held()));
  }
}
