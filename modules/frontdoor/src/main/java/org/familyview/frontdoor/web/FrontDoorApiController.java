package org.familyview.frontdoor.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
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
    return switch (Requests.contact(body)) {
      case Requests.Parsed.Bad<?> bad ->
          FrontDoorProblems.invalid("Invalid contact", bad.problems());
      case Requests.Parsed.Ok<org.familyview.frontdoor.FrontDoor.NewContact> ok ->
          switch (gate.raise(ok.value(), who, request)) {
            case FrontDoorGate.Gated.Allowed<org.familyview.frontdoor.Contact> raised ->
                ResponseEntity.created(
                        URI.create("/api/front-door/contacts/" + raised.value().id()))
                    .body(FrontDoorJson.full(raised.value(), java.util.Map.of()));
            case FrontDoorGate.Gated.Refused<?> refused -> FrontDoorProblems.refused(refused);
          };
    };
  }

  @GetMapping("/contacts/{id}")
  ResponseEntity<?> read(@PathVariable String id, Authentication who, HttpServletRequest request) {
    UUID contact = uuid(id);
    if (contact == null) {
      return FrontDoorProblems.invalid(
          "Invalid contact id", List.of("the contact id must be a UUID"));
    }
    return view(gate.read(contact, who, request));
  }

  @GetMapping("/contacts")
  ResponseEntity<?> list(
      @RequestParam(required = false) @Nullable String from,
      Authentication who,
      HttpServletRequest request) {
    Instant since = from(from);
    if (since == null) {
      return FrontDoorProblems.invalid(
          "Invalid period", List.of("from must be a date like 2026-12-01"));
    }
    return switch (gate.contacts(since, who, request)) {
      case FrontDoorGate.Gated.Allowed<List<org.familyview.frontdoor.Contact>> ok ->
          ResponseEntity.ok(FrontDoorJson.list(ok.value()));
      case FrontDoorGate.Gated.Refused<?> refused -> FrontDoorProblems.refused(refused);
    };
  }

  @PostMapping("/contacts/{id}/checks/{partner}")
  ResponseEntity<?> answer(
      @PathVariable String id,
      @PathVariable String partner,
      @RequestBody(required = false) @Nullable String body,
      Authentication who,
      HttpServletRequest request) {
    UUID contact = uuid(id);
    if (contact == null) {
      return FrontDoorProblems.invalid(
          "Invalid contact id", List.of("the contact id must be a UUID"));
    }
    return switch (Requests.answer(body)) {
      case Requests.Parsed.Bad<?> bad ->
          FrontDoorProblems.invalid("Invalid answer", bad.problems());
      case Requests.Parsed.Ok<Requests.Answer> ok ->
          view(
              gate.answer(
                  contact,
                  partner,
                  ok.value().response(),
                  ok.value().nothingKnown(),
                  who,
                  request));
    };
  }

  @PostMapping("/contacts/{id}/decision")
  ResponseEntity<?> decide(
      @PathVariable String id,
      @RequestBody(required = false) @Nullable String body,
      Authentication who,
      HttpServletRequest request) {
    UUID contact = uuid(id);
    if (contact == null) {
      return FrontDoorProblems.invalid(
          "Invalid contact id", List.of("the contact id must be a UUID"));
    }
    return switch (Requests.decision(body)) {
      case Requests.Parsed.Bad<?> bad ->
          FrontDoorProblems.invalid("Invalid decision", bad.problems());
      case Requests.Parsed.Ok<Requests.Decision> ok ->
          view(gate.decide(contact, ok.value().outcome(), ok.value().reason(), who, request));
    };
  }

  @GetMapping("/board")
  ResponseEntity<?> board(
      @RequestParam(required = false) @Nullable String from,
      Authentication who,
      HttpServletRequest request) {
    Instant since = from(from);
    if (since == null) {
      return FrontDoorProblems.invalid(
          "Invalid period", List.of("from must be a date like 2026-12-01"));
    }
    return switch (gate.board(since, who, request)) {
      case FrontDoorGate.Gated.Allowed<org.familyview.frontdoor.Board> ok ->
          ResponseEntity.ok(FrontDoorJson.board(ok.value()));
      case FrontDoorGate.Gated.Refused<?> refused -> FrontDoorProblems.refused(refused);
    };
  }

  private static ResponseEntity<?> view(FrontDoorGate.Gated<FrontDoorGate.View> gated) {
    return switch (gated) {
      case FrontDoorGate.Gated.Allowed<FrontDoorGate.View> ok ->
          ResponseEntity.ok(FrontDoorJson.of(ok.value()));
      case FrontDoorGate.Gated.Refused<?> refused -> FrontDoorProblems.refused(refused);
    };
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
