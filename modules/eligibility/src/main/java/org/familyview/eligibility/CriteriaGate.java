package org.familyview.eligibility;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.familyview.access.CaseAccess;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The one place a read of a family's criteria is decided and audited, for the API and the page
 * alike: leads see every family, keyworkers only what {@code CaseAccess} opens to them, every other
 * role nothing; each outcome is written to the audit trail as {@code FAMILY_VIEW}.
 */
@Component
class CriteriaGate {

  sealed interface Outcome {
    record Open(CriteriaViews.FamilyCriteria criteria) implements Outcome {}

    record Closed(HttpStatus status, String detail) implements Outcome {}
  }

  private final CaseAccess access;
  private final CriteriaViews views;
  private final RequestAudit audit;

  CriteriaGate(CaseAccess access, CriteriaViews views, RequestAudit audit) {
    this.access = access;
    this.views = views;
    this.audit = audit;
  }

  Outcome family(String familyId, Authentication who, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(who);
    AuditEvent event = audit.event(who, request, AuditAction.FAMILY_VIEW).on("family", familyId);
    if (access.toFamily(user, familyId) instanceof CaseAccess.Decision.Denied denied) {
      audit.record(event.withDetail("criteria: " + denied.why()).denied());
      return new Outcome.Closed(HttpStatus.FORBIDDEN, denied.why());
    }
    Optional<CriteriaViews.FamilyCriteria> criteria = views.family(familyId, user.roles());
    if (criteria.isEmpty()) {
      audit.record(event.withDetail("criteria: no such family").denied());
      return new Outcome.Closed(HttpStatus.NOT_FOUND, "There is no family " + familyId + ".");
    }
    CriteriaViews.FamilyCriteria found = criteria.get();
    audit.record(
        event.withDetail(
            "criteria"
                + (found.runId() == null ? " (not evaluated yet)" : " of run " + found.runId())
                + found.frameworks().stream()
                    .map(
                        f -> "; " + f.framework() + " " + f.version() + " " + f.needsMet() + " met")
                    .reduce("", String::concat)));
    return new Outcome.Open(found);
  }
}
