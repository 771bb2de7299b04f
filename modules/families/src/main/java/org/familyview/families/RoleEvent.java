package org.familyview.families;

import java.time.LocalDate;

/**
 * A person's part in an agency's event (the {@code role} column of events.csv), the raw material of
 * {@link StatedRelationships}.
 */
public record RoleEvent(
    String personId, String agency, String type, LocalDate occurredOn, String role) {}
