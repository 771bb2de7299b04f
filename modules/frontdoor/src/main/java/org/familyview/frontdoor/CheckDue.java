package org.familyview.frontdoor;

import java.time.Instant;
import java.util.UUID;

/**
 * Published once when an unanswered partner check comes within the configured {@code due-soon} of
 * its deadline, and once more when it passes it ({@code overdue}). The notifications inbox tells
 * the partner's checkers ("a check I must answer is due, or overdue"). No personal data: the
 * contact id is the link.
 */
public record CheckDue(UUID contactId, String partner, Instant dueAt, boolean overdue) {}
