package org.familyview.access.caseload;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.familyview.access.CaseAccess;
import org.familyview.access.authority.Move;
import org.familyview.audit.trail.AuditAction;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CaseloadController {

  private final Caseloads caseloads;
  private final CaseloadProperties properties;
  private final RequestAudit audit;
  private final CaseAccess access;

  CaseloadController(
      Caseloads caseloads, CaseloadProperties properties, RequestAudit audit, CaseAccess access) {
    this.caseloads = caseloads;
    this.properties = properties;
    this.audit = audit;
    this.access = access;
  }

  /**
   * An assignment as the caseload lists it; {@code movedAway} is set while the family has moved out
   * of the reader's authority and they still read it (the notice: where, when, until when).
   */
  record CaseloadEntry(
      UUID id,
      String keyworker,
      String familyId,
      LocalDate startsOn,
      @Nullable LocalDate endsOn,
      String assignedBy,
      @Nullable Move movedAway) {}

  record AssignmentRequest(
      @NotBlank String keyworker,
      @NotBlank String familyId,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {}

  record AccessReason(
      @NotBlank String purpose, @NotBlank @Size(min = 10, max = 2000) String reason) {}

  record AccessGranted(UUID grantId, Instant expiresAt, String reviewNote) {}

  @PostMapping("/api/caseloads")
  @PreAuthorize("hasRole('safeguarding-lead')")
  ResponseEntity<?> assign(
      @Valid @RequestBody AssignmentRequest request, Authentication who, HttpServletRequest http) {
    LocalDate from = request.from() == null ? LocalDate.now() : request.from();
    CurrentUser lead = CurrentUser.of(who);
    if (access.toFamily(lead, request.familyId()) instanceof CaseAccess.Decision.Denied denied) {
      // A lead assigns only families their own authority holds.
      audit.record(
          audit
              .event(who, http, AuditAction.CASELOAD_CHANGE)
              .on("family", request.familyId())
              .withDetail(denied.why())
              .denied());
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, denied.why()));
    }
    if (request.to() != null && request.to().isBefore(from)) {
      return ResponseEntity.badRequest()
          .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "to is before from"));
    }
    Caseloads.Assignment assignment =
        caseloads.assign(
            request.keyworker(), request.familyId(), from, request.to(), lead.username());
    audit.record(
        audit
            .event(who, http, AuditAction.CASELOAD_CHANGE)
            .on("family", request.familyId())
            .withDetail(
                "assigned to "
                    + request.keyworker()
                    + " from "
                    + from
                    + (request.to() == null ? "" : " to " + request.to())));
    return ResponseEntity.created(URI.create("/api/caseloads/" + request.keyworker()))
        .body(assignment);
  }

  @GetMapping("/api/caseloads/{keyworker}")
  @PreAuthorize(
      "hasRole('safeguarding-lead') or (hasRole('keyworker') and #keyworker == authentication.name)")
  List<CaseloadEntry> caseload(@PathVariable String keyworker, Authentication who) {
    CurrentUser reader = CurrentUser.of(who);
    // A lead lists only what their authority holds: another authority's assignments are not
    // theirs to see, even as ids. A keyworker reading their own caseload sees all of it.
    java.util.Set<String> area = reader.has(Role.SAFEGUARDING_LEAD) ? access.area(reader) : null;
    return caseloads.of(keyworker).stream()
        .filter(a -> area == null || area.contains(a.familyId()))
        .map(
            a ->
                new CaseloadEntry(
                    a.id(),
                    a.keyworker(),
                    a.familyId(),
                    a.startsOn(),
                    a.endsOn(),
                    a.assignedBy(),
                    access.movedAwayNotice(reader, a.familyId()).orElse(null)))
        .toList();
  }

  @PostMapping("/api/persons/{id}/access-reasons")
  @PreAuthorize("hasRole('keyworker')")
  ResponseEntity<?> personAccess(
      @PathVariable String id,
      @Valid @RequestBody AccessReason reason,
      Authentication who,
      HttpServletRequest http) {
    return breakGlass("person", id, reason, who, http);
  }

  @PostMapping("/api/families/{id}/access-reasons")
  @PreAuthorize("hasRole('keyworker')")
  ResponseEntity<?> familyAccess(
      @PathVariable String id,
      @Valid @RequestBody AccessReason reason,
      Authentication who,
      HttpServletRequest http) {
    return breakGlass("family", id, reason, who, http);
  }

  private ResponseEntity<?> breakGlass(
      String type, String id, AccessReason reason, Authentication who, HttpServletRequest http) {
    if (!properties.allowsPurpose(reason.purpose())) {
      audit.record(
          audit
              .event(who, http, AuditAction.BREAK_GLASS)
              .on(type, id)
              .withPurpose(reason.purpose())
              // What the user typed is kept with the refusal: an auditor reviews both.
              .withDetail(reason.reason())
              .denied());
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              "purpose must be one of: " + String.join("; ", properties.breakGlassPurposes()));
      problem.setTitle("Unknown purpose");
      return ResponseEntity.badRequest().body(problem);
    }
    if (access.mayBreakGlass(CurrentUser.of(who), type, id)
        instanceof CaseAccess.Decision.Denied denied) {
      audit.record(
          audit
              .event(who, http, AuditAction.BREAK_GLASS)
              .on(type, id)
              .withPurpose(reason.purpose())
              .withDetail(denied.why() + "; reason given: " + reason.reason())
              .denied());
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, denied.why());
      problem.setTitle("Not in your authority");
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
    String username = CurrentUser.of(who).username();
    Caseloads.Grant grant =
        caseloads.grant(
            username, type, id, reason.purpose(), reason.reason(), properties.breakGlassDuration());
    // The reason goes into the audit trail verbatim: it is what an auditor reviews.
    audit.record(
        audit
            .event(who, http, AuditAction.BREAK_GLASS)
            .on(type, id)
            .withPurpose(reason.purpose())
            .withDetail(reason.reason()));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new AccessGranted(
                grant.id(),
                grant.expiresAt(),
                "Access outside your caseload is recorded and will be reviewed by an auditor."));
  }
}
