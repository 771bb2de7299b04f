package org.familyview.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.familyview.audit.trail.AuditAction;
import org.familyview.casefile.Agencies;
import org.familyview.casefile.CasefileProperties;
import org.familyview.casefile.Casefiles;
import org.familyview.casefile.Chronology;
import org.familyview.casefile.ChronologyFilter;
import org.familyview.casefile.Disputes;
import org.familyview.casefile.FeedCoverage;
import org.familyview.casefile.export.ChronologyPdf;
import org.familyview.portal.caseload.CaseloadProperties;
import org.familyview.portal.caseload.Caseloads;
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

  private final CaseGate gate;
  private final Casefiles casefiles;
  private final FeedCoverage coverage;
  private final Disputes disputes;
  private final Searches searches;
  private final Caseloads caseloads;
  private final CaseloadProperties caseloadProperties;
  private final CasefileProperties properties;
  private final Clock clock = Clock.systemUTC();

  CasePagesController(
      CaseGate gate,
      Casefiles casefiles,
      FeedCoverage coverage,
      Disputes disputes,
      Searches searches,
      Caseloads caseloads,
      CaseloadProperties caseloadProperties,
      CasefileProperties properties) {
    this.gate = gate;
    this.casefiles = casefiles;
    this.coverage = coverage;
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
            model.addAttribute("total", found.total());
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
    return switch (gate.person(id, AuditAction.PERSON_VIEW, who, request)) {
      case CaseGate.Opened.Open<Casefiles.PersonCase> open -> {
        gate.allowed(open.audit(), "page; " + open.value().records().size() + " records");
        model.addAttribute("person", open.value());
        model.addAttribute("ground", open.ground().name());
        model.addAttribute("coverage", coverage.of(open.value().recordsByAgency()));
        yield "casefile/person";
      }
      case CaseGate.Opened.Moved<Casefiles.PersonCase> moved -> moved(moved, response, model);
      case CaseGate.Opened.Closed<Casefiles.PersonCase> closed ->
          closed(closed, response, model, "person", id);
    };
  }

  @GetMapping("/persons/{id}/chronology")
  String personChronology(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable List<String> agency,
      @RequestParam(required = false) @Nullable List<String> type,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Filters.Parsed filter = Filters.parse(agency, type, from, to, null);
    return switch (gate.person(id, AuditAction.CHRONOLOGY_READ, who, request)) {
      case CaseGate.Opened.Open<Casefiles.PersonCase> open -> {
        ChronologyFilter applied =
            filter.errors().isEmpty() ? filter.filter() : ChronologyFilter.ALL;
        Chronology chronology =
            casefiles.chronologyOf(open.value(), applied, CurrentUser.of(who).roles());
        gate.allowed(open.audit(), "page; " + CaseApiController.read(filter, chronology));
        chronologyModel(model, chronology, filter, from, to, open.value().recordsByAgency());
        model.addAttribute("exportHref", exportHref("/persons/" + id, request));
        model.addAttribute("subjectType", "person");
        model.addAttribute("subjectId", id);
        model.addAttribute("title", open.value().name());
        model.addAttribute("person", open.value());
        model.addAttribute("members", List.of());
        model.addAttribute("canDispute", CurrentUser.of(who).has(Role.KEYWORKER));
        yield "casefile/chronology";
      }
      case CaseGate.Opened.Moved<Casefiles.PersonCase> moved -> moved(moved, response, model);
      case CaseGate.Opened.Closed<Casefiles.PersonCase> closed ->
          closed(closed, response, model, "person", id);
    };
  }

  @GetMapping("/families/{id}")
  String family(
      @PathVariable String id,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return switch (gate.family(id, AuditAction.FAMILY_VIEW, who, request)) {
      case CaseGate.Opened.Open<Casefiles.FamilyCase> open -> {
        gate.allowed(open.audit(), "page; " + open.value().members().size() + " members");
        model.addAttribute("family", open.value());
        model.addAttribute("ground", open.ground().name());
        model.addAttribute("coverage", coverage.of(open.value().agencyCounts()));
        yield "casefile/family";
      }
      case CaseGate.Opened.Moved<Casefiles.FamilyCase> moved -> moved(moved, response, model);
      case CaseGate.Opened.Closed<Casefiles.FamilyCase> closed ->
          closed(closed, response, model, "family", id);
    };
  }

  @GetMapping("/families/{id}/chronology")
  String familyChronology(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable List<String> agency,
      @RequestParam(required = false) @Nullable List<String> type,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable List<String> member,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Filters.Parsed filter = Filters.parse(agency, type, from, to, member);
    return switch (gate.family(id, AuditAction.CHRONOLOGY_READ, who, request)) {
      case CaseGate.Opened.Open<Casefiles.FamilyCase> open -> {
        ChronologyFilter applied =
            filter.errors().isEmpty() ? filter.filter() : ChronologyFilter.ALL;
        Chronology chronology =
            casefiles.chronologyOf(open.value(), applied, CurrentUser.of(who).roles());
        gate.allowed(open.audit(), "page; " + CaseApiController.read(filter, chronology));
        chronologyModel(model, chronology, filter, from, to, open.value().agencyCounts());
        model.addAttribute("exportHref", exportHref("/families/" + id, request));
        model.addAttribute("subjectType", "family");
        model.addAttribute("subjectId", id);
        model.addAttribute("title", "Family " + id);
        model.addAttribute("members", open.value().members());
        model.addAttribute("canDispute", CurrentUser.of(who).has(Role.KEYWORKER));
        yield "casefile/chronology";
      }
      case CaseGate.Opened.Moved<Casefiles.FamilyCase> moved -> moved(moved, response, model);
      case CaseGate.Opened.Closed<Casefiles.FamilyCase> closed ->
          closed(closed, response, model, "family", id);
    };
  }

  @GetMapping("/persons/{id}/chronology/export")
  ResponseEntity<?> personExport(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable List<String> agency,
      @RequestParam(required = false) @Nullable List<String> type,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      Authentication who,
      HttpServletRequest request) {
    Filters.Parsed filter = Filters.parse(agency, type, from, to, null);
    if (!filter.errors().isEmpty()) {
      return CaseApiController.badFilter(filter);
    }
    return switch (gate.person(id, AuditAction.EXPORT, who, request)) {
      case CaseGate.Opened.Open<Casefiles.PersonCase> open -> {
        Chronology chronology =
            casefiles.chronologyOf(open.value(), filter.filter(), CurrentUser.of(who).roles());
        byte[] pdf =
            ChronologyPdf.render(
                "Chronology of " + open.value().name() + " (" + id + ")",
                chronology,
                filter.filter(),
                coverage.of(open.value().recordsByAgency()),
                CurrentUser.of(who).username(),
                clock.instant());
        gate.allowed(open.audit(), "PDF from page; " + CaseApiController.read(filter, chronology));
        yield CaseApiController.pdf(pdf, "chronology-" + id + ".pdf");
      }
      case CaseGate.Opened.Moved<Casefiles.PersonCase> moved -> CaseApiController.moved(moved);
      case CaseGate.Opened.Closed<Casefiles.PersonCase> closed -> CaseApiController.problem(closed);
    };
  }

  @GetMapping("/families/{id}/chronology/export")
  ResponseEntity<?> familyExport(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable List<String> agency,
      @RequestParam(required = false) @Nullable List<String> type,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable List<String> member,
      Authentication who,
      HttpServletRequest request) {
    Filters.Parsed filter = Filters.parse(agency, type, from, to, member);
    if (!filter.errors().isEmpty()) {
      return CaseApiController.badFilter(filter);
    }
    return switch (gate.family(id, AuditAction.EXPORT, who, request)) {
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
        gate.allowed(open.audit(), "PDF from page; " + CaseApiController.read(filter, chronology));
        yield CaseApiController.pdf(pdf, "chronology-" + id + ".pdf");
      }
      case CaseGate.Opened.Moved<Casefiles.FamilyCase> moved -> CaseApiController.moved(moved);
      case CaseGate.Opened.Closed<Casefiles.FamilyCase> closed -> CaseApiController.problem(closed);
    };
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
          closed(closed, response, model, "person", id);
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
    String type = request.getRequestURI().contains("/families/") ? "family" : "person";
    String back = "/" + (type.equals("family") ? "families" : "persons") + "/" + id;
    CurrentUser user = CurrentUser.of(who);
    var event = gate.event(who, request, AuditAction.BREAK_GLASS).on(type, id).withPurpose(purpose);
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
      model.addAttribute(
          "breakGlass",
          "/" + (type.equals("family") ? "families" : "persons") + "/" + id + "/access-reasons");
      model.addAttribute("purposes", caseloadProperties.breakGlassPurposes());
      return "casefile/refused";
    }
    caseloads.grant(
        user.username(), type, id, purpose, why, caseloadProperties.breakGlassDuration());
    gate.record(event.withDetail(why));
    return "redirect:" + back;
  }

  private void chronologyModel(
      Model model,
      Chronology chronology,
      Filters.Parsed filter,
      @Nullable String from,
      @Nullable String to,
      Map<String, Integer> counts) {
    model.addAttribute("chronology", chronology);
    model.addAttribute("timeline", Timeline.of(chronology));
    model.addAttribute("filter", filter.filter());
    model.addAttribute("errors", filter.errors());
    model.addAttribute("from", from == null ? "" : from);
    model.addAttribute("to", to == null ? "" : to);
    model.addAttribute("agencies", Agencies.ALL);
    model.addAttribute("coverage", coverage.of(counts));
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
      String type,
      String id) {
    boolean offerBreakGlass =
        closed.status().value() == 403 && !CaseGate.NO_CASE_ROLE.equals(closed.detail());
    return refused(
        response,
        model,
        closed.detail(),
        offerBreakGlass
            ? "/" + (type.equals("family") ? "families" : "persons") + "/" + id + "/access-reasons"
            : null,
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
