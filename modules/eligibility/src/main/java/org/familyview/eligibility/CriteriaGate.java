package org.familyview.eligibility;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.familyview.access.CaseAccess;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.criteria.Ruleset;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The one place a read of criteria is decided and audited, for the API and the pages alike. A
 * family's criteria: leads see every family, keyworkers only what {@code CaseAccess} opens to them,
 * every other role nothing; each outcome is written to the audit trail as {@code FAMILY_VIEW}. The
 * eligible list of a framework and its evidence pack (for leads, as the doors' role checks say):
 * which families a page showed, and what left in a pack (even one broken off).
 */
@Component
class CriteriaGate {

  sealed interface Outcome {
    record Open(CriteriaViews.FamilyCriteria criteria) implements Outcome {}

    record Closed(HttpStatus status, String detail) implements Outcome {}
  }

  /** A page of the eligible list, or a framework that is not configured. */
  sealed interface Eligible {
    record Listed(CriteriaViews.EligibleList list, int page) implements Eligible {}

    record UnknownFramework() implements Eligible {}
  }

  private final CaseAccess access;
  private final CriteriaViews views;
  private final EvidencePack pack;
  private final RequestAudit audit;

  CriteriaGate(CaseAccess access, CriteriaViews views, EvidencePack pack, RequestAudit audit) {
    this.access = access;
    this.views = views;
    this.pack = pack;
    this.audit = audit;
  }

  Optional<Ruleset> ruleset(String framework) {
    return views.rulesets().framework(framework);
  }

  List<Ruleset> rulesets() {
    return views.rulesets().all();
  }

  /** The frameworks configured, for the refusal of any other. */
  String frameworks() {
    return String.join(", ", views.rulesets().frameworks());
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

  /**
   * A page of a framework's eligible families ({@code page} from 0, at most {@code size}), audited
   * with the families it showed; {@code where} names the door.
   */
  Eligible eligible(
      String framework,
      int page,
      int size,
      String where,
      Authentication who,
      HttpServletRequest request) {
    Optional<Ruleset> ruleset = views.rulesets().framework(framework);
    if (ruleset.isEmpty()) {
      return new Eligible.UnknownFramework();
    }
    int p = Math.max(0, page);
    CriteriaViews.EligibleList list =
        views.eligible(
            ruleset.get(),
            p,
            size,
            CurrentUser.of(who).roles(),
            // A lead's return is their own authority's families.
            access.area(CurrentUser.of(who)));
    audit.record(
        audit
            .event(who, request, AuditAction.FAMILY_VIEW)
            .on("criteria-eligible", framework)
            .withDetail(
                where
                    + ", framework "
                    + framework
                    + " run "
                    + list.runId()
                    + " page "
                    + p
                    + ": "
                    + list.families().stream()
                        .map(CriteriaViews.EligibleFamily::familyId)
                        .reduce((a, b) -> a + "," + b)
                        .orElse("none")));
    return new Eligible.Listed(list, p);
  }

  /** Writes the evidence pack of the latest run to the response, the same from either door. */
  void writePack(
      Ruleset ruleset, Authentication who, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<CriteriaResults.Run> run = pack.latestRun();
    if (run.isEmpty()) {
      audit.record(
          audit
              .event(who, request, AuditAction.EXPORT)
              .on("criteria-evidence-pack", ruleset.framework())
              .withDetail("no criteria run has finished yet")
              .denied());
      response.sendError(HttpStatus.NOT_FOUND.value(), "no criteria run has finished yet");
      return;
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"evidence-pack-"
            + ruleset.framework()
            + "-"
            + run.get().evaluatedOn()
            + ".csv\"");
    long families = -1;
    try (Writer writer =
        new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
      families =
          pack.write(
              ruleset,
              run.get().runId(),
              CurrentUser.of(who).roles(),
              access.area(CurrentUser.of(who)),
              writer);
    } finally {
      // Recorded even when the download breaks off: what left the building is what matters.
      audit.record(
          audit
              .event(who, request, AuditAction.EXPORT)
              .on("criteria-evidence-pack", ruleset.framework())
              .withDetail(
                  "evidence pack, framework "
                      + ruleset.framework()
                      + " version "
                      + ruleset.version()
                      + ", run "
                      + run.get().runId()
                      + (families < 0 ? ", broken off" : ", " + families + " eligible families")));
    }
  }
}
