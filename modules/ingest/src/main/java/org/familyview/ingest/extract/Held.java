package org.familyview.ingest.extract;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Why the snapshot guard held an extract, with the figures it judged by, and what became of it.
 *
 * @param reason a sentence for the partner: which rule, which file, the figures; no personal data
 * @param wouldRetire how many current records applying the extract would make no longer current
 * @param current how many records of that file's kind the agency had current when it was held
 * @param resolvedBy who confirmed or discarded it; null while it is held
 * @param resolution the reason they gave; null while it is held
 */
public record Held(
    String reason,
    long wouldRetire,
    long current,
    Instant heldAt,
    @Nullable String resolvedBy,
    @Nullable Instant resolvedAt,
    @Nullable String resolution) {}
