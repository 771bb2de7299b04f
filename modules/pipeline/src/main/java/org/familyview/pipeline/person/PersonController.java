package org.familyview.pipeline.person;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.linkage.PersonLinks;
import org.familyview.linkage.ReviewTasks;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which person holds a source record, and a person's link history: for data stewards and
 * safeguarding leads, each read audited. A lead sees every family of the authority; a steward only
 * the people a review task names (linkage {@code ReviewTasks.namesPerson}), and a refusal is
 * audited like a read.
 */
@RestController
@PreAuthorize("hasAnyRole('data-steward', 'safeguarding-lead')")
class PersonController {

  static final String NO_TASK_NAMES_PERSON =
      "no review task names this person: a steward reads people through their tasks";

  private final PersonLinks links;
  private final ReviewTasks tasks;
  private final RequestAudit audit;

  PersonController(PersonLinks links, ReviewTasks tasks, RequestAudit audit) {
    this.links = links;
    this.tasks = tasks;
    this.audit = audit;
  }

  /** {@code agency} as in URLs (police) or as stored (POLICE). */
  @GetMapping("/api/persons/by-record/{agency}/{recordId}")
  ResponseEntity<?> byRecord(
      @PathVariable String agency,
      @PathVariable String recordId,
      Authentication who,
      HttpServletRequest request) {
    String stored = agency.strip().toUpperCase(Locale.ROOT);
    Optional<String> person = links.personOf(stored, recordId);
    AuditEvent event =
        audit
            .event(who, request, AuditAction.PERSON_VIEW)
            .withDetail("by-record " + stored + "/" + recordId);
    if (person.isEmpty()) {
      audit.record(event);
      return notFound("No person holds that record.");
    }
    if (!mayRead(who, person.get())) {
      return refused(event.on("person", person.get()));
    }
    audit.record(event.on("person", person.get()));
    return ResponseEntity.ok(Map.of("personId", person.get()));
  }

  @GetMapping("/api/persons/{id}/history")
  ResponseEntity<?> history(
      @PathVariable String id, Authentication who, HttpServletRequest request) {
    AuditEvent event =
        audit.event(who, request, AuditAction.PERSON_VIEW).on("person", id).withDetail("history");
    var history = links.history(id);
    if (history.isPresent() && !mayRead(who, id)) {
      return refused(event);
    }
    audit.record(event);
    return history
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> notFound("There is no person with that id."));
  }

  private boolean mayRead(Authentication who, String personId) {
    return CurrentUser.of(who).has(Role.SAFEGUARDING_LEAD) || tasks.namesPerson(personId);
  }

  private ResponseEntity<ProblemDetail> refused(AuditEvent event) {
    audit.record(event.withDetail(event.detail() + "; " + NO_TASK_NAMES_PERSON).denied());
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, NO_TASK_NAMES_PERSON));
  }

  private static ResponseEntity<ProblemDetail> notFound(String detail) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail));
  }
}
