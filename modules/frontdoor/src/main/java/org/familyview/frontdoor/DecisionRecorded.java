package org.familyview.frontdoor;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Published when the front door records a decision on a contact. */
public record DecisionRecorded(UUID contactId, @Nullable String familyId, Outcome outcome) {}
