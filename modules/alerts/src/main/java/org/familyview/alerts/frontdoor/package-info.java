/**
 * The front door's events in the inbox (issue 17): a concern rule fired for a family a keyworker
 * holds, a partner check its checkers must answer is due or overdue, and the decision on a contact
 * about a family a keyworker holds. Alerts listens to the front door, never the other way round, so
 * that the front door knows nothing of who is told or how.
 */
@NullMarked
package org.familyview.alerts.frontdoor;

import org.jspecify.annotations.NullMarked;
