package org.familyview.ingest.api;

import static org.familyview.ingest.api.ExtractController.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.extracts.Partners;
import org.familyview.ingest.extract.AgencyAccess;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.Extracts;
import org.familyview.ingest.extract.Held;
import org.familyview.ingest.load.HeldExtracts;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/extracts/{id}/confirm} and {@code /discard}: the decision on an extract the
 * snapshot guard held. The same people who may send the agency's extracts decide (its uploader, an
 * admin); a confirmation needs a reason. Every attempt is audited, refused ones too.
 */
@RestController
@RequestMapping("/api/extracts/{extractId}")
class HeldExtractController {

  static final int MAX_REASON_LENGTH = 2000;

  private final Extracts extracts;
  private final HeldExtracts held;
  private final RequestAudit audit;

  private final Partners partners;

  HeldExtractController(
      Extracts extracts, HeldExtracts held, RequestAudit audit, Partners partners) {
    this.partners = partners;
    this.extracts = extracts;
    this.held = held;
    this.audit = audit;
  }

  /** The body of both requests; {@code reason} is required to confirm. */
  record Decision(@Nullable String reason) {}

  @PostMapping("/confirm")
  ResponseEntity<?> confirm(
      @PathVariable String extractId,
      @RequestBody(required = false) @Nullable Decision body,
      Authentication authentication,
      HttpServletRequest request) {
    return decide(extractId, body, true, authentication, request);
  }

  @PostMapping("/discard")
  ResponseEntity<?> discard(
      @PathVariable String extractId,
      @RequestBody(required = false) @Nullable Decision body,
      Authentication authentication,
      HttpServletRequest request) {
    return decide(extractId, body, false, authentication, request);
  }

  private ResponseEntity<?> decide(
      String extractId,
      @Nullable Decision body,
      boolean confirm,
      Authentication authentication,
      HttpServletRequest request) {
    AuditAction action = confirm ? AuditAction.EXTRACT_CONFIRM : AuditAction.EXTRACT_DISCARD;
    AuditEvent event = audit.event(authentication, request, action).on("extract", extractId);
    String reason = body == null || body.reason() == null ? null : body.reason().strip();
    if (reason != null && !reason.isEmpty()) {
      event = event.withPurpose(reason);
    }
    CurrentUser user = CurrentUser.of(authentication);
    if (AgencyAccess.visibleTo(user, partners.ids()).isEmpty()) {
      // Before any lookup: who is not an uploader or admin learns nothing about extract ids.
      audit.record(event.denied());
      return problem(HttpStatus.FORBIDDEN, "Only agency uploaders and admins decide on extracts.");
    }
    Optional<Extract> extract = find(extractId);
    if (extract.isEmpty()) {
      audit.record(event.denied().withDetail("no such extract"));
      return problem(HttpStatus.NOT_FOUND, "There is no such extract.");
    }
    event = event.withDetail(detail(extract.get()));
    if (AgencyAccess.of(user, extract.get().agency()) instanceof AgencyAccess.Denied denied) {
      audit.record(event.denied());
      return problem(HttpStatus.FORBIDDEN, denied.reason());
    }
    if (confirm && (reason == null || reason.isEmpty())) {
      audit.record(event.denied());
      return problem(HttpStatus.BAD_REQUEST, "A confirmation needs a reason.");
    }
    if (reason != null && reason.length() > MAX_REASON_LENGTH) {
      audit.record(event.denied());
      return problem(HttpStatus.BAD_REQUEST, "The reason is longer than 2000 characters.");
    }
    UUID id = extract.get().id();
    HeldExtracts.Outcome outcome =
        confirm
            ? held.confirm(id, user.username(), reason == null ? "" : reason)
            : held.discard(id, user.username(), reason == null || reason.isEmpty() ? null : reason);
    return answer(outcome, event);
  }

  private ResponseEntity<?> answer(HeldExtracts.Outcome outcome, AuditEvent event) {
    return switch (outcome) {
      case HeldExtracts.Outcome.Done done -> {
        audit.record(event);
        yield ResponseEntity.ok(
            Map.of(
                "extractId",
                done.extract().id().toString(),
                "status",
                done.extract().status().name()));
      }
      case HeldExtracts.Outcome.NotHeld notHeld -> {
        audit.record(event.denied());
        yield problem(
            HttpStatus.CONFLICT,
            "The extract is not held (it is " + notHeld.status().name() + "): nothing was done.");
      }
      case HeldExtracts.Outcome.Superseded superseded -> {
        audit.record(event.denied());
        yield problem(
            HttpStatus.CONFLICT,
            "A later delivery of this agency has been applied since: applying this one would put an"
                + " older snapshot over a newer. Discard it instead.");
      }
    };
  }

  private Optional<Extract> find(String extractId) {
    try {
      return extracts.find(UUID.fromString(extractId));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String detail(Extract extract) {
    Held h = extract.held();
    String figures = h == null ? "" : " wouldRetire=" + h.wouldRetire() + " current=" + h.current();
    return "agency=" + extract.agency().code() + figures;
  }
}
