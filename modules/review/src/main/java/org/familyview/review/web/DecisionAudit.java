package org.familyview.review.web;

import java.util.Optional;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.review.decision.Outcome;
import org.familyview.review.decision.StewardDecision;
import org.springframework.stereotype.Component;

/**
 * The audit entry of a steward's decision, the same whichever door it came through: what was asked,
 * what became of it, and the steward's reason. The page used to leave the reason out, so an auditor
 * reading the trail saw why only for decisions made through the API.
 */
@Component
class DecisionAudit {

  private final RequestAudit audit;

  DecisionAudit(RequestAudit audit) {
    this.audit = audit;
  }

  /**
   * Records the outcome and returns the decision it made or rejected, or nothing when the request
   * was refused (recorded as denied).
   */
  Optional<StewardDecision> record(Outcome outcome, AuditEvent event, String what) {
    return switch (outcome) {
      case Outcome.Applied a -> {
        audit.record(
            event.withDetail(
                what + " applied as decision " + a.decision().id() + reasonOf(a.decision())));
        yield Optional.of(a.decision());
      }
      case Outcome.AwaitingApproval p -> {
        audit.record(
            event.withDetail(
                what
                    + " awaiting a second steward (four eyes: "
                    + p.decision().fourEyesReason()
                    + ") as decision "
                    + p.decision().id()
                    + reasonOf(p.decision())));
        yield Optional.of(p.decision());
      }
      case Outcome.Rejected r -> {
        audit.record(event.withDetail(what + ": decision " + r.decision().id() + " rejected"));
        yield Optional.of(r.decision());
      }
      case Outcome.NotFound n -> refused(event, what, n.detail());
      case Outcome.Conflict c -> refused(event, what, c.detail());
      case Outcome.Invalid i -> refused(event, what, i.detail());
      case Outcome.NotAllowed f -> refused(event, what, f.detail());
    };
  }

  private Optional<StewardDecision> refused(AuditEvent event, String what, String detail) {
    audit.record(event.withDetail(what + " refused: " + detail).denied());
    return Optional.empty();
  }

  private static String reasonOf(StewardDecision d) {
    return d.reason() == null ? "" : "; reason: " + d.reason();
  }
}
