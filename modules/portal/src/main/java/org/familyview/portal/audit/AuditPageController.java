package org.familyview.portal.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.familyview.audit.read.AuditFilter;
import org.familyview.audit.read.AuditReader;
import org.familyview.audit.read.AuditScope;
import org.familyview.audit.report.BreakGlassReviews;
import org.familyview.audit.trail.AuditAction;
import org.familyview.portal.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditor's pages: the trail filtered by user, person, family and period, newest first, and the
 * unusual-access reports as tables. Every read is itself audited, as the API's are. The filter is a
 * GET form (it changes nothing); marking a grant reviewed is a POST with a CSRF token.
 */
@Controller
class AuditPageController {

  static final int PAGE_SIZE = 50;

  private final AuditReader reader;
  private final AuditReports reports;
  private final BreakGlassReviews reviews;
  private final RequestAudit audit;
  private final Clock clock = Clock.systemUTC();

  AuditPageController(
      AuditReader reader, AuditReports reports, BreakGlassReviews reviews, RequestAudit audit) {
    this.reader = reader;
    this.reports = reports;
    this.reviews = reviews;
    this.audit = audit;
  }

  /** The filter as typed, so the form shows it back; blank fields mean "any". */
  record Filter(String user, String personId, String familyId, String from, String to) {

    static Filter of(
        @Nullable String user,
        @Nullable String personId,
        @Nullable String familyId,
        @Nullable String from,
        @Nullable String to) {
      return new Filter(text(user), text(personId), text(familyId), text(from), text(to));
    }

    private static String text(@Nullable String value) {
      return value == null ? "" : value.strip();
    }

    String query() {
      UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
      add(uri, "user", user);
      add(uri, "personId", personId);
      add(uri, "familyId", familyId);
      add(uri, "from", from);
      add(uri, "to", to);
      String query = uri.build().encode().getQuery();
      return query == null ? "" : query;
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
      if (!value.isEmpty()) {
        uri.queryParam(name, value);
      }
    }
  }

  @GetMapping("/audit")
  @PreAuthorize("hasRole('auditor')")
  String trail(
      @RequestParam(required = false) @Nullable String user,
      @RequestParam(required = false) @Nullable String personId,
      @RequestParam(required = false) @Nullable String familyId,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(defaultValue = "0") int page,
      Authentication who,
      HttpServletRequest request,
      Model model) {
    Filter filter = Filter.of(user, personId, familyId, from, to);
    int current = Math.max(page, 0);
    audit.record(
        audit
            .event(who, request, AuditAction.AUDIT_READ)
            .withDetail("page /audit?" + filter.query() + "&page=" + current));
    List<String> errors = new ArrayList<>();
    Optional<Instant> start = moment(filter.from(), false, "From", errors);
    Optional<Instant> end = moment(filter.to(), true, "To", errors);
    List<AuditController.Entry> entries = List.of();
    boolean more = false;
    if (errors.isEmpty()) {
      List<AuditController.Entry> found = fetch(filter, audit.scopeOf(who), start, end, current);
      more = found.size() > PAGE_SIZE;
      entries = more ? found.subList(0, PAGE_SIZE) : found;
    }
    model.addAttribute("filter", filter);
    model.addAttribute("errors", errors);
    model.addAttribute("entries", entries);
    model.addAttribute("page", current);
    model.addAttribute("previousPage", current > 0 ? pageLink(filter, current - 1) : null);
    model.addAttribute("nextPage", more ? pageLink(filter, current + 1) : null);
    model.addAttribute("reports", List.of(Report.values()));
    return "audit";
  }

  @GetMapping("/audit/reports/{report}")
  @PreAuthorize("hasRole('auditor')")
  String report(
      @PathVariable String report,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      Authentication who,
      HttpServletRequest request,
      Model model) {
    Filter period = Filter.of(null, null, null, from, to);
    audit.record(
        audit
            .event(who, request, AuditAction.AUDIT_READ)
            .withDetail("page /audit/reports/" + report + "?" + period.query()));
    Report known =
        Report.fromSlug(report)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    List<String> errors = new ArrayList<>();
    Instant end = moment(period.to(), true, "To", errors).orElseGet(clock::instant);
    Instant start =
        moment(period.from(), false, "From", errors)
            .orElse(end.minus(AuditReportController.DEFAULT_PERIOD));
    if (errors.isEmpty() && !start.isBefore(end)) {
      errors.add("From must be before To.");
    }
    model.addAttribute("period", period);
    model.addAttribute("errors", errors);
    model.addAttribute("report", known);
    model.addAttribute("reports", List.of(Report.values()));
    model.addAttribute(
        "result", errors.isEmpty() ? reports.run(known, start, end, audit.scopeOf(who)) : null);
    return "audit-report";
  }

  @PostMapping("/audit/access-grants/{grantId}/review")
  @PreAuthorize("hasRole('auditor')")
  String review(
      @PathVariable UUID grantId,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      Authentication who,
      HttpServletRequest request) {
    var event =
        audit
            .event(who, request, AuditAction.BREAK_GLASS_REVIEW)
            .on("access-grant", grantId.toString());
    switch (reviews.review(grantId, CurrentUser.of(who).username(), clock.instant())) {
      case BreakGlassReviews.Outcome.Reviewed reviewed ->
          audit.record(event.withDetail("reviewed"));
      case BreakGlassReviews.Outcome.AlreadyReviewed earlier ->
          audit.record(event.withDetail("already reviewed by " + earlier.reviewedBy()).denied());
      case BreakGlassReviews.Outcome.NoSuchGrant missing -> {
        audit.record(event.withDetail("no such grant").denied());
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
      }
    }
    String query = Filter.of(null, null, null, from, to).query();
    return "redirect:/audit/reports/out-of-caseload" + (query.isEmpty() ? "" : "?" + query);
  }

  private List<AuditController.Entry> fetch(
      Filter filter, AuditScope scope, Optional<Instant> start, Optional<Instant> end, int page) {
    // A page and the first entry of the next tell whether there is more without counting the trail.
    List<AuditController.Entry> found = new ArrayList<>();
    AuditFilter criteria =
        new AuditFilter(
            blankToNull(filter.personId()),
            blankToNull(filter.familyId()),
            blankToNull(filter.user()),
            start.orElse(null),
            end.orElse(null));
    reader.find(criteria, scope, page, PAGE_SIZE).stream()
        .map(AuditController.Entry::of)
        .forEach(found::add);
    if (found.size() == PAGE_SIZE) {
      reader.find(criteria, scope, (page + 1) * PAGE_SIZE, 1).stream()
          .map(AuditController.Entry::of)
          .forEach(found::add);
    }
    return found;
  }

  private static String pageLink(Filter filter, int page) {
    String query = filter.query();
    return "/audit?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
  }

  private static @Nullable String blankToNull(String value) {
    return value.isEmpty() ? null : value;
  }

  /**
   * A date ({@code 2026-11-21}, the whole day in UTC: From is its start, To its end) or an exact
   * instant ({@code 2026-11-21T10:15:00Z}).
   */
  static Optional<Instant> moment(
      String text, boolean endOfDay, String label, List<String> errors) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      LocalDate day = LocalDate.parse(text);
      return Optional.of(
          (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException notADate) {
      try {
        return Optional.of(Instant.parse(text));
      } catch (DateTimeParseException notAnInstant) {
        errors.add(label + " must be a date like 2026-11-21 or a time like 2026-11-21T10:15:00Z.");
        return Optional.empty();
      }
    }
  }
}
