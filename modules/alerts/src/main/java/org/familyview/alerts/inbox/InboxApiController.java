package org.familyview.alerts.inbox;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/notifications}: the caller's inbox, newest first, with the unread count; {@code
 * POST /api/notifications/{id}/read} marks one entry read (404 if it is not in the caller's inbox).
 */
@RestController
class InboxApiController {

  private final InboxReads reads;

  InboxApiController(InboxReads reads) {
    this.reads = reads;
  }

  @GetMapping("/api/notifications")
  Map<String, Object> inbox(Authentication who, HttpServletRequest request) {
    InboxReads.Read read = reads.read(who, request);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("unread", read.unread());
    json.put("notifications", read.notifications().stream().map(InboxApiController::json).toList());
    return json;
  }

  @PostMapping("/api/notifications/{id}/read")
  ResponseEntity<?> markRead(
      @PathVariable String id, Authentication who, HttpServletRequest request) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "not a notification id: " + id);
      problem.setTitle("Bad notification id");
      return ResponseEntity.badRequest().body(problem);
    }
    return switch (reads.markRead(uuid, who, request)) {
      case Inbox.Marking.Marked marked -> ResponseEntity.ok(json(marked.notification()));
      case Inbox.Marking.NotFound notFound -> {
        ProblemDetail problem =
            ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "no notification " + id + " in your inbox");
        problem.setTitle("Not found");
        problem.setType(URI.create("about:blank"));
        yield ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
      }
    };
  }

  static Map<String, Object> json(Inbox.Notification n) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", n.id());
    json.put("kind", n.kind());
    json.put("reason", n.reason());
    json.put("link", n.link());
    json.put("createdAt", n.createdAt());
    json.put("read", n.read());
    return json;
  }
}
