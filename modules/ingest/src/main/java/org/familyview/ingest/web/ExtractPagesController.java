package org.familyview.ingest.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.extracts.Partner;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.Partners;
import org.familyview.ingest.api.RejectsCsv;
import org.familyview.ingest.extract.AgencyAccess;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractSource;
import org.familyview.ingest.extract.Extracts;
import org.familyview.ingest.extract.FeedbackKind;
import org.familyview.ingest.load.ExtractIntake;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** The uploader's pages; the same rule as the API decides who sees which agency. */
@Controller
class ExtractPagesController {

  private static final int PAGE_SIZE = 50;

  private final Extracts extracts;
  private final ExtractIntake intake;
  private final RequestAudit audit;

  private final Partners partners;

  ExtractPagesController(
      Extracts extracts, ExtractIntake intake, RequestAudit audit, Partners partners) {
    this.partners = partners;
    this.extracts = extracts;
    this.intake = intake;
    this.audit = audit;
  }

  @GetMapping("/extracts")
  String uploads(Authentication authentication, Model model) {
    Set<PartnerId> visible = visible(authentication);
    model.addAttribute("agencies", visible.stream().map(PartnerId::code).toList());
    model.addAttribute(
        "extracts", extracts.recent(visible.size() == 1 ? visible.iterator().next() : null, 30));
    return "extracts/uploads";
  }

  @PostMapping("/extracts")
  String upload(
      @RequestParam String agency,
      @RequestParam("persons") MultipartFile persons,
      @RequestParam(name = "events", required = false) @Nullable MultipartFile events,
      Authentication authentication,
      HttpServletRequest request)
      throws IOException {
    PartnerId target =
        partners
            .find(agency)
            .map(Partner::id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
    CurrentUser user = CurrentUser.of(authentication);
    AuditEvent event =
        audit.event(authentication, request, AuditAction.UPLOAD).withDetail("agency=" + agency);
    if (AgencyAccess.of(user, target) instanceof AgencyAccess.Denied) {
      audit.record(event.denied());
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    if (persons.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "persons.csv is required");
    }
    MultipartFile eventsPart = events == null || events.isEmpty() ? null : events;
    Extract extract =
        intake.receive(
            target,
            ExtractSource.UPLOAD,
            user.username(),
            persons::getInputStream,
            eventsPart == null ? null : eventsPart::getInputStream);
    audit.record(event.on("extract", extract.id().toString()));
    return "redirect:/extracts/" + extract.id();
  }

  @GetMapping("/extracts/{extractId}")
  String extract(
      @PathVariable String extractId,
      @RequestParam(defaultValue = "0") int page,
      Authentication authentication,
      Model model) {
    Extract extract = visibleExtract(extractId, authentication);
    int p = Math.max(0, page);
    model.addAttribute("extract", extract);
    model.addAttribute("progress", extracts.progress(extract));
    model.addAttribute(
        "rejects", extracts.feedback(extract.id(), FeedbackKind.REJECT, p, PAGE_SIZE));
    model.addAttribute(
        "warnings", extracts.feedback(extract.id(), FeedbackKind.WARNING, p, PAGE_SIZE));
    return "extracts/extract";
  }

  /**
   * The rejects as CSV for a signed-in uploader: the page links here, not to the API, whose bearer
   * token a browser does not carry. The same agency rule; the download and any refusal audited.
   */
  @GetMapping("/extracts/{extractId}/rejects.csv")
  void rejectsCsv(
      @PathVariable String extractId,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    AuditEvent event =
        audit
            .event(authentication, request, AuditAction.EXPORT)
            .on("extract", extractId)
            .withDetail("rejects.csv");
    Extract extract;
    try {
      extract = visibleExtract(extractId, authentication);
    } catch (ResponseStatusException refused) {
      if (refused.getStatusCode() == HttpStatus.FORBIDDEN) {
        audit.record(event.denied());
      }
      throw refused;
    }
    audit.record(event);
    RejectsCsv.send(extracts, extract, response);
  }

  @GetMapping("/extracts/scorecard/{agency}")
  String scorecard(@PathVariable String agency, Authentication authentication, Model model) {
    PartnerId target =
        PartnerId.fromCode(agency)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!visible(authentication).contains(target)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    List<Extract> trend = extracts.recent(target, 30);
    model.addAttribute(
        "scorecard",
        Scorecard.of(
            target,
            extracts.countsByCode(target, FeedbackKind.REJECT, 30),
            extracts.countsByCode(target, FeedbackKind.WARNING, 30),
            trend));
    return "extracts/scorecard";
  }

  private Extract visibleExtract(String extractId, Authentication authentication) {
    Optional<Extract> extract;
    try {
      extract = extracts.find(UUID.fromString(extractId));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    Extract found = extract.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!visible(authentication).contains(found.agency())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return found;
  }

  private Set<PartnerId> visible(Authentication authentication) {
    Set<PartnerId> visible = AgencyAccess.visibleTo(CurrentUser.of(authentication), partners.ids());
    if (visible.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return visible;
  }
}
