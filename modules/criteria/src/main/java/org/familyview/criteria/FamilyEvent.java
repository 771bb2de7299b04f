package org.familyview.criteria;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A dated event about a member of the family, as the agencies recorded it.
 *
 * @param id the event's stable id, {@code agency/event_id}, listed as evidence
 * @param personId the family member it is about
 * @param type the event type code, e.g. {@code education.unauthorised_absence}
 * @param detail the type's qualifier, e.g. a DASH risk level or a number of sessions
 * @param role the person's part in it: subject, victim, perpetrator, witness, parent or other
 * @param occurredOn the day it happened
 */
public record FamilyEvent(
    String id,
    String personId,
    String type,
    @Nullable String detail,
    @Nullable String role,
    LocalDate occurredOn) {}
