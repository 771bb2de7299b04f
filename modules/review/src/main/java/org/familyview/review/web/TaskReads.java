package org.familyview.review.web;

import jakarta.servlet.http.HttpServletRequest;
import org.familyview.audit.trail.AuditAction;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.review.task.TaskView;
import org.springframework.security.core.Authentication;

/** A steward's read of a review task, as either door audits it. */
final class TaskReads {

  private TaskReads() {}

  /**
   * One entry per person shown, so a person's readers include stewards who looked at a task; a task
   * that shows no person is recorded against the task. {@code where} names the door and task.
   */
  static void audit(
      RequestAudit audit,
      TaskView view,
      String where,
      Authentication who,
      HttpServletRequest http) {
    String detail = where + " (" + view.task().kind() + "): records " + view.task().records();
    if (view.candidates().isEmpty()) {
      audit.record(
          audit
              .event(who, http, AuditAction.PERSON_VIEW)
              .on("review-task", view.task().id().toString())
              .withDetail(detail));
    }
    for (TaskView.Candidate c : view.candidates()) {
      audit.record(
          audit
              .event(who, http, AuditAction.PERSON_VIEW)
              .on("person", c.personId())
              .withDetail(detail));
    }
  }
}
