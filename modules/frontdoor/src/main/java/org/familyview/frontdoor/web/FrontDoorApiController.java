package org.familyview.frontdoor.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/front-door}: contacts, checks, decisions and the board, through the gate. */
@RestController
@RequestMapping("/api/front-door")
class FrontDoorApiController {

  private final FrontDoorGate gate;

  FrontDoorApiController(FrontDoorGate gate) {
    this.gate = gate;
  }

  @PostMapping("/contacts")
  ResponseEntity<?> raise(
      @RequestBody(required = false) @Nullable String body,
      Authentication who,
      HttpServletRequest request) {
    return parsed(
        Requests.contact(body),
        "Invalid contact",
        contact ->
            gated(
                gate.raise(contact, who, request),
                raised ->
                    ResponseEntity.created(URI.create("/api/front-door/contacts/" + raised.id()))
                        .body(FrontDoorJson.full(raised, java.util.Map.of()))));
  }

  @GetMapping("/contacts/{id}")
  ResponseEntity<?> read(@PathVariable String id, Authentication who, HttpServletRequest request) {
    return withContact(id, contact -> view(gate.read(contact, who, request)));
  }

  @GetMapping("/contacts")
  ResponseEntity<?> list(
      @RequestParam(required = false) @Nullable String from,
      Authentication who,
      HttpServletRequest request) {
    return withPeriod(
        from,
        since ->
            gated(
                gate.contacts(since, who, request),
                contacts -> ResponseEntity.ok(FrontDoorJson.list(contacts))));
  }

  @PostMapping("/contacts/{id}/checks/{partner}")
  ResponseEntity<?> answer(
      @PathVariable String id,
      @PathVariable String partner,
      @RequestBody(required = false) @Nullable String body,
      Authentication who,
      HttpServletRequest request) {
    return withContact(
        id,
        contact ->
            parsed(
                Requests.answer(body),
                "Invalid answer",
                answer ->
                    view(
                        gate.answer(
                            contact,
                            partner,
                            answer.response(),
                            answer.nothingKnown(),
                            who,
                            request))));
  }

  @PostMapping("/contacts/{id}/decision")
  ResponseEntity<?> decide(
      @PathVariable String id,
      @RequestBody(required = false) @Nullable String body,
      Authentication who,
      HttpServletRequest request) {
    return withContact(
        id,
        contact ->
            parsed(
                Requests.decision(body),
                "Invalid decision",
                decision ->
                    view(
                        gate.decide(
                            contact, decision.outcome(), decision.reason(), who, request))));
  }

  @GetMapping("/board")
  ResponseEntity<?> board(
      @RequestParam(required = false) @Nullable String from,
      Authentication who,
      HttpServletRequest request) {
    return withPeriod(
        from,
        since ->
            gated(
                gate.board(since, who, request),
                board -> ResponseEntity.ok(FrontDoorJson.board(board))));
  }

  private static ResponseEntity<?> view(FrontDoorGate.Gated<FrontDoorGate.View> gated) {
    return gated(gated, view -> ResponseEntity.ok(FrontDoorJson.of(view)));
  }

  /** The gate's answer: what an allowed request gets, or the refusal as a problem. */
  private static <T> ResponseEntity<?> gated(
      FrontDoorGate.Gated<T> gated, Function<T, ResponseEntity<?>> allowed) {
    return switch (gated) {
      case FrontDoorGate.Gated.Allowed<T> ok -> allowed.apply(ok.value());
      case FrontDoorGate.Gated.Refused<?> refused -> FrontDoorProblems.refused(refused);
    };
  }

  /** A request body read, or its problems under {@code title}. */
  private static <T> ResponseEntity<?> parsed(
      Requests.Parsed<T> parsed, String title, Function<T, ResponseEntity<?>> then) {
    return switch (parsed) {
      case Requests.Parsed.Bad<?> bad -> FrontDoorProblems.invalid(title, bad.problems());
      case Requests.Parsed.Ok<T> ok -> then.apply(ok.value());
    };
  }

  /** A contact id from the path, or the problem that it is not one. */
  private static ResponseEntity<?> withContact(String id, Function<UUID, ResponseEntity<?>> then) {
    UUID contact = uuid(id);
    if (contact == null) {
      return FrontDoorProblems.invalid(
          "Invalid contact id", List.of("the contact id must be a UUID"));
    }
    return then.apply(contact);
  }

  /** The period's start from {@code from}, or the problem that it is not a date. */
  private static ResponseEntity<?> withPeriod(
      @Nullable String from, Function<Instant, ResponseEntity<?>> then) {
    Instant since = from(from);
    if (since == null) {
      return FrontDoorProblems.invalid(
          "Invalid period", List.of("from must be a date like 2026-12-01"));
    }
    return then.apply(since);
  }

  static @Nullable UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The start of a period: a date (midnight UTC), default the last 30 days; null if unreadable. */
  static @Nullable Instant from(@Nullable String from) {
    if (from == null || from.isBlank()) {
      return Instant.now().minus(java.time.Duration.ofDays(30));
    }
    try {
      return LocalDate.parse(from).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
