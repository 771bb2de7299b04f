/**
 * The daily digest: one email per recipient with unread notifications not yet told of, through the
 * configured SMTP server, carrying a link to the inbox and nothing else.
 */
@NullMarked
package org.familyview.alerts.digest;

import org.jspecify.annotations.NullMarked;
