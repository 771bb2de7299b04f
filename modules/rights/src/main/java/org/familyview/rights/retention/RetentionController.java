package org.familyview.rights.retention;

import jakarta.servlet.http.HttpServletRequest;
import org.familyview.audit.trail.AuditAction;
import org.familyview.portal.audit.RequestAudit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retention runs for administrators: what is due (a dry run) and a run now. Administrators see ids
 * and counts, never case data.
 */
@RestController
class RetentionController {

  private final RetentionErasure erasure;
  private final RequestAudit audit;

  RetentionController(RetentionErasure erasure, RequestAudit audit) {
    this.erasure = erasure;
    this.audit = audit;
  }

  /** The dry run: what a run now would erase; nothing changes. */
  @GetMapping("/api/retention/due")
  @PreAuthorize("hasRole('admin')")
  ErasureReport due(Authentication who, HttpServletRequest http) {
    ErasureReport report = erasure.dryRun();
    audit.record(
        audit
            .event(who, http, AuditAction.ERASURE)
            .on("retention-run", report.runId().toString())
            .withDetail("dry run: " + report.records().size() + " records due, none erased"));
    return report;
  }

  /** Runs the erasure now ({@code dryRun=true}: the same report as {@code GET due}). */
  @PostMapping("/api/retention/runs")
  @PreAuthorize("hasRole('admin')")
  ErasureReport run(
      @RequestParam(defaultValue = "false") boolean dryRun,
      Authentication who,
      HttpServletRequest http) {
    if (dryRun) {
      return due(who, http);
    }
    return erasure.run(audit.event(who, http, AuditAction.ERASURE));
  }
}
