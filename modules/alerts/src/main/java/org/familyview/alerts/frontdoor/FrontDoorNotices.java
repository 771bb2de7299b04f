package org.familyview.alerts.frontdoor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.familyview.alerts.inbox.Inbox;
import org.familyview.alerts.inbox.KnownUsers;
import org.familyview.frontdoor.CheckDue;
import org.familyview.frontdoor.ContactRaised;
import org.familyview.frontdoor.DecisionRecorded;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Posts the front door's events to the inboxes of those they concern. Each listener runs after the
 * front door's transaction commits (a rolled-back contact tells no one) in a transaction of its own
 * (after commit, the front door's is finished). Reasons name a rule, a partner, a RAG rating or an
 * outcome, never a person: the link leads to the record through the casefile's own access rules.
 * Each fact is posted once per recipient (its dedupe key).
 */
@Component
class FrontDoorNotices {

  static final String RULE_FIRED = "CONCERN_RULE_FIRED";
  static final String CHECK_DUE = "CHECK_DUE";
  static final String CHECK_OVERDUE = "CHECK_OVERDUE";
  static final String DECIDED = "FRONT_DOOR_DECISION";

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
          .withZone(ZoneId.of("Europe/London"));

  private final JdbcClient jdbc;
  private final Inbox inbox;
  private final KnownUsers users;

  FrontDoorNotices(JdbcClient jdbc, Inbox inbox, KnownUsers users) {
    this.jdbc = jdbc;
    this.inbox = inbox;
    this.users = users;
  }

  /** "A concern rule fired for a family I hold": a contact typed in by hand tells no keyworker. */
  @TransactionalEventListener(fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void contactRaised(ContactRaised raised) {
    if (raised.ruleId() == null) {
      return;
    }
    String reason =
        "A concern rule ("
            + raised.ruleId()
            + ") raised "
            + article(raised.rag().name().toLowerCase(Locale.ROOT))
            + " front-door contact about a family you hold";
    for (String familyId : families(raised.familyId(), raised.subjectId())) {
      for (String keyworker : holders(familyId)) {
        inbox.post(
            keyworker,
            RULE_FIRED,
            reason,
            "/families/" + familyId,
            "contact:" + raised.contactId());
      }
    }
  }

  /** "A partner check I must answer is due, or overdue": to each known checker of the partner. */
  @TransactionalEventListener(fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void checkDue(CheckDue due) {
    String check = article(partnerName(due.partner())) + " check for the front door";
    String reason =
        due.overdue()
            ? check + " is overdue (it was due " + when(due.dueAt()) + ")"
            : check + " is due by " + when(due.dueAt());
    for (String checker : users.checkers(due.partner())) {
      inbox.post(
          checker,
          due.overdue() ? CHECK_OVERDUE : CHECK_DUE,
          reason,
          "/front-door/contacts/" + due.contactId(),
          "check:" + due.contactId() + ":" + due.partner() + (due.overdue() ? ":overdue" : ":due"));
    }
  }

  /** The decision, to the keyworkers holding the family, linked to its chronology. */
  @TransactionalEventListener(fallbackExecution = true)
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void decisionRecorded(DecisionRecorded decided) {
    if (decided.familyId() == null) {
      return;
    }
    String reason =
        "The front door decided on a contact about a family you hold: " + decided.outcome().label();
    for (String keyworker : holders(decided.familyId())) {
      inbox.post(
          keyworker,
          DECIDED,
          reason,
          "/families/" + decided.familyId() + "/chronology",
          "decision:" + decided.contactId());
    }
  }

  /** The contact's family, or a person's current families. */
  private List<String> families(@Nullable String familyId, String subjectId) {
    if (familyId != null) {
      return List.of(familyId);
    }
    return jdbc.sql(
            """
            select distinct fm.family_id from family_member fm
            join family f on f.id = fm.family_id and f.retired_at is null
            where fm.person_id = ? and fm.to_date is null order by fm.family_id
            """)
        .param(subjectId)
        .query(String.class)
        .list();
  }

  /** The keyworkers holding the family on their caseload today. */
  private List<String> holders(String familyId) {
    return jdbc.sql(
            """
            select distinct keyworker from caseload_assignment
            where family_id = ? and starts_on <= current_date
              and (ends_on is null or ends_on >= current_date)
            order by keyworker
            """)
        .param(familyId)
        .query(String.class)
        .list();
  }

  private static String when(Instant at) {
    return WHEN.format(at);
  }

  /** "a red", "an amber"; "a Police", "an Education". */
  private static String article(String word) {
    boolean vowel = "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0;
    boolean capital = Character.isUpperCase(word.charAt(0));
    return (vowel ? (capital ? "An " : "an ") : (capital ? "A " : "a ")) + word;
  }

  private static String partnerName(String partner) {
    String lower = partner.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
