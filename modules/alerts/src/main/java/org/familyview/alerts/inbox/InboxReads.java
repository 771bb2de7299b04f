package org.familyview.alerts.inbox;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The one door to a user's own inbox, for the API and the page alike: a user reads and marks only
 * their own entries, and each read and mark is audited.
 */
@Component
class InboxReads {

  static final int PAGE = 100;

  private final Inbox inbox;
  private final RequestAudit audit;

  InboxReads(Inbox inbox, RequestAudit audit) {
    this.inbox = inbox;
    this.audit = audit;
  }

  record Read(List<Inbox.Notification> notifications, long unread) {}

  Read read(Authentication who, HttpServletRequest request) {
    String me = CurrentUser.of(who).username();
    Read read = new Read(inbox.of(me, PAGE), inbox.unread(me));
    audit.record(
        event(who, request)
            .withDetail(
                "inbox read: " + read.notifications().size() + ", " + read.unread() + " unread"));
    return read;
  }

  Inbox.Marking markRead(UUID id, Authentication who, HttpServletRequest request) {
    Inbox.Marking marking = inbox.markRead(CurrentUser.of(who).username(), id);
    AuditEvent event = event(who, request).on("notification", id.toString());
    switch (marking) {
      case Inbox.Marking.Marked marked -> audit.record(event.withDetail("marked read"));
      case Inbox.Marking.NotFound notFound ->
          audit.record(event.withDetail("no such entry in the reader's inbox").denied());
    }
    return marking;
  }

  private AuditEvent event(Authentication who, HttpServletRequest request) {
    return audit.event(who, request, AuditAction.NOTIFICATION);
  }
}
