package org.familyview.frontdoor;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published when a contact is raised, by hand or by a concern rule. The notifications inbox tells
 * those who hold the family ("a concern rule fired for a family I hold") from {@code ruleId}.
 *
 * @param ruleId the concern rule that raised it, or null when entered at the front door
 */
public record ContactRaised(
    UUID contactId,
    @Nullable String familyId,
    String subjectId,
    Rag rag,
    Instant dueAt,
    @Nullable String ruleId) {}
