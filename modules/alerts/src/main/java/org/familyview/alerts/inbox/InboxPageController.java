package org.familyview.alerts.inbox;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The inbox page, and marking an entry read from it (a form, so CSRF-protected). */
@Controller
class InboxPageController {

  private final InboxReads reads;

  InboxPageController(InboxReads reads) {
    this.reads = reads;
  }

  @GetMapping("/notifications")
  String inbox(Authentication who, HttpServletRequest request, Model model) {
    InboxReads.Read read = reads.read(who, request);
    model.addAttribute("notifications", read.notifications());
    model.addAttribute("unread", read.unread());
    return "alerts/notifications";
  }

  @PostMapping("/notifications/{id}/read")
  String markRead(@PathVariable UUID id, Authentication who, HttpServletRequest request) {
    reads.markRead(id, who, request);
    return "redirect:/notifications";
  }
}
