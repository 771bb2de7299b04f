package org.familyview.eligibility;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An event that evidences a need, as stored by its agency; shown only after {@code EventDisclosure}
 * has decided what the viewer may read of it.
 */
record EvidenceEvent(
    String id,
    String agency,
    String type,
    @Nullable LocalDate occurredOn,
    @Nullable String role,
    @Nullable String summary,
    String sensitivity,
    @Nullable String personId) {}
