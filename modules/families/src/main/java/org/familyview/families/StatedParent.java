package org.familyview.families;

import java.time.LocalDate;

/**
 * An agency's statement that one person is a parent of a child: both named on the same event, one
 * with the role {@code parent}, the other a child on the day.
 */
public record StatedParent(
    String parentId, String childId, String agency, String eventType, LocalDate on) {}
