package org.familyview.generator;

import java.time.LocalDate;
import org.familyview.extracts.EventRole;
import org.familyview.extracts.EventType;
import org.familyview.extracts.Sensitivity;
import org.jspecify.annotations.Nullable;

/** Something that truly happened to a person, which one agency records as an event. */
record PlannedEvent(
    Member member,
    EventType type,
    @Nullable String detail,
    EventRole role,
    LocalDate date,
    String summary,
    Sensitivity sensitivity) {}
