/**
 * One inbox per user: {@link org.familyview.alerts.inbox.Inbox} (post, read, mark read), the users
 * seen signing in ({@code notification_user}), the API ({@code /api/notifications}) and the page
 * ({@code /notifications}), and the unread count in the page header.
 */
@NullMarked
package org.familyview.alerts.inbox;

import org.jspecify.annotations.NullMarked;
