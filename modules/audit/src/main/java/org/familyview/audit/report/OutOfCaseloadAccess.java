package org.familyview.audit.report;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A break-glass entry (granted or refused), or any refused access, and for a grant its review
 * state.
 *
 * @param grantId the access grant this entry recorded; null for a refused attempt or when no grant
 *     can be found (the entry predates the grant table)
 * @param reason the reason as recorded in the trail (the entry's detail)
 */
public record OutOfCaseloadAccess(
    long seq,
    Instant at,
    String user,
    String action,
    String outcome,
    @Nullable String targetType,
    @Nullable String targetId,
    @Nullable String purpose,
    @Nullable String reason,
    @Nullable UUID grantId,
    @Nullable String reviewedBy,
    @Nullable Instant reviewedAt,
    boolean reviewed) {}
