package org.familyview.frontdoor.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.familyview.casefile.CasePartners;
import org.familyview.frontdoor.Board;
import org.familyview.frontdoor.Contact;
import org.familyview.frontdoor.FrontDoor;
import org.familyview.frontdoor.Outcome;
import org.familyview.frontdoor.Rag;
import org.familyview.frontdoor.clock.WorkingClock;
import org.familyview.portal.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The front door's pages: the practitioner's work list with the form for a new contact, a contact
 * with its checks and the decision form, the checker's list and question, and the board. Every
 * action goes through the same gate as the API.
 */
@Controller
class FrontDoorPagesController {

  private final FrontDoorGate gate;
  private final FrontDoor frontDoor;

  private final EventWords events;

  FrontDoorPagesController(FrontDoorGate gate, FrontDoor frontDoor, CasePartners partners) {
    this.gate = gate;
    this.frontDoor = frontDoor;
    this.events = new EventWords(partners);
  }

  /** Every front-door page says event types and dates in words ({@code ${events}}). */
  @ModelAttribute("events")
  EventWords events() {
    return events;
  }

  @GetMapping("/front-door")
  String home(
      Authentication who, HttpServletRequest request, HttpServletResponse response, Model model) {
    CurrentUser user = CurrentUser.of(who);
    model.addAttribute("sources", frontDoor.properties().sources());
    model.addAttribute("rags", Rag.values());
    model.addAttribute("clock", new ClockView(frontDoor.workingClock(), frontDoor.now()));
    if (FrontDoorGate.checkerPartner(user).isPresent() && !FrontDoorGate.isFrontDoor(user)) {
      return switch (gate.checksOf(who, request)) {
        case FrontDoorGate.Gated.Allowed<List<Contact>> ok -> {
          model.addAttribute("partner", FrontDoorGate.checkerPartner(user).get());
          model.addAttribute("contacts", ok.value());
          yield "frontdoor/checks";
        }
        case FrontDoorGate.Gated.Refused<?> refused -> refused(refused, response, model);
      };
    }
    return switch (gate.contacts(
        Instant.now().minus(java.time.Duration.ofDays(30)), who, request)) {
      case FrontDoorGate.Gated.Allowed<List<Contact>> ok -> {
        model.addAttribute("open", gate.open(ok.value()));
        if (!model.containsAttribute("errors")) {
          model.addAttribute("errors", List.of());
        }
        yield "frontdoor/home";
      }
      case FrontDoorGate.Gated.Refused<?> refused -> refused(refused, response, model);
    };
  }

  @PostMapping("/front-door/contacts")
  String raise(
      @RequestParam(defaultValue = "") String subjectKind,
      @RequestParam(defaultValue = "") String subjectId,
      @RequestParam(defaultValue = "") String source,
      @RequestParam(defaultValue = "") String concern,
      @RequestParam(defaultValue = "") String rag,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    List<String> problems = new ArrayList<>();
    if (subjectId.isBlank()) {
      problems.add("Enter the person or family id the contact is about");
    }
    Rag rating = rag.isBlank() ? null : Requests.rag(rag, problems);
    Requests.checked("concern", concern, problems, true);
    if (!problems.isEmpty()) {
      return again(problems, who, request, response, model);
    }
    Contact.Subject subject =
        new Contact.Subject(
            "person".equals(subjectKind)
                ? Contact.Subject.Kind.PERSON
                : Contact.Subject.Kind.FAMILY,
            subjectId.strip());
    return switch (gate.raise(
        new FrontDoor.NewContact(subject, source, concern, rating), who, request)) {
      case FrontDoorGate.Gated.Allowed<Contact> ok ->
          "redirect:/front-door/contacts/" + ok.value().id();
      case FrontDoorGate.Gated.Refused<?> refused when refused.status().value() == 403 ->
          refused(refused, response, model);
      case FrontDoorGate.Gated.Refused<?> refused ->
          again(List.of(refused.detail()), who, request, response, model);
    };
  }

  private String again(
      List<String> problems,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("errors", problems);
    String page = home(who, request, response, model);
    response.setStatus(400);
    return page;
  }

  @GetMapping("/front-door/contacts/{id}")
  String contact(
      @PathVariable String id,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    UUID contact = FrontDoorApiController.uuid(id);
    if (contact == null) {
      return refusal(404, "there is no front-door contact " + id, response, model);
    }
    return switch (gate.read(contact, who, request)) {
      case FrontDoorGate.Gated.Allowed<FrontDoorGate.View> ok -> show(ok.value(), model);
      case FrontDoorGate.Gated.Refused<?> refused -> refused(refused, response, model);
    };
  }

  private String show(FrontDoorGate.View view, Model model) {
    Instant now = frontDoor.now();
    model.addAttribute("contact", view.contact());
    model.addAttribute("clock", new ClockView(frontDoor.workingClock(), now));
    model.addAttribute("outcomes", Outcome.values());
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", List.of());
    }
    return switch (view) {
      case FrontDoorGate.View.Full full -> {
        model.addAttribute("names", full.names());
        yield "frontdoor/contact";
      }
      case FrontDoorGate.View.ForChecker checker -> {
        model.addAttribute("names", checker.names());
        model.addAttribute("partner", checker.partner());
        model.addAttribute("check", checker.contact().check(checker.partner()).orElseThrow());
        model.addAttribute("records", checker.records());
        yield "frontdoor/check";
      }
    };
  }

  @PostMapping("/front-door/contacts/{id}/checks/{partner}")
  String answer(
      @PathVariable String id,
      @PathVariable String partner,
      @RequestParam(defaultValue = "") String response,
      @RequestParam(required = false) @Nullable String nothingKnown,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse http,
      Model model) {
    UUID contact = FrontDoorApiController.uuid(id);
    List<String> problems = new ArrayList<>();
    boolean nothing = nothingKnown != null;
    Requests.checked("response", response, problems, !nothing);
    if (contact == null || !problems.isEmpty()) {
      List<String> errors = problems.isEmpty() ? List.of("no such contact") : problems;
      return invalid(id, contact, errors, who, request, http, model);
    }
    Requests.Answer answer = Requests.answer(response, nothing ? Boolean.TRUE : null);
    return changed(
        id,
        gate.answer(contact, partner, answer.response(), answer.nothingKnown(), who, request),
        http,
        model);
  }

  @PostMapping("/front-door/contacts/{id}/decision")
  String decide(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String outcome,
      @RequestParam(defaultValue = "") String reason,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse http,
      Model model) {
    UUID contact = FrontDoorApiController.uuid(id);
    List<String> problems = new ArrayList<>();
    Outcome chosen = Requests.outcome(outcome, problems);
    Requests.checked("reason", reason, problems, true);
    if (contact == null || chosen == null || !problems.isEmpty()) {
      return invalid(id, contact, problems, who, request, http, model);
    }
    return changed(id, gate.decide(contact, chosen, reason, who, request), http, model);
  }

  /**
   * A form with problems: the contact's page again with them, as a 400 (the refusal page where the
   * id names no contact).
   */
  private String invalid(
      String id,
      @Nullable UUID contact,
      List<String> errors,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse http,
      Model model) {
    model.addAttribute("errors", errors);
    String page = contact == null ? "frontdoor/refused" : contact(id, who, request, http, model);
    http.setStatus(400);
    return page;
  }

  /** After a change the gate allowed, back to the contact's page; otherwise the refusal. */
  private static String changed(
      String id,
      FrontDoorGate.Gated<FrontDoorGate.View> gated,
      HttpServletResponse http,
      Model model) {
    return switch (gated) {
      case FrontDoorGate.Gated.Allowed<FrontDoorGate.View> ok ->
          "redirect:/front-door/contacts/" + id;
      case FrontDoorGate.Gated.Refused<?> refused -> refused(refused, http, model);
    };
  }

  @GetMapping("/front-door/board")
  String board(
      @RequestParam(required = false) @Nullable String from,
      Authentication who,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Instant since = FrontDoorApiController.from(from);
    if (since == null) {
      return refusal(400, "from must be a date like 2026-12-01", response, model);
    }
    return switch (gate.board(since, who, request)) {
      case FrontDoorGate.Gated.Allowed<Board> ok -> {
        model.addAttribute("board", ok.value());
        model.addAttribute("rags", Rag.values());
        yield "frontdoor/board";
      }
      case FrontDoorGate.Gated.Refused<?> refused -> refused(refused, response, model);
    };
  }

  private static String refused(
      FrontDoorGate.Gated.Refused<?> refused, HttpServletResponse response, Model model) {
    model.addAttribute("title", refused.title());
    return refusal(refused.status().value(), refused.detail(), response, model);
  }

  /** The refusal page, with why, as {@code status}. */
  private static String refusal(int status, String why, HttpServletResponse response, Model model) {
    response.setStatus(status);
    model.addAttribute("why", why);
    return "frontdoor/refused";
  }

  /** What the pages say about a deadline: working hours left, or how late. */
  record ClockView(WorkingClock clock, Instant now) {
    public String left(Instant due) {
      if (now.isAfter(due)) {
        return "overdue by " + hours(clock.between(due, now)) + " working hours";
      }
      return hours(clock.between(now, due)) + " working hours left";
    }

    public boolean overdue(Instant due) {
      return now.isAfter(due);
    }

    public String at(Instant instant) {
      return java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm")
          .format(instant.atZone(clock.zone()));
    }

    private static String hours(java.time.Duration d) {
      return String.format(java.util.Locale.ROOT, "%.1f", d.toMinutes() / 60.0);
    }
  }
}
