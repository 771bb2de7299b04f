/**
 * The access rules, apart from the web kernel that enforces them. {@link
 * org.familyview.access.CaseAccess} decides whether a user may read a family's or a person's case
 * data and on what ground (authority-wide, caseload, break-glass); the data-sharing agreements in
 * {@code config/sharing/} say, per feed, which roles an event type is shared with, and {@link
 * org.familyview.access.EventDisclosure} applies them to each chronology entry, redacting rather
 * than dropping what a role may not see. Callers turn a decision into an HTTP answer and an audit
 * entry; nothing here speaks HTTP except the caseload API in {@code caseload}.
 */
@NullMarked
package org.familyview.access;

import org.jspecify.annotations.NullMarked;
