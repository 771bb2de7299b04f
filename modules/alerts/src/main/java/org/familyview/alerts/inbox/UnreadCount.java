package org.familyview.alerts.inbox;

import org.familyview.portal.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count in every page's header ({@code fragments/page :: header} shows it when the model
 * has it). Pages only: the API's answers carry no model.
 */
@ControllerAdvice(annotations = Controller.class)
class UnreadCount {

  private final Inbox inbox;

  UnreadCount(Inbox inbox) {
    this.inbox = inbox;
  }

  @ModelAttribute("unreadNotifications")
  @Nullable Long unreadNotifications(
      @Nullable Authentication who, jakarta.servlet.http.HttpServletRequest request) {
    if (who == null
        || who instanceof AnonymousAuthenticationToken
        || request.getRequestURI().startsWith("/api/")) {
      return null;
    }
    return inbox.unread(CurrentUser.of(who).username());
  }
}
