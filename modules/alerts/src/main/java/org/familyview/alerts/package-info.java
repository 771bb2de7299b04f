/**
 * Alerts (issue 17, parts 1 and 2): FamilyView speaking first. {@code flags} derives, after each
 * completed nightly run, the flags a practitioner must see beside a child (plans, repeated events,
 * an event at a household with a child) and shows them through the casefile's {@code CaseFlags}
 * plug-in, auditing every showing and telling the owning team when someone outside it opens a
 * flagged child's record. {@code inbox} is one inbox per user with a small public API ({@link
 * org.familyview.alerts.inbox.Inbox#post}) for other modules' sources; {@code digest} emails each
 * recipient a daily link to it, with no personal data. Owns {@code flag}, {@code notification},
 * {@code notification_user} and {@code notification_mark}.
 */
@NullMarked
package org.familyview.alerts;

import org.jspecify.annotations.NullMarked;
