package org.familyview.portal.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.familyview.audit.read.AuditScope;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEntry;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditOutcome;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.familyview.portal.identity.StaffAuthority;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Starts an audit entry from the current request: who, with which roles, from where. */
@Component
public class RequestAudit {

  private final AuditTrail trail;
  private final ObjectProvider<StaffAuthority> authorities;

  public RequestAudit(AuditTrail trail, ObjectProvider<StaffAuthority> authorities) {
    this.trail = trail;
    this.authorities = authorities;
  }

  public AuditEvent event(Authentication who, HttpServletRequest request, AuditAction action) {
    CurrentUser user = CurrentUser.of(who);
    return AuditEvent.of(
            user.username(),
            user.roles().stream().map(Role::realmName).collect(Collectors.toSet()),
            action)
        .from(request.getRemoteAddr())
        .byStaffOf(authorityOf(user));
  }

  /**
   * The authority whose auditors read this user's entries; none recorded with a single authority
   * (everything is its) or for a user of no configured authority.
   */
  private @org.jspecify.annotations.Nullable String authorityOf(CurrentUser user) {
    StaffAuthority staff = authorities.getIfAvailable();
    return staff == null || !staff.several() ? null : staff.of(user).orElse(null);
  }

  /** Whose entries this user, an auditor, reads: their authority's staff's, or every entry. */
  public AuditScope scopeOf(Authentication who) {
    StaffAuthority staff = authorities.getIfAvailable();
    if (staff == null || !staff.several()) {
      return AuditScope.EVERYTHING;
    }
    String unplaced = staff.unplaced().orElse("");
    return staff
        .of(CurrentUser.of(who))
        .map(authority -> AuditScope.of(authority, unplaced))
        .orElse(AuditScope.NOTHING);
  }

  /** Request attribute set once a refusal of this request is in the trail. */
  public static final String REFUSAL_RECORDED = RequestAudit.class.getName() + ".refusalRecorded";

  /**
   * Records the event. A refusal also marks the current request, so that the security layer's
   * catch-all refusal audit does not record the same refusal a second time.
   */
  public AuditEntry record(AuditEvent event) {
    AuditEntry entry = trail.record(event);
    if (event.outcome() == AuditOutcome.DENIED
        && RequestContextHolder.getRequestAttributes() instanceof RequestAttributes attributes) {
      attributes.setAttribute(REFUSAL_RECORDED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
    }
    return entry;
  }
}
