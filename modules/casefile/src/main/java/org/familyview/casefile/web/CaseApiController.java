package org.familyview.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.familyview.audit.trail.AuditAction;
import org.familyview.casefile.Casefiles;
import org.familyview.casefile.Chronology;
import org.familyview.casefile.Disputes;
import org.familyview.casefile.FeedCoverage;
import org.familyview.casefile.export.ChronologyPdf;
import org.familyview.portal.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person and family views, their chronologies and PDF exports, and disputes, for scripts and
 * partner systems. Access is decided and audited by {@link CaseGate}; nothing here is annotated
 * with roles because a refusal must be audited too.
 */
@RestController
class CaseApiController {

  private final CaseGate gate;
  private final Casefiles casefiles;
  private final FeedCoverage coverage;
  private final Disputes disputes;
  private final Clock clock = Clock.systemUTC();

  CaseApiController(CaseGate gate, Casefiles casefiles, FeedCoverage coverage, Disputes disputes) {
    this.gate = gate;
    this.casefiles = casefiles;
    this.coverage = coverage;
    this.disputes = disputes;
  }

  @GetMapping("/api/persons/{id}")
  ResponseEntity<?> person(@PathVariable String id, Authentication who, HttpServletRequest http) {
    return switch (gate.person(id, AuditAction.PERSON_VIEW, who, http)) {
      case CaseGate.Opened.Open<Casefiles.PersonCase> open -> {
        gate.allowed(open.audit(), open.value().records().size() + " records");
        yield ResponseEntity.ok(
            CaseJson.person(open.value(), coverage.of(open.value().recordsByAgency())));
      }
      case CaseGate.Opened.Moved<Casefiles.PersonCase> moved -> moved(moved);
      case CaseGate.Opened.Closed<Casefiles.PersonCase> closed -> problem(closed);
    };
  }

  @GetMapping("/api/persons/{id}/chronology")
  ResponseEntity<?> personChronology(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable List<String> agency,
      @RequestParam(required = false) @Nullable List<String> type,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      Authentication who,
      HttpServletRequest http) {
    Filters.Parsed filter = Filters.parse(agency, type, from, to, null);
    if (!filter.errors().isEmpty()) {
      return badFilter(filter);
    }
    return switch (gate.person(id, AuditAction.CHRONOLOGY_READ, who, http)) {
      case CaseGate.Opened.Open<Casefiles.PersonCase> open -> {
        Chronology chronology =
            casefiles.chronologyOf(open.value(), filter.filter(), CurrentUser.of(who).roles());
        gate.allowed(open.audit(), read(filter, chronology));
        yield ResponseEntity.ok(
            CaseJson.chronology(
                "person",
                id,
                chronology,
                filter.filter(),
                coverage.of(open.value().recordsByAgency())));
      }
      case CaseGate.Opened.Moved<Casefiles.PersonCase> moved -> moved(moved);
      case CaseGate.Opened.Closed<Casefiles.PersonCase> closed -> problem(closed);
    };
  }

  @GetMapping("/api/persons/{id}/chronology/export")
  ResponseEntity<?> personExport(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable List<String> agency,
      @RequestParam(required = false) @Nullable List<String> type,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      Authentication who,
      HttpServletRequest http) {
    Filters.Parsed filter = Filters.parse(agency, type, from, to, null);
    if (!filter.errors().isEmpty()) {
      return badFilter(filter);
    }
    return switch (gate.person(id, AuditAction.EXPORT, who, http)) {
      case CaseGate.Opened.Open<Casefiles.PersonCase> open -> {
        Chronology chronology =
            casefiles.chronologyOf(open.value(), filter.filter(), CurrentUser.of(who).roles());
        Instant at = clock.instant();
        byte[] pdf =
            ChronologyPdf.render(
                "Chronology of " + open.value().name() + " (" + id + ")",
                chronology,
                filter.filter(),
                coverage.of(open.value().recordsByAgency()),
                CurrentUser.of(who).username(),
                at);
        gate.allowed(open.audit(), "PDF; " + read(filter, chronology));
        yield pdf(pdf, "chronology-" + id + ".pdf");
      }
      case CaseGate.Opened.Moved<Casefiles.PersonCase> moved -> moved(moved);
      case CaseGate.Opened.Closed<Casefiles.PersonCase> closed -> problem(closed);
    };
  }

  @GetMapping("/api/families/{id}")
  ResponseEntity<?> family(@PathVariable String id, Authentication who, HttpServletRequest http) {
    return switch (gate.family(id, AuditAction.FAMILY_VIEW, who, http)) {
      case CaseGate.Opened.Open<Casefiles.FamilyCase> open -> {
        gate.allowed(open.audit(), open.value().members().size() + " members");
        yield ResponseEntity.ok(
            CaseJson.family(open.value(), coverage.of(open.value().agencyCounts())));
      }
      case CaseGate.Opened.Moved<Casefiles.FamilyCase> moved -> moved(moved);
      case CaseGate.Opened.Closed<Casefiles.FamilyCase> closed -> problem(closed);
    };
  }

  @GetMapping("/api/families/{id}/chronology")
  ResponseEntity<?> familyChronology(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable List<String> agency,
      @RequestParam(required = false) @Nullable List<String> type,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable List<String> member,
      Authentication who,
      HttpServletRequest http) {
    Filters.Parsed filter = Filters.parse(agency, type, from, to, member);
    if (!filter.errors().isEmpty()) {
      return badFilter(filter);
    }
    return switch (gate.family(id, AuditAction.CHRONOLOGY_READ, who, http)) {
      case CaseGate.Opened.Open<Casefiles.FamilyCase> open -> {
        Chronology chronology =
            casefiles.chronologyOf(open.value(), filter.filter(), CurrentUser.of(who).roles());
        gate.allowed(open.audit(), read(filter, chronology));
        yield ResponseEntity.ok(
            CaseJson.chronology(
                "family",
                id,
                chronology,
                filter.filter(),
                coverage.of(open.value().agencyCounts())));
      }
      case CaseGate.Opened.Moved<Casefiles.FamilyCase> moved -> moved(moved);
      case CaseGate.Opened.Closed<Casefiles.FamilyCase> closed -> problem(closed);
    };
  }

  @GetMapping("/api/families/{id}/chronology/export")
  ResponseEntity<?> familyExport(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable List<String> agency,
      @RequestParam(required = false) @Nullable List<String> type,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable List<String> member,
      Authentication who,
      HttpServletRequest http) {
    Filters.Parsed filter = Filters.parse(agency, type, from, to, member);
    if (!filter.errors().isEmpty()) {
      return badFilter(filter);
    }
    return switch (gate.family(id, AuditAction.EXPORT, who, http)) {
      case CaseGate.Opened.Open<Casefiles.FamilyCase> open -> {
        Chronology chronology =
            casefiles.chronologyOf(open.value(), filter.filter(), CurrentUser.of(who).roles());
        byte[] pdf =
            ChronologyPdf.render(
                "Chronology of family " + id,
                chronology,
                filter.filter(),
                coverage.of(open.value().agencyCounts()),
                CurrentUser.of(who).username(),
                clock.instant());
        gate.allowed(open.audit(), "PDF; " + read(filter, chronology));
        yield pdf(pdf, "chronology-" + id + ".pdf");
      }
      case CaseGate.Opened.Moved<Casefiles.FamilyCase> moved -> moved(moved);
      case CaseGate.Opened.Closed<Casefiles.FamilyCase> closed -> problem(closed);
    };
  }

  record DisputeRequest(@Nullable List<Disputes.DisputedRecord> records, @Nullable String reason) {}

  @PostMapping("/api/persons/{id}/disputes")
  ResponseEntity<?> dispute(
      @PathVariable String id,
      @RequestBody DisputeRequest request,
      Authentication who,
      HttpServletRequest http) {
    return switch (gate.person(id, AuditAction.DISPUTE, who, http)) {
      case CaseGate.Opened.Open<Casefiles.PersonCase> open -> {
        DisputeResult result =
            DisputeResult.raise(
                disputes, open.value(), request.records(), request.reason(), who, gate, open);
        yield result.response();
      }
      case CaseGate.Opened.Moved<Casefiles.PersonCase> moved -> moved(moved);
      case CaseGate.Opened.Closed<Casefiles.PersonCase> closed -> problem(closed);
    };
  }

  static String read(Filters.Parsed filter, Chronology chronology) {
    return chronology.size() + " entries (" + filter.filter().describe() + ")";
  }

  static ResponseEntity<?> pdf(byte[] pdf, String name) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf);
  }

  static ResponseEntity<?> badFilter(Filters.Parsed filter) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, String.join("; ", filter.errors()));
    problem.setTitle("Invalid chronology filter");
    return ResponseEntity.badRequest().body(problem);
  }

  static ResponseEntity<?> problem(CaseGate.Opened.Closed<?> closed) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(closed.status(), closed.detail());
    problem.setTitle(closed.title());
    return ResponseEntity.status(closed.status()).body(problem);
  }

  /** A retired id answers 410 with the persons its records now belong to. */
  static ResponseEntity<?> moved(CaseGate.Opened.Moved<?> moved) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.GONE,
            "person "
                + moved.id()
                + " was retired (merged or split); its records now belong to the persons listed");
    problem.setTitle("Person id retired");
    problem.setProperty(
        "successors",
        moved.successors().stream()
            .map(
                s ->
                    Map.of(
                        "personId",
                        s.personId(),
                        "kind",
                        s.kind(),
                        "at",
                        s.at().toString(),
                        "href",
                        "/api/persons/" + s.personId()))
            .toList());
    if (moved.successors().size() == 1) {
      return ResponseEntity.status(HttpStatus.GONE)
          .location(URI.create("/api/persons/" + moved.successors().getFirst().personId()))
          .body(problem);
    }
    return ResponseEntity.status(HttpStatus.GONE).body(problem);
  }
}
