package org.familyview.casefile;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a chronology entry came from: the agency's record and event, the extract and file line that
 * delivered it and when it was loaded, and the link that put the record into this person.
 *
 * @param current false once a later snapshot no longer carried the event (kept, not deleted)
 */
public record Provenance(
    String agency,
    String recordId,
    String eventId,
    UUID extractId,
    String file,
    long line,
    Instant loadedAt,
    boolean current,
    Link link) {

  public String describe() {
    return agency
        + " record "
        + recordId
        + ", event "
        + eventId
        + "; extract "
        + extractId
        + " ("
        + file
        + " line "
        + line
        + "), loaded "
        + loadedAt
        + (current ? "" : "; no longer in the agency's latest extract")
        + "; linked: "
        + link.describe();
  }
}
