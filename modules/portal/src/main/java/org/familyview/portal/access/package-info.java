/**
 * Who may see what. The data-sharing agreements in {@code config/sharing/} say, per feed, which
 * roles an event type is shared with; {@link org.familyview.portal.access.EventDisclosure} applies
 * them to each chronology entry, redacting rather than dropping what a role may not see.
 */
@NullMarked
package org.familyview.portal.access;

import org.jspecify.annotations.NullMarked;
