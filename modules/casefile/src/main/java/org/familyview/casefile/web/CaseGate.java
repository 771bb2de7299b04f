package org.familyview.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Function;
import org.familyview.access.CaseAccess;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.casefile.CaseRecords;
import org.familyview.casefile.Casefiles;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The one place a case read is decided and audited. Roles without case data (stewards, uploaders,
 * auditors, admins) are refused before anything is looked up, so they cannot learn which ids exist;
 * keyworkers and leads then go through {@code CaseAccess}. Every outcome is written to the audit
 * trail, refusals as {@code DENIED}.
 */
@Component
class CaseGate {

  static final String NO_CASE_ROLE = "your role does not give access to case data";

  /** The answer to "may this reader open this case?". */
  sealed interface Opened<T> {

    /** The same answer about what {@code f} makes of the open case. */
    default <U> Opened<U> map(Function<? super T, ? extends U> f) {
      return switch (this) {
        case Open<T> open -> new Open<>(f.apply(open.value()), open.ground(), open.audit());
        case Closed<T> closed -> new Closed<>(closed.status(), closed.title(), closed.detail());
        case Moved<T> moved -> new Moved<>(moved.id(), moved.successors());
      };
    }

    record Open<T>(T value, CaseAccess.Ground ground, AuditEvent audit) implements Opened<T> {}

    record Closed<T>(HttpStatus status, String title, String detail) implements Opened<T> {}

    /** A retired person id, and the current persons its records went to. */
    record Moved<T>(String id, List<CaseRecords.Successor> successors) implements Opened<T> {}
  }

  private final Casefiles casefiles;
  private final CaseAccess access;
  private final RequestAudit audit;

  CaseGate(Casefiles casefiles, CaseAccess access, RequestAudit audit) {
    this.casefiles = casefiles;
    this.access = access;
    this.audit = audit;
  }

  static boolean mayReadCases(CurrentUser user) {
    return user.has(Role.KEYWORKER) || user.has(Role.SAFEGUARDING_LEAD);
  }

  /** A refusal, audited with its reason, which the answer gives too. */
  private <T> Opened<T> forbidden(AuditEvent event, String why) {
    audit.record(event.withDetail(why).denied());
    return new Opened.Closed<>(HttpStatus.FORBIDDEN, "Forbidden", why);
  }

  Opened<Casefiles.PersonCase> person(
      String id, AuditAction action, Authentication who, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(who);
    AuditEvent event = audit.event(who, request, action).on("person", id);
    if (!mayReadCases(user)) {
      return forbidden(event, NO_CASE_ROLE);
    }
    return switch (casefiles.person(id)) {
      case Casefiles.Lookup.Unknown unknown -> {
        audit.record(event.withDetail("no such person").denied());
        yield new Opened.Closed<>(HttpStatus.NOT_FOUND, "Not found", "no person " + id);
      }
      case Casefiles.Lookup.Retired retired -> {
        audit.record(
            event.withDetail(
                "retired id; records now in "
                    + retired.successors().stream().map(CaseRecords.Successor::personId).toList()));
        yield new Opened.Moved<>(id, retired.successors());
      }
      case Casefiles.Lookup.Found found ->
          switch (access.toPerson(user, id, found.person().familyIds())) {
            case CaseAccess.Decision.Allowed allowed ->
                new Opened.Open<>(
                    found.person(),
                    allowed.ground(),
                    event.withDetail("ground=" + allowed.ground()));
            case CaseAccess.Decision.Denied denied -> {
              yield forbidden(event, denied.why());
            }
          };
    };
  }

  Opened<Casefiles.FamilyCase> family(
      String id, AuditAction action, Authentication who, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(who);
    AuditEvent event = audit.event(who, request, action).on("family", id);
    if (!mayReadCases(user)) {
      return forbidden(event, NO_CASE_ROLE);
    }
    // Decide before looking the family up, so that a refused keyworker learns nothing of it.
    CaseAccess.Decision decision = access.toFamily(user, id);
    if (decision instanceof CaseAccess.Decision.Denied denied) {
      return forbidden(event, denied.why());
    }
    CaseAccess.Ground ground = ((CaseAccess.Decision.Allowed) decision).ground();
    return switch (casefiles.family(id)) {
      case Casefiles.FamilyLookup.Unknown unknown -> {
        audit.record(event.withDetail("no such family").denied());
        yield new Opened.Closed<>(HttpStatus.NOT_FOUND, "Not found", "no family " + id);
      }
      case Casefiles.FamilyLookup.Retired retired -> {
        audit.record(event.withDetail("retired family").denied());
        yield new Opened.Closed<>(
            HttpStatus.GONE,
            "Family retired",
            "family " + id + " was retired by a later run; search for its members");
      }
      case Casefiles.FamilyLookup.Found found ->
          new Opened.Open<>(found.family(), ground, event.withDetail("ground=" + ground));
    };
  }

  /** Records an allowed read once the caller knows what it showed. */
  void allowed(AuditEvent event, String detail) {
    audit.record(event.withDetail(event.detail() + "; " + detail));
  }

  void record(AuditEvent event) {
    audit.record(event);
  }

  AuditEvent event(Authentication who, HttpServletRequest request, AuditAction action) {
    return audit.event(who, request, action);
  }
}
