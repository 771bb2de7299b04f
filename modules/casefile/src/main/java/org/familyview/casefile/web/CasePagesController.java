package org.familyview.casefile.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.familyview.access.CaseAccess;
import org.familyview.access.caseload.CaseloadProperties;
import org.familyview.access.caseload.Caseloads;
import org.familyview.audit.trail.AuditAction;
import org.familyview.casefile.CasePartners;
import org.familyview.casefile.CasefileProperties;
import org.familyview.casefile.Casefiles;
import org.familyview.casefile.Chronology;
import org.familyview.casefile.Disputes;
import org.familyview.casefile.FamilyNames;
import org.familyview.casefile.FamilyNews;
import org.familyview.casefile.LastVisits;
import org.familyview.casefile.PendingMatches;
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
  private final LastVisits lastVisits;
  private final FamilyNews news;
  private final FamilyNames familyNames;
  private final PendingMatches pendingMatches;

  /**
   * How the page lays the chronology out: {@code order=oldest} (newest first otherwise) and {@code
   * show=significant} (every entry otherwise). Page only: the API and the PDF keep date order.
   */
  record Reading(@Nullable String order, @Nullable String show) {}

  private final CaseAccess access;

  private final CasePartners partners;

  CasePagesController(
      CaseReads reads,
      CaseGate gate,
      Disputes disputes,
      Searches searches,
      Caseloads caseloads,
      CaseloadProperties caseloadProperties,
      CasefileProperties properties,
      LastVisits lastVisits,
      FamilyNews news,
      FamilyNames familyNames,
      PendingMatches pendingMatches,
      CaseAccess access,
      CasePartners partners) {
    this.access = access;
    this.partners = partners;
    this.reads = reads;
    this.familyNames = familyNames;
    this.pendingMatches = pendingMatches;
    this.news = news;
    this.lastVisits = lastVisits;
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

  @ModelAttribute("basis")
  MemberBasis basis() {
    return MemberBasis.WORDS;
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
          case SearchOutcome.Found found -> foundModel(model, found, searched.outside(), who);
          case SearchOutcome.Unavailable unavailable ->
              model.addAttribute("unavailable", unavailable.reason());
        }
      }
    }
    return "casefile/search";
  }

  /**
   * The results: flags and possible-match tags only for the people open to the reader (a result
   * outside the caseload shows what recognises the person and the way to record a reason).
   */
  private void foundModel(
      Model model, SearchOutcome.Found found, Set<String> outside, Authentication who) {
    List<String> open =
        found.hits().stream().map(h -> h.personId()).filter(p -> !outside.contains(p)).toList();
    model.addAttribute("hits", found.hits());
    model.addAttribute("outside", outside);
    model.addAttribute("pendingAmong", pendingMatches.among(open));
    model.addAttribute("flagsByPerson", reads.listed(open, who));
    model.addAttribute(
        "familyNames",
        familyNames.of(
            found.hits().stream()
                .map(h -> h.familyId())
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList()));
    model.addAttribute("total", found.total());
    model.addAttribute("totalExact", found.exact());
  }

  /**
   * Opens a case by its reference (F… a family, anything else a person): for a keyworker outside
   * the caseload this is where break-glass starts from, as the refusal page offers the form.
   */
  @GetMapping("/open")
  String open(@RequestParam(required = false, defaultValue = "") String ref) {
    String id = ref.strip();
    if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
      return "redirect:/search";
    }
    return "redirect:/"
        + (id.toUpperCase(java.util.Locale.ROOT).startsWith("F") ? "families/" : "persons/")
        + id;
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
      Reading reading,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("reading", reading);
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
      Reading reading,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("reading", reading);
    return chronology(Kind.FAMILY, id, query, who, request, response, model);
  }

  @GetMapping("/persons/{id}/chronology/export")
  ResponseEntity<?> personExport(
      @PathVariable String id,
      ChronologyQuery query,
      Authentication who,
      HttpServletRequest request) {
    return reads.export(
        Kind.PERSON, id, query.parse(Kind.PERSON, partners.codes()), who, request, Door.PAGE);
  }

  @GetMapping("/families/{id}/chronology/export")
  ResponseEntity<?> familyExport(
      @PathVariable String id,
      ChronologyQuery query,
      Authentication who,
      HttpServletRequest request) {
    return reads.export(
        Kind.FAMILY, id, query.parse(Kind.FAMILY, partners.codes()), who, request, Door.PAGE);
  }

  /** The "not my client" form for one record, linked from each chronology entry. */
  @GetMapping("/persons/{id}/disputes/new")
  String disputeForm(
      @PathVariable String id,
      @RequestParam String agency,
      @RequestParam String recordId,
      @RequestParam(required = false) @Nullable String back,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return switch (gate.person(id, AuditAction.PERSON_VIEW, who, request)) {
      case CaseGate.Opened.Open<Casefiles.PersonCase> open -> {
        model.addAttribute("person", open.value());
        model.addAttribute("agency", agency);
        model.addAttribute("recordId", recordId);
        model.addAttribute("back", safeBack(back, id));
        yield "casefile/dispute";
      }
      case CaseGate.Opened.Moved<Casefiles.PersonCase> moved -> moved(moved, response, model);
      case CaseGate.Opened.Closed<Casefiles.PersonCase> closed ->
          closed(closed, response, model, Kind.PERSON, id);
    };
  }

  /** Back to the chronology the form came from (a family's or the person's), never elsewhere. */
  private static String safeBack(@Nullable String back, String personId) {
    return back != null && back.matches("/(persons|families)/[A-Za-z0-9_-]+/chronology")
        ? back
        : "/persons/" + personId + "/chronology";
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
        yield "redirect:" + safeBack(back, id);
      }
      case CaseGate.Opened.Moved<Casefiles.PersonCase> moved -> moved(moved, response, model);
      case CaseGate.Opened.Closed<Casefiles.PersonCase> closed ->
          closed(closed, response, model, Kind.PERSON, id);
    };
  }

  @PostMapping({"/persons/{id}/access-reasons", "/families/{id}/access-reasons"})
  String breakGlass(
      @PathVariable String id,
      @RequestParam(required = false, defaultValue = "") String purpose,
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
    List<FieldError> errors = breakGlassErrors(purpose, why);
    if (!errors.isEmpty()) {
      // Not a refusal of access: the form was incomplete. Recorded as such, with no purpose.
      gate.record(
          gate.event(who, request, AuditAction.BREAK_GLASS)
              .on(kind.type, id)
              .withDetail(
                  "form incomplete: "
                      + String.join("; ", errors.stream().map(FieldError::message).toList()))
              .denied());
      response.setStatus(400);
      model.addAttribute("why", "The form is not complete.");
      model.addAttribute("fieldErrors", errors);
      errors.forEach(e -> model.addAttribute(e.field() + "Error", e.message()));
      model.addAttribute("chosenPurpose", purpose);
      model.addAttribute("chosenReason", why);
      model.addAttribute("breakGlass", back + "/access-reasons");
      model.addAttribute("purposes", caseloadProperties.breakGlassPurposes());
      model.addAttribute("grantHours", hours());
      return "casefile/refused";
    }
    caseloads.grant(
        user.username(), kind.type, id, purpose, why, caseloadProperties.breakGlassDuration());
    gate.record(event.withDetail(why));
    return "redirect:" + back;
  }

  /**
   * The person's families the reader may not open (outside their caseload): the page says so on the
   * link, which leads to the break-glass form. A decision only, not a read: nothing is audited
   * until the link is followed.
   */
  private Set<String> closedFamilies(Case.OfPerson person, Authentication who) {
    CurrentUser user = CurrentUser.of(who);
    return person.person().familyIds().stream()
        .filter(f -> access.toFamily(user, f) instanceof CaseAccess.Decision.Denied)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** One field's error on a form, for the GOV.UK error summary and the field itself. */
  public record FieldError(String field, String message) {}

  private List<FieldError> breakGlassErrors(String purpose, String why) {
    List<FieldError> errors = new java.util.ArrayList<>();
    if (!caseloadProperties.breakGlassPurposes().contains(purpose)) {
      errors.add(new FieldError("purpose", "Choose the purpose of your access"));
    }
    if (why.length() < 10) {
      errors.add(new FieldError("reason", "Give a reason of at least 10 characters"));
    } else if (why.length() > 2000) {
      errors.add(new FieldError("reason", "Give a reason of 2,000 characters or fewer"));
    }
    return errors;
  }

  private String hours() {
    long h = caseloadProperties.breakGlassDuration().toHours();
    return h == 1 ? "1 hour" : h + " hours";
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
        model.addAttribute("flagNames", CaseReads.flagNames(open.value()));
        model.addAttribute(kind.type, open.value().subject());
        if (open.value() instanceof Case.OfPerson person) {
          model.addAttribute("pendingMatches", pendingMatches.of(person.id()));
          model.addAttribute("familyNames", familyNames.of(person.person().familyIds()));
          model.addAttribute("closedFamilies", closedFamilies(person, who));
          model.addAttribute("steward", CurrentUser.of(who).has(Role.DATA_STEWARD));
        }
        if (open.value() instanceof Case.OfFamily family) {
          java.time.Instant since = lastVisits.visit(CurrentUser.of(who).username(), id);
          model.addAttribute("since", since);
          model.addAttribute("news", news.since(family.id(), since));
          model.addAttribute("withdrawn", news.withdrawn(family.id()));
          model.addAttribute(
              "pendingAmong",
              pendingMatches.among(
                  family.family().members().stream().map(m -> m.personId()).toList()));
        }
        model.addAttribute("ground", open.ground().name());
        model.addAttribute(
            "grantEnds",
            caseloads.grantExpiry(CurrentUser.of(who).username(), kind.type, id).orElse(null));
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
        Filters.Parsed filter = query.parse(kind, partners.codes());
        Chronology chronology = reads.chronology(open, filter, who, Door.PAGE);
        chronologyModel(model, chronology, filter, query.from(), query.to(), open.value());
        model.addAttribute("flags", reads.flags(open.value(), who, "chronology page"));
        model.addAttribute("flagNames", CaseReads.flagNames(open.value()));
        readingModel(model, chronology, filter, open.value(), request);
        model.addAttribute("exportHref", exportHref(kind.href(id), request));
        model.addAttribute("backPath", kind.href(id) + "/chronology");
        model.addAttribute("subjectType", kind.type);
        model.addAttribute("subjectId", id);
        switch (open.value()) {
          case Case.OfPerson person -> {
            model.addAttribute("title", person.person().name());
            model.addAttribute("person", person.person());
            model.addAttribute("members", List.of());
          }
          case Case.OfFamily family -> {
            model.addAttribute("title", family.family().name());
            model.addAttribute("members", family.family().members());
            model.addAttribute("since", lastVisits.visit(CurrentUser.of(who).username(), id));
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
    model.addAttribute("timeline", Timeline.of(chronology, partners));
    model.addAttribute("filter", filter.filter());
    model.addAttribute("errors", filter.errors());
    model.addAttribute("from", from == null ? "" : from);
    model.addAttribute("to", to == null ? "" : to);
    // Every configured partner, by kind, under the name it is configured with.
    List<String> codes = partners.inOrder();
    model.addAttribute("agencies", codes);
    java.util.Map<String, String> partnerNames = new java.util.LinkedHashMap<>();
    codes.forEach(c -> partnerNames.put(c, partners.name(c)));
    model.addAttribute("partnerNames", partnerNames);
    model.addAttribute("coverage", reads.coverage(opened));
    model.addAttribute("significantTypes", properties.significantEventTypes());
  }

  /** The page's layout of the chronology and the links that change it, keeping the filters. */
  private void readingModel(
      Model model,
      Chronology chronology,
      Filters.Parsed filter,
      Case opened,
      HttpServletRequest request) {
    Reading reading = (Reading) model.getAttribute("reading");
    boolean newest = reading == null || !"oldest".equals(reading.order());
    boolean significant = reading != null && "significant".equals(reading.show());
    ChronologyPage page =
        ChronologyPage.of(
            chronology, newest, significant, List.copyOf(filter.filter().types()), partners);
    model.addAttribute("page", page);
    java.util.Map<String, String> names =
        opened instanceof Case.OfFamily f ? f.family().names() : java.util.Map.of();
    model.addAttribute(
        "filterWords", ChronologyPage.describe(filter.filter(), page.types(), names, partners));
    String path = request.getRequestURI();
    model.addAttribute("orderHref", readingHref(path, request, "order", newest ? "oldest" : null));
    model.addAttribute(
        "significantHref", readingHref(path, request, "show", significant ? null : "significant"));
  }

  /** The same query string with one reading parameter set (or removed, for its default). */
  private static String readingHref(
      String path, HttpServletRequest request, String name, @Nullable String value) {
    var builder =
        org.springframework.web.util.UriComponentsBuilder.fromPath(path)
            .query(request.getQueryString())
            .replaceQueryParam(name);
    if (value != null) {
      builder.queryParam(name, value);
    }
    return builder.build().toUriString();
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
    model.addAttribute("fieldErrors", List.of());
    model.addAttribute("grantHours", hours());
    return "casefile/refused";
  }
}
