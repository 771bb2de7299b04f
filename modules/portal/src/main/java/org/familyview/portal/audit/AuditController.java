package org.familyview.portal.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.familyview.audit.read.AuditFilter;
import org.familyview.audit.read.AuditReader;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

  private final AuditReader reader;
  private final RequestAudit audit;

  AuditController(AuditReader reader, RequestAudit audit) {
    this.reader = reader;
    this.audit = audit;
  }

  record Entry(
      long seq,
      Instant at,
      String user,
      List<String> roles,
      String action,
      String outcome,
      @Nullable String targetType,
      @Nullable String targetId,
      @Nullable String purpose,
      @Nullable String detail,
      @Nullable String source,
      String hash) {

    static Entry of(AuditEntry e) {
      return new Entry(
          e.seq(),
          e.recordedAt(),
          e.actor(),
          e.actorRoles().isEmpty() ? List.of() : List.of(e.actorRoles().split(",")),
          e.action(),
          e.outcome(),
          e.targetType(),
          e.targetId(),
          e.purpose(),
          e.detail(),
          e.source(),
          e.hash());
    }
  }

  record Page(List<Entry> entries, int page, int size) {}

  /** Reading the trail is itself recorded, so auditors are accountable too. */
  @GetMapping("/api/audit")
  @PreAuthorize("hasRole('auditor')")
  Page find(
      @RequestParam(required = false) @Nullable String personId,
      @RequestParam(required = false) @Nullable String familyId,
      @RequestParam(required = false) @Nullable String user,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          @Nullable Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          @Nullable Instant to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "100") int size,
      Authentication who,
      HttpServletRequest request) {
    List<String> criteria = new ArrayList<>();
    if (personId != null) criteria.add("personId=" + personId);
    if (familyId != null) criteria.add("familyId=" + familyId);
    if (user != null) criteria.add("user=" + user);
    if (from != null) criteria.add("from=" + from);
    if (to != null) criteria.add("to=" + to);
    audit.record(
        audit.event(who, request, AuditAction.AUDIT_READ).withDetail(String.join("&", criteria)));
    int pageSize = Math.clamp(size, 1, AuditReader.MAX_PAGE_SIZE);
    List<Entry> entries =
        reader
            .find(
                new AuditFilter(personId, familyId, user, from, to),
                audit.scopeOf(who),
                page,
                pageSize)
            .stream()
            .map(Entry::of)
            .toList();
    return new Page(entries, Math.max(page, 0), pageSize);
  }
}
