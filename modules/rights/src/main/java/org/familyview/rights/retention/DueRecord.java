package org.familyview.rights.retention;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A source record past its feed's retention: no longer in its agency's current snapshot, and its
 * last activity (when it left the snapshot, or its latest event if later) older than the retention
 * period. Ids only: the report that lists it is read by administrators, who see no case data.
 */
public record DueRecord(
    String agency, String recordId, @Nullable String personId, Instant lastActivity) {}
