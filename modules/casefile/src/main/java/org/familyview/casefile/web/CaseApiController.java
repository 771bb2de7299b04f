package org.familyview.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.familyview.access.CaseAccess;
import org.familyview.audit.trail.AuditAction;
import org.familyview.casefile.CasePartners;
import org.familyview.casefile.Casefiles;
import org.familyview.casefile.Chronology;
import org.familyview.casefile.Disputes;
import org.familyview.casefile.web.CaseReads.Case;
import org.familyview.casefile.web.CaseReads.Door;
import org.familyview.casefile.web.CaseReads.Kind;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The person and family views, their chronologies and PDF exports, and disputes, for scripts and
 * partner systems. Access is decided and audited by {@link CaseGate} through {@link CaseReads};
 * nothing here is annotated with roles because a refusal must be audited too.
 */
@RestController
class CaseApiController {

  private final CaseReads reads;
  private final CaseGate gate;
  private final Disputes disputes;

  private final CasePartners partners;
  private final CaseAccess access;

  CaseApiController(
      CaseReads reads, CaseGate gate, Disputes disputes, CasePartners partners, CaseAccess access) {
    this.partners = partners;
    this.reads = reads;
    this.gate = gate;
    this.disputes = disputes;
    this.access = access;
  }

  @GetMapping("/api/persons/{id}")
  ResponseEntity<?> person(@PathVariable String id, Authentication who, HttpServletRequest http) {
    return view(Kind.PERSON, id, AuditAction.PERSON_VIEW, who, http);
  }

  @GetMapping("/api/persons/{id}/chronology")
  ResponseEntity<?> personChronology(
      @PathVariable String id, ChronologyQuery query, Authentication who, HttpServletRequest http) {
    return chronology(Kind.PERSON, id, query.parse(Kind.PERSON, partners.codes()), who, http);
  }

  @GetMapping("/api/persons/{id}/chronology/export")
  ResponseEntity<?> personExport(
      @PathVariable String id, ChronologyQuery query, Authentication who, HttpServletRequest http) {
    return reads.export(
        Kind.PERSON, id, query.parse(Kind.PERSON, partners.codes()), who, http, Door.API);
  }

  @GetMapping("/api/families/{id}")
  ResponseEntity<?> family(@PathVariable String id, Authentication who, HttpServletRequest http) {
    return view(Kind.FAMILY, id, AuditAction.FAMILY_VIEW, who, http);
  }

  @GetMapping("/api/families/{id}/chronology")
  ResponseEntity<?> familyChronology(
      @PathVariable String id, ChronologyQuery query, Authentication who, HttpServletRequest http) {
    return chronology(Kind.FAMILY, id, query.parse(Kind.FAMILY, partners.codes()), who, http);
  }

  @GetMapping("/api/families/{id}/chronology/export")
  ResponseEntity<?> familyExport(
      @PathVariable String id, ChronologyQuery query, Authentication who, HttpServletRequest http) {
    return reads.export(
        Kind.FAMILY, id, query.parse(Kind.FAMILY, partners.codes()), who, http, Door.API);
  }

  private ResponseEntity<?> view(
      Kind kind, String id, AuditAction action, Authentication who, HttpServletRequest http) {
    return switch (reads.open(kind, id, action, who, http)) {
      case CaseGate.Opened.Open<Case> open -> {
        reads.viewed(open, Door.API);
        var coverage = reads.coverage(open.value());
        yield ResponseEntity.ok(
            switch (open.value()) {
              case Case.OfPerson person ->
                  CaseJson.withFlags(
                      CaseJson.person(person.person(), coverage),
                      reads.flags(person, who, "person API"));
              case Case.OfFamily family ->
                  movedAway(CaseJson.family(family.family(), coverage), id, who);
            });
      }
      case CaseGate.Opened.Moved<Case> moved -> CaseProblems.moved(moved);
      case CaseGate.Opened.Closed<Case> closed -> CaseProblems.closed(closed);
    };
  }

  /**
   * A family that moved out of the reader's authority carries the notice: where it went, when, and
   * until when the old authority still reads it.
   */
  private java.util.Map<String, Object> movedAway(
      java.util.Map<String, Object> family, String id, Authentication who) {
    var notice = access.movedAwayNotice(org.familyview.portal.identity.CurrentUser.of(who), id);
    if (notice.isEmpty()) {
      return family;
    }
    var json = new java.util.LinkedHashMap<>(family);
    json.put("movedAway", notice.get());
    return json;
  }

  private ResponseEntity<?> chronology(
      Kind kind, String id, Filters.Parsed filter, Authentication who, HttpServletRequest http) {
    if (!filter.errors().isEmpty()) {
      return CaseProblems.badFilter(filter);
    }
    return switch (reads.open(kind, id, AuditAction.CHRONOLOGY_READ, who, http)) {
      case CaseGate.Opened.Open<Case> open -> {
        Chronology chronology = reads.chronology(open, filter, who, Door.API);
        yield ResponseEntity.ok(
            CaseJson.chronology(
                kind.type,
                id,
                chronology,
                filter.filter(),
                reads.coverage(open.value()),
                partners::name));
      }
      case CaseGate.Opened.Moved<Case> moved -> CaseProblems.moved(moved);
      case CaseGate.Opened.Closed<Case> closed -> CaseProblems.closed(closed);
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
      case CaseGate.Opened.Moved<Casefiles.PersonCase> moved -> CaseProblems.moved(moved);
      case CaseGate.Opened.Closed<Casefiles.PersonCase> closed -> CaseProblems.closed(closed);
    };
  }
}
