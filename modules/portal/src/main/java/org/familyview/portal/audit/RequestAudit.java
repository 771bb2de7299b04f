package org.familyview.portal.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEntry;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Starts an audit entry from the current request: who, with which roles, from where. */
@Component
public class RequestAudit {

  private final AuditTrail trail;

  public RequestAudit(AuditTrail trail) {
    this.trail = trail;
  }

  public AuditEvent event(Authentication who, HttpServletRequest request, AuditAction action) {
    CurrentUser user = CurrentUser.of(who);
    return AuditEvent.of(
            user.username(),
            user.roles().stream().map(Role::realmName).collect(Collectors.toSet()),
            action)
        .from(request.getRemoteAddr());
  }

  public AuditEntry record(AuditEvent event) {
    return trail.record(event);
  }
}
