package org.familyview.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.familyview.access.CaseAccess;
import org.familyview.access.caseload.CaseloadProperties;
import org.familyview.access.caseload.Caseloads;
import org.familyview.audit.trail.AuditAction;
import org.familyview.casefile.Agencies;
import org.familyview.casefile.CasefileProperties;
import org.familyview.casefile.Casefiles;
import org.familyview.casefile.Chronology;
import org.familyview.casefile.Disputes;
import org.familyview.casefile.web.CaseReads.Case;
import org.familyview.casefile.web.CaseReads.Door;
import org.familyview.casefile.web.CaseReads.Kind;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.familyview.search.people.SearchOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The keyworker's pages: search, person, family and chronology, with the same gate and audit as the
 * API. A refused keyworker is offered the break-glass form (a purpose from the configured list and
 * a reason), which is recorded and audited exactly as the API's.
 */
@Controller
class CasePagesController {

  private final CaseReads reads;
  private final CaseGate gate;
  private final Disputes disputes;
  private final Searches searches;
  private final Caseloads caseloads;
  private final CaseloadProperties caseloadProperties;
  private final CasefileProperties properties;

  private final CaseAccess access;

  CasePagesController(
      CaseReads reads,
      CaseGate gate,
      Disputes disputes,
      Searches searches,
      Caseloads caseloads,
      CaseloadProperties caseloadProperties,
      CasefileProperties properties,
      CaseAccess access) {
    this.access = access;
    this.reads = reads;
    this.gate = gate;
    this.disputes = disputes;
    this.searches = searches;
    this.caseloads = caseloads;
    this.caseloadProperties = caseloadProperties;
    this.properties = properties;
  }

  @ModelAttribute("when")
  Formats when() {
    return Formats.UTC;
  }

  @GetMapping("/search")
  String search(
      @RequestParam(required = false) @Nullable String q,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("q", q == null ? "" : q);
    switch (searches.search(q, who, request)) {
      case Searches.Result.Refused refused -> {
        return refused(response, model, refused.why(), null, null);
      }
      case Searches.Result.Empty empty -> {}
      case Searches.Result.Searched searched -> {
        switch (searched.outcome()) {
          case SearchOutcome.Found found -> {
            model.addAttribute("hits", found.hits());
            model.addAttribute(
                "flagsByPerson",
                reads.listed(found.hits().stream().map(h -> h.personId()).toList(), who));
            model.addAttribute("total", found.total());
            model.addAttribute("totalExact", found.exact());
          }
          case SearchOutcome.Unavailable unavailable ->
              model.addAttribute("unavailable", unavailable.reason());
        }
      }
    }
    return "casefile/search";
  }

  @GetMapping("/persons/{id}")
  String person(
      @PathVariable String id,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return view(Kind.PERSON, id, AuditAction.PERSON_VIEW, who, request, response, model);
  }

  @GetMapping("/persons/{id}/chronology")
  String personChronology(
      @PathVariable String id,
      ChronologyQuery query,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return chronology(Kind.PERSON, id, query, who, request, response, model);
  }

  @GetMapping("/families/{id}")
  String family(
      @PathVariable String id,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return view(Kind.FAMILY, id, AuditAction.FAMILY_VIEW, who, request, response, model);
  }

  @GetMapping("/families/{id}/chronology")
  String familyChronology(
      @PathVariable String id,
      ChronologyQuery query,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return chronology(Kind.FAMILY, id, query, who, request, response, model);
  }

  @GetMapping("/persons/{id}/chronology/export")
  ResponseEntity<?> personExport(
      @PathVariable String id,
      ChronologyQuery query,
      Authentication who,
      HttpServletRequest request) {
    return reads.export(Kind.PERSON, id, query.parse(Kind.PERSON), who, request, Door.PAGE);
  }

  @GetMapping("/families/{id}/chronology/export")
  ResponseEntity<?> familyExport(
      @PathVariable String id,
      ChronologyQuery query,
      Authentication who,
      HttpServletRequest request) {
    return reads.export(Kind.FAMILY, id, query.parse(Kind.FAMILY), who, request, Door.PAGE);
  }

  @PostMapping("/persons/{id}/disputes")
  String dispute(
      @PathVariable String id,
      @RequestParam String agency,
      @RequestParam String recordId,
      @RequestParam(required = false) @Nullable String reason,
      @RequestParam(required = false) @Nullable String back,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    return switch (gate.person(id, AuditAction.DISPUTE, who, request)) {
      case CaseGate.Opened.Open<Casefiles.PersonCase> open -> {
        DisputeResult result =
            DisputeResult.raise(
                disputes,
                open.value(),
                List.of(new Disputes.DisputedRecord(agency, recordId)),
                reason,
                who,
                gate,
                open);
        redirect.addFlashAttribute(
            result.taskId() == null ? "disputeError" : "disputeRaised", result.message());
        // Back to the chronology the form was on (a family's or the person's), never elsewhere.
        String target =
            back != null && back.matches("/(persons|families)/[A-Za-z0-9_-]+/chronology")
                ? back
                : "/persons/" + id + "/chronology";
        yield "redirect:" + target;
      }
      case CaseGate.Opened.Moved<Casefiles.PersonCase> moved -> moved(moved, response, model);
      case CaseGate.Opened.Closed<Casefiles.PersonCase> closed ->
          closed(closed, response, model, Kind.PERSON, id);
    };
  }

  @PostMapping({"/persons/{id}/access-reasons", "/families/{id}/access-reasons"})
  String breakGlass(
      @PathVariable String id,
      @RequestParam String purpose,
      @RequestParam(required = false) @Nullable String reason,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Kind kind = request.getRequestURI().contains("/families/") ? Kind.FAMILY : Kind.PERSON;
    String back = kind.href(id);
    CurrentUser user = CurrentUser.of(who);
    var event =
        gate.event(who, request, AuditAction.BREAK_GLASS).on(kind.type, id).withPurpose(purpose);
    String why = reason == null ? "" : reason.strip();
    if (!user.has(Role.KEYWORKER)) {
      gate.record(event.withDetail("only keyworkers break the glass").denied());
      return refused(response, model, "only keyworkers record a reason for access", null, null);
    }
    if (!caseloadProperties.breakGlassPurposes().contains(purpose)
        || why.length() < 10
        || why.length() > 2000) {
      gate.record(event.withDetail("invalid purpose or reason").denied());
      response.setStatus(400);
      model.addAttribute(
          "why", "Choose a purpose from the list and give a reason of 10 to 2,000 characters.");
      model.addAttribute("breakGlass", back + "/access-reasons");
      model.addAttribute("purposes", caseloadProperties.breakGlassPurposes());
      return "casefile/refused";
    }
    caseloads.grant(
        user.username(), kind.type, id, purpose, why, caseloadProperties.breakGlassDuration());
    gate.record(event.withDetail(why));
    return "redirect:" + back;
  }

  private String view(
      Kind kind,
      String id,
      AuditAction action,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return switch (reads.open(kind, id, action, who, request)) {
      case CaseGate.Opened.Open<Case> open -> {
        reads.viewed(open, Door.PAGE);
        model.addAttribute("flags", reads.flags(open.value(), who, kind.type + " page"));
        model.addAttribute(kind.type, open.value().subject());
        model.addAttribute("ground", open.ground().name());
        model.addAttribute("coverage", reads.coverage(open.value()));
        if (kind == Kind.FAMILY) {
          // The old authority reads a family that moved away for a while, and is told so.
          access
              .movedAwayNotice(CurrentUser.of(who), id)
              .ifPresent(move -> model.addAttribute("movedAway", move));
        }
        yield "casefile/" + kind.type;
      }
      case CaseGate.Opened.Moved<Case> moved -> moved(moved, response, model);
      case CaseGate.Opened.Closed<Case> closed -> closed(closed, response, model, kind, id);
    };
  }

  private String chronology(
      Kind kind,
      String id,
      ChronologyQuery query,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return switch (reads.open(kind, id, AuditAction.CHRONOLOGY_READ, who, request)) {
      case CaseGate.Opened.Open<Case> open -> {
        Filters.Parsed filter = query.parse(kind);
        Chronology chronology = reads.chronology(open, filter, who, Door.PAGE);
        chronologyModel(model, chronology, filter, query.from(), query.to(), open.value());
        model.addAttribute("flags", reads.flags(open.value(), who, "chronology page"));
        model.addAttribute("exportHref", exportHref(kind.href(id), request));
        model.addAttribute("subjectType", kind.type);
        model.addAttribute("subjectId", id);
        switch (open.value()) {
          case Case.OfPerson person -> {
            model.addAttribute("title", person.person().name());
            model.addAttribute("person", person.person());
            model.addAttribute("members", List.of());
          }
          case Case.OfFamily family -> {
            model.addAttribute("title", "Family " + id);
            model.addAttribute("members", family.family().members());
          }
        }
        model.addAttribute("canDispute", CurrentUser.of(who).has(Role.KEYWORKER));
        yield "casefile/chronology";
      }
      case CaseGate.Opened.Moved<Case> moved -> moved(moved, response, model);
      case CaseGate.Opened.Closed<Case> closed -> closed(closed, response, model, kind, id);
    };
  }

  private void chronologyModel(
      Model model,
      Chronology chronology,
      Filters.Parsed filter,
      @Nullable String from,
      @Nullable String to,
      Case opened) {
    model.addAttribute("chronology", chronology);
    model.addAttribute("timeline", Timeline.of(chronology));
    model.addAttribute("filter", filter.filter());
    model.addAttribute("errors", filter.errors());
    model.addAttribute("from", from == null ? "" : from);
    model.addAttribute("to", to == null ? "" : to);
    model.addAttribute("agencies", Agencies.ALL);
    model.addAttribute("coverage", reads.coverage(opened));
    model.addAttribute("significantTypes", properties.significantEventTypes());
  }

  /** The export of exactly what is on screen: the same filters. */
  private static String exportHref(String subject, HttpServletRequest request) {
    String query = request.getQueryString();
    return subject + "/chronology/export" + (query == null ? "" : "?" + query);
  }

  private String moved(CaseGate.Opened.Moved<?> moved, HttpServletResponse response, Model model) {
    response.setStatus(410);
    model.addAttribute("retiredId", moved.id());
    model.addAttribute("successors", moved.successors());
    return "casefile/moved";
  }

  private String closed(
      CaseGate.Opened.Closed<?> closed,
      HttpServletResponse response,
      Model model,
      Kind kind,
      String id) {
    boolean offerBreakGlass =
        closed.status().value() == 403 && !CaseGate.NO_CASE_ROLE.equals(closed.detail());
    return refused(
        response,
        model,
        closed.detail(),
        offerBreakGlass ? kind.href(id) + "/access-reasons" : null,
        closed.status().value());
  }

  private String refused(
      HttpServletResponse response,
      Model model,
      String why,
      @Nullable String breakGlass,
      @Nullable Integer status) {
    response.setStatus(status == null ? 403 : status);
    model.addAttribute("why", why);
    model.addAttribute("breakGlass", breakGlass);
    model.addAttribute("purposes", caseloadProperties.breakGlassPurposes());
    return "casefile/refused";
  }
}
