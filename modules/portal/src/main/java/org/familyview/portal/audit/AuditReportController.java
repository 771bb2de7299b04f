package org.familyview.portal.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.familyview.audit.report.BreakGlassReviews;
import org.familyview.audit.trail.AuditAction;
import org.familyview.portal.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The unusual-access reports and break-glass reviews for auditors, as JSON. */
@RestController
class AuditReportController {

  /** Without a period, a report covers the last week. */
  static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

  private final AuditReports reports;
  private final BreakGlassReviews reviews;
  private final RequestAudit audit;
  private final Clock clock = Clock.systemUTC();

  AuditReportController(AuditReports reports, BreakGlassReviews reviews, RequestAudit audit) {
    this.reports = reports;
    this.reviews = reviews;
    this.audit = audit;
  }

  @GetMapping("/api/audit/reports/{report}")
  @PreAuthorize("hasRole('auditor')")
  ResponseEntity<?> report(
      @PathVariable String report,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          @Nullable Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          @Nullable Instant to,
      Authentication who,
      HttpServletRequest request) {
    Instant end = to == null ? clock.instant() : to;
    Instant start = from == null ? end.minus(DEFAULT_PERIOD) : from;
    Optional<Report> known = Report.fromSlug(report);
    audit.record(
        audit
            .event(who, request, AuditAction.AUDIT_READ)
            .withDetail("report=" + report + "&from=" + start + "&to=" + end));
    if (known.isEmpty()) {
      return problem(HttpStatus.NOT_FOUND, "Unknown report", "There is no such report.");
    }
    if (!start.isBefore(end)) {
      return problem(HttpStatus.BAD_REQUEST, "Empty period", "from must be before to");
    }
    return ResponseEntity.ok(reports.run(known.get(), start, end, audit.scopeOf(who)));
  }

  @PostMapping("/api/audit/access-grants/{grantId}/review")
  @PreAuthorize("hasRole('auditor')")
  ResponseEntity<?> review(
      @PathVariable UUID grantId, Authentication who, HttpServletRequest request) {
    BreakGlassReviews.Outcome outcome =
        reviews.review(grantId, CurrentUser.of(who).username(), clock.instant());
    var event =
        audit
            .event(who, request, AuditAction.BREAK_GLASS_REVIEW)
            .on("access-grant", grantId.toString());
    return switch (outcome) {
      case BreakGlassReviews.Outcome.Reviewed reviewed -> {
        audit.record(event.withDetail("reviewed"));
        yield ResponseEntity.ok(reviewed);
      }
      case BreakGlassReviews.Outcome.AlreadyReviewed earlier -> {
        audit.record(event.withDetail("already reviewed by " + earlier.reviewedBy()).denied());
        yield ResponseEntity.status(HttpStatus.CONFLICT).body(earlier);
      }
      case BreakGlassReviews.Outcome.NoSuchGrant missing -> {
        audit.record(event.withDetail("no such grant").denied());
        yield problem(HttpStatus.NOT_FOUND, "No such grant", "There is no access grant " + grantId);
      }
    };
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).body(problem);
  }
}
