package org.familyview.audit.read;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Every criterion is optional; those given must all hold. */
public record AuditFilter(
    @Nullable String personId,
    @Nullable String familyId,
    @Nullable String user,
    @Nullable Instant from,
    @Nullable Instant to) {}
