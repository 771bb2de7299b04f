package org.familyview.frontdoor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A concern at the front door: who it is about, where it came from, how urgent, the partners'
 * checks and, once made, the decision.
 *
 * @param familyId the family the decision is recorded against (the subject's own, or the family of
 *     a person who belongs to one); null for a person in no family
 * @param rule the concern rule that raised it, with its evidence; null when entered by hand
 */
public record Contact(
    UUID id,
    Subject subject,
    @Nullable String familyId,
    String source,
    String concern,
    Rag rag,
    Instant raisedAt,
    Instant dueAt,
    String raisedBy,
    @Nullable Fired rule,
    List<Check> checks,
    @Nullable Decision decision) {

  public Contact {
    checks = List.copyOf(checks);
  }

  /** A person or a family, by the id FamilyView gives it. */
  public record Subject(Kind kind, String id) {
    public enum Kind {
      PERSON,
      FAMILY
    }
  }

  /**
   * One partner's check.
   *
   * @param linked the partner's records FamilyView links to the subject, as {@code record id}s: the
   *     pre-filled part of the question
   */
  public record Check(
      String partner,
      Instant dueAt,
      CheckStatus status,
      List<String> linked,
      @Nullable String response,
      @Nullable Boolean nothingKnown,
      @Nullable Instant answeredAt,
      @Nullable String answeredBy) {

    public Check {
      linked = List.copyOf(linked);
    }

    /** As of {@code now}: a requested check past its deadline is overdue. */
    public Check asOf(Instant now) {
      return status == CheckStatus.REQUESTED && now.isAfter(dueAt)
          ? new Check(
              partner,
              dueAt,
              CheckStatus.OVERDUE,
              linked,
              response,
              nothingKnown,
              answeredAt,
              answeredBy)
          : this;
    }
  }

  public record Decision(Outcome outcome, String reason, Instant decidedAt, String decidedBy) {}

  /** The concern rule that raised the contact, its version and the events it fired on. */
  public record Fired(String ruleId, String version, String label, List<EvidenceEvent> evidence) {
    public Fired {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * An event a rule fired on, with its provenance: the agency's event, the record it belongs to,
   * and the extract and line that delivered it.
   */
  public record EvidenceEvent(
      String agency,
      String eventId,
      String recordId,
      String personId,
      String type,
      @Nullable String occurredOn,
      String extractId,
      String file,
      long line) {}

  public Optional<Check> check(String partner) {
    return checks.stream().filter(c -> c.partner().equals(partner)).findFirst();
  }

  /** The contact as of {@code now}: checks past their deadline show as overdue. */
  public Contact asOf(Instant now) {
    return withChecks(checks.stream().map(c -> c.asOf(now)).toList());
  }

  /** The same contact with these checks (a stored contact's are read after its row). */
  public Contact withChecks(List<Check> checks) {
    return new Contact(
        id, subject, familyId, source, concern, rag, raisedAt, dueAt, raisedBy, rule, checks,
        decision);
  }
}
