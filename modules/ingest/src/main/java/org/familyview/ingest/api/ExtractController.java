package org.familyview.ingest.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.extracts.Partner;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.Partners;
import org.familyview.ingest.extract.AgencyAccess;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractSource;
import org.familyview.ingest.extract.Extracts;
import org.familyview.ingest.extract.FeedbackKind;
import org.familyview.ingest.extract.FeedbackPage;
import org.familyview.ingest.load.ExtractIntake;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Partners deliver extracts here and read back what became of them (contract version 2: {@code POST
 * /api/extracts/{partner}}, {@code partner} a configured partner's id; version 1's four agency ids
 * are the partners of the default configuration). A partner's uploaders act only for it; admins for
 * all. Pagination of rejects and warnings: {@code page} (from 0) and {@code size} (1 to 1000,
 * default 100).
 */
@RestController
@RequestMapping("/api/extracts")
class ExtractController {

  static final int DEFAULT_PAGE_SIZE = 100;
  static final int MAX_PAGE_SIZE = 1000;

  private final Extracts extracts;
  private final ExtractIntake intake;
  private final RequestAudit audit;

  private final Partners partners;

  ExtractController(
      Extracts extracts, ExtractIntake intake, RequestAudit audit, Partners partners) {
    this.partners = partners;
    this.extracts = extracts;
    this.intake = intake;
    this.audit = audit;
  }

  @PostMapping(path = "/{partner}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> upload(
      @PathVariable("partner") String agency,
      @RequestPart("persons") MultipartFile persons,
      @RequestPart(name = "events", required = false) @Nullable MultipartFile events,
      Authentication authentication,
      HttpServletRequest request)
      throws IOException {
    Optional<Partner> known = partners.find(agency);
    if (known.isEmpty()) {
      return unknownPartner();
    }
    CurrentUser user = CurrentUser.of(authentication);
    AuditEvent event =
        audit.event(authentication, request, AuditAction.UPLOAD).withDetail("agency=" + agency);
    if (AgencyAccess.of(user, known.get().id()) instanceof AgencyAccess.Denied denied) {
      audit.record(event.denied());
      return problem(HttpStatus.FORBIDDEN, denied.reason());
    }
    if (!known.get().delivers(Partner.Feed.UPLOAD)) {
      audit.record(event.denied());
      return problem(
          HttpStatus.FORBIDDEN,
          "The partner " + known.get().id() + " delivers through its drop folder, not by upload.");
    }
    if (persons.isEmpty()) {
      return problem(HttpStatus.BAD_REQUEST, "The persons part is empty.");
    }
    MultipartFile eventsPart = events == null || events.isEmpty() ? null : events;
    Extract extract =
        intake.receive(
            known.get().id(),
            ExtractSource.UPLOAD,
            user.username(),
            persons::getInputStream,
            eventsPart == null ? null : eventsPart::getInputStream);
    audit.record(event.on("extract", extract.id().toString()));
    return ResponseEntity.accepted()
        .location(URI.create("/api/extracts/" + extract.id()))
        .body(Map.of("extractId", extract.id().toString(), "status", extract.status().name()));
  }

  @GetMapping
  ResponseEntity<?> recent(
      @RequestParam(required = false) @Nullable String agency,
      @RequestParam(defaultValue = "30") int limit,
      Authentication authentication) {
    Set<PartnerId> visible = AgencyAccess.visibleTo(CurrentUser.of(authentication), partners.ids());
    if (visible.isEmpty()) {
      return problem(HttpStatus.FORBIDDEN, "Only agency uploaders and admins see extracts.");
    }
    int n = Math.clamp(limit, 1, 200);
    List<Extract> found;
    if (agency != null) {
      Optional<PartnerId> one = PartnerId.fromCode(agency);
      if (one.isEmpty() || !visible.contains(one.get())) {
        return problem(HttpStatus.FORBIDDEN, "You may not see that agency's extracts.");
      }
      found = extracts.recent(one.get(), n);
    } else if (visible.size() == 1) {
      found = extracts.recent(visible.iterator().next(), n);
    } else {
      found = extracts.recent(null, n);
    }
    return ResponseEntity.ok(found.stream().map(ExtractSummary::of).toList());
  }

  @GetMapping("/{extractId}")
  ResponseEntity<?> status(
      @PathVariable String extractId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
      Authentication authentication) {
    Lookup lookup = lookup(extractId, authentication);
    if (lookup instanceof Lookup.Refused refused) {
      return refused.response();
    }
    Extract extract = ((Lookup.Found) lookup).extract();
    int p = Math.max(0, page);
    int s = Math.clamp(size, 1, MAX_PAGE_SIZE);
    FeedbackPage rejects = extracts.feedback(extract.id(), FeedbackKind.REJECT, p, s);
    FeedbackPage warnings = extracts.feedback(extract.id(), FeedbackKind.WARNING, p, s);
    return ResponseEntity.ok(
        ExtractView.of(extract, extracts.progress(extract), rejects, warnings));
  }

  @GetMapping("/{extractId}/rejects.csv")
  void rejectsCsv(
      @PathVariable String extractId, Authentication authentication, HttpServletResponse response)
      throws IOException {
    Lookup lookup = lookup(extractId, authentication);
    if (lookup instanceof Lookup.Refused refused) {
      ProblemDetail body = (ProblemDetail) refused.response().getBody();
      response.sendError(body == null ? 404 : body.getStatus());
      return;
    }
    RejectsCsv.send(extracts, ((Lookup.Found) lookup).extract(), response);
  }

  private Lookup lookup(String extractId, Authentication authentication) {
    UUID id;
    try {
      id = UUID.fromString(extractId);
    } catch (IllegalArgumentException e) {
      return new Lookup.Refused(problem(HttpStatus.NOT_FOUND, "There is no such extract."));
    }
    Optional<Extract> extract = extracts.find(id);
    if (extract.isEmpty()) {
      return new Lookup.Refused(problem(HttpStatus.NOT_FOUND, "There is no such extract."));
    }
    if (AgencyAccess.of(CurrentUser.of(authentication), extract.get().agency())
        instanceof AgencyAccess.Denied denied) {
      return new Lookup.Refused(problem(HttpStatus.FORBIDDEN, denied.reason()));
    }
    return new Lookup.Found(extract.get());
  }

  private sealed interface Lookup {
    record Found(Extract extract) implements Lookup {}

    record Refused(ResponseEntity<ProblemDetail> response) implements Lookup {}
  }

  /** Names the list to look in: a partner's developer who typed {@code polise} should not guess. */
  private static ResponseEntity<ProblemDetail> unknownPartner() {
    ProblemDetail detail =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND,
            "There is no partner with that id. GET /api/partners lists the configured partners.");
    detail.setTitle("Unknown partner");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(detail);
  }

  static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}
