package org.familyview.frontdoor.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.casefile.Casefiles;
import org.familyview.frontdoor.Board;
import org.familyview.frontdoor.Contact;
import org.familyview.frontdoor.FrontDoor;
import org.familyview.frontdoor.Outcome;
import org.familyview.frontdoor.Subjects;
import org.familyview.portal.audit.RequestAudit;
import org.familyview.portal.identity.CurrentUser;
import org.familyview.portal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The one place a front-door action is allowed or refused, and audited. Only the {@code front-door}
 * role raises, reads in full, decides and sees the board. A {@code partner-checker} reads and
 * answers only the check of their own agency (their {@code agency} attribute), and sees only what
 * the question needs: the subject, the concern, their own check, and their own agency's records of
 * the subject, never other partners' answers, the evidence of other agencies or the decision. Other
 * roles are refused before anything is looked up. Every outcome is audited.
 */
@Component
class FrontDoorGate {

  static final String NOT_FRONT_DOOR = "only the front door (role front-door) may do this";
  static final String NO_ROLE = "your role does not give access to the front door";

  /** The gate's answer. */
  sealed interface Gated<T> {
    record Allowed<T>(T value) implements Gated<T> {}

    record Refused<T>(HttpStatus status, String title, String detail) implements Gated<T> {}
  }

  /** What a reader may see of a contact. */
  sealed interface View {
    Contact contact();

    /** The whole contact, for the front door; names of the persons it concerns. */
    record Full(Contact contact, Map<String, String> names) implements View {}

    /** One partner's question: the subject, the concern, their check, their own records. */
    record ForChecker(
        Contact contact,
        String partner,
        Map<String, String> names,
        List<Subjects.PartnerEvent> records)
        implements View {}
  }

  private final FrontDoor frontDoor;
  private final Subjects subjects;
  private final Casefiles casefiles;
  private final RequestAudit audit;

  FrontDoorGate(FrontDoor frontDoor, Subjects subjects, Casefiles casefiles, RequestAudit audit) {
    this.frontDoor = frontDoor;
    this.subjects = subjects;
    this.casefiles = casefiles;
    this.audit = audit;
  }

  static boolean isFrontDoor(CurrentUser user) {
    return user.has(Role.FRONT_DOOR);
  }

  /** The partner a checker answers for, if the user is one. */
  static Optional<String> checkerPartner(CurrentUser user) {
    return user.has(Role.PARTNER_CHECKER) && user.agency() != null
        ? Optional.of(user.agency().toLowerCase(Locale.ROOT))
        : Optional.empty();
  }

  private <T> Gated<T> refuse(AuditEvent event, HttpStatus status, String title, String why) {
    audit.record(event.withDetail(why).denied());
    return new Gated.Refused<>(status, title, why);
  }

  private AuditEvent event(Authentication who, HttpServletRequest request, AuditAction action) {
    return audit.event(who, request, action);
  }

  private static AuditEvent onSubject(AuditEvent event, Contact.Subject subject) {
    return event.on(subject.kind().name().toLowerCase(Locale.ROOT), subject.id());
  }

  Gated<Contact> raise(
      FrontDoor.NewContact contact, Authentication who, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(who);
    AuditEvent event =
        onSubject(event(who, request, AuditAction.FRONT_DOOR_CONTACT), contact.subject());
    if (!isFrontDoor(user)) {
      return refuse(event, HttpStatus.FORBIDDEN, "Forbidden", NOT_FRONT_DOOR);
    }
    return switch (frontDoor.raise(contact, user.username())) {
      case FrontDoor.Raised.Done done -> {
        Contact c = done.contact();
        audit.record(
            event.withDetail(
                "raised contact "
                    + c.id()
                    + "; "
                    + c.rag()
                    + "; source "
                    + c.source()
                    + "; checks "
                    + c.checks().stream().map(Contact.Check::partner).toList()));
        yield new Gated.Allowed<>(c);
      }
      case FrontDoor.Raised.Invalid invalid ->
          refuse(
              event,
              HttpStatus.BAD_REQUEST,
              "Invalid contact",
              String.join("; ", invalid.problems()));
      case FrontDoor.Raised.UnknownSubject unknown ->
          refuse(
              event,
              HttpStatus.UNPROCESSABLE_CONTENT,
              "Unknown subject",
              "no current "
                  + unknown.subject().kind().name().toLowerCase(Locale.ROOT)
                  + " "
                  + unknown.subject().id());
      case FrontDoor.Raised.AlreadyRaised already ->
          refuse(event, HttpStatus.CONFLICT, "Already raised", "this contact is already raised");
    };
  }

  /** A contact as this reader may see it. */
  Gated<View> read(UUID id, Authentication who, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(who);
    AuditEvent event =
        event(who, request, AuditAction.FRONT_DOOR_CONTACT).on("front-door-contact", id.toString());
    Optional<String> partner = checkerPartner(user);
    if (!isFrontDoor(user) && partner.isEmpty()) {
      return refuse(event, HttpStatus.FORBIDDEN, "Forbidden", NO_ROLE);
    }
    Optional<Contact> found = frontDoor.find(id);
    if (found.isEmpty()) {
      return refuse(event, HttpStatus.NOT_FOUND, "Not found", "no front-door contact " + id);
    }
    Contact contact = found.get();
    AuditEvent on = onSubject(event, contact.subject());
    if (isFrontDoor(user)) {
      audit.record(on.withDetail("read contact " + id + " in full"));
      return new Gated.Allowed<>(new View.Full(contact, names(contact)));
    }
    return forChecker(contact, partner.get(), as(on, AuditAction.FRONT_DOOR_CHECK));
  }

  private Gated<View> forChecker(Contact contact, String partner, AuditEvent event) {
    Optional<Contact.Check> check = contact.check(partner);
    if (check.isEmpty()) {
      // The same answer as an unknown id: a checker learns nothing of contacts not asked of them.
      return refuse(
          event,
          HttpStatus.NOT_FOUND,
          "Not found",
          "no front-door contact " + contact.id() + " asks a check of " + partner);
    }
    View.ForChecker view = checkerView(contact, partner);
    audit.record(
        event.withDetail(
            "read check of "
                + partner
                + " on contact "
                + contact.id()
                + "; "
                + check.get().linked().size()
                + " own records, "
                + view.records().size()
                + " events"));
    return new Gated.Allowed<>(view);
  }

  private View.ForChecker checkerView(Contact contact, String partner) {
    List<String> linked = contact.check(partner).map(Contact.Check::linked).orElse(List.of());
    return new View.ForChecker(
        contact, partner, names(contact), subjects.eventsOf(partner, linked));
  }

  private static AuditEvent as(AuditEvent e, AuditAction action) {
    return new AuditEvent(
        e.actor(),
        e.roles(),
        action,
        e.outcome(),
        e.targetType(),
        e.targetId(),
        e.purpose(),
        e.detail(),
        e.source(),
        e.authority());
  }

  Gated<View> answer(
      UUID id,
      String partner,
      String response,
      @Nullable Boolean nothingKnown,
      Authentication who,
      HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(who);
    AuditEvent event =
        event(who, request, AuditAction.FRONT_DOOR_CHECK).on("front-door-contact", id.toString());
    Optional<String> mine = checkerPartner(user);
    if (mine.isEmpty()) {
      return refuse(
          event, HttpStatus.FORBIDDEN, "Forbidden", "only a partner checker answers a check");
    }
    if (!mine.get().equals(partner)) {
      return refuse(
          event,
          HttpStatus.FORBIDDEN,
          "Forbidden",
          "you answer for " + mine.get() + ", not for " + partner);
    }
    Optional<Contact> before = frontDoor.find(id);
    if (before.isEmpty() || before.get().check(partner).isEmpty()) {
      return refuse(
          event,
          HttpStatus.NOT_FOUND,
          "Not found",
          "no front-door contact " + id + " asks a check of " + partner);
    }
    AuditEvent on = onSubject(event, before.get().subject());
    return switch (frontDoor.answer(id, partner, response, nothingKnown, user.username())) {
      case FrontDoor.Changed.Done done -> {
        audit.record(
            on.withDetail(
                "answered check of "
                    + partner
                    + " on contact "
                    + id
                    + (Boolean.TRUE.equals(nothingKnown) ? "; nothing known" : "")));
        yield new Gated.Allowed<>(checkerView(done.contact(), partner));
      }
      case FrontDoor.Changed.NoContact none ->
          refuse(on, HttpStatus.NOT_FOUND, "Not found", "no front-door contact " + id);
      case FrontDoor.Changed.Conflict conflict ->
          refuse(on, HttpStatus.CONFLICT, "Check closed", conflict.why());
    };
  }

  Gated<View> decide(
      UUID id, Outcome outcome, String reason, Authentication who, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(who);
    AuditEvent event =
        event(who, request, AuditAction.FRONT_DOOR_DECISION)
            .on("front-door-contact", id.toString());
    if (!isFrontDoor(user)) {
      return refuse(event, HttpStatus.FORBIDDEN, "Forbidden", NOT_FRONT_DOOR);
    }
    Optional<Contact> before = frontDoor.find(id);
    if (before.isEmpty()) {
      return refuse(event, HttpStatus.NOT_FOUND, "Not found", "no front-door contact " + id);
    }
    AuditEvent on = onSubject(event, before.get().subject());
    return switch (frontDoor.decide(id, outcome, reason, user.username())) {
      case FrontDoor.Changed.Done done -> {
        audit.record(
            on.withDetail(
                "decided contact "
                    + id
                    + ": "
                    + outcome
                    + (done.contact().familyId() == null
                        ? ""
                        : "; recorded against family " + done.contact().familyId())));
        yield new Gated.Allowed<>(new View.Full(done.contact(), names(done.contact())));
      }
      case FrontDoor.Changed.NoContact none ->
          refuse(on, HttpStatus.NOT_FOUND, "Not found", "no front-door contact " + id);
      case FrontDoor.Changed.Conflict conflict ->
          refuse(on, HttpStatus.CONFLICT, "Already decided", conflict.why());
    };
  }

  /** The board over contacts raised since {@code from}; the front door only. */
  Gated<Board> board(Instant from, Authentication who, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(who);
    AuditEvent event =
        event(who, request, AuditAction.FRONT_DOOR_CONTACT).on("front-door-board", from.toString());
    if (!isFrontDoor(user)) {
      return refuse(event, HttpStatus.FORBIDDEN, "Forbidden", NOT_FRONT_DOOR);
    }
    Instant now = frontDoor.now();
    var zone = frontDoor.workingClock().zone();
    Instant earlierFrom =
        from.atZone(zone).minus(frontDoor.properties().repeatWithin()).toInstant();
    List<Contact> all = frontDoor.raisedSince(earlierFrom);
    List<Contact> inPeriod = all.stream().filter(c -> !c.raisedAt().isBefore(from)).toList();
    List<Contact> earlier = all.stream().filter(c -> c.raisedAt().isBefore(from)).toList();
    Board board =
        Board.of(
            from,
            now,
            inPeriod,
            earlier,
            frontDoor.workingClock(),
            frontDoor.properties().repeatWithin());
    audit.record(event.withDetail("board of " + inPeriod.size() + " contacts since " + from));
    return new Gated.Allowed<>(board);
  }

  /** Open contacts (undecided), newest first: the practitioner's work list. */
  List<Contact> open(List<Contact> contacts) {
    return contacts.stream()
        .filter(c -> c.decision() == null)
        .sorted(java.util.Comparator.comparing(Contact::dueAt))
        .toList();
  }

  /** Open checks of one partner, soonest due first: the checker's work list. */
  Gated<List<Contact>> checksOf(Authentication who, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(who);
    AuditEvent event =
        event(who, request, AuditAction.FRONT_DOOR_CHECK).on("front-door-checks", "open");
    Optional<String> partner = checkerPartner(user);
    if (partner.isEmpty()) {
      return refuse(event, HttpStatus.FORBIDDEN, "Forbidden", "only a partner checker has checks");
    }
    Instant since = frontDoor.now().minus(java.time.Duration.ofDays(90));
    List<Contact> mine =
        frontDoor.raisedSince(since).stream()
            .filter(c -> c.decision() == null)
            .filter(c -> c.check(partner.get()).map(k -> k.answeredAt() == null).orElse(false))
            .sorted(
                java.util.Comparator.comparing(c -> c.check(partner.get()).orElseThrow().dueAt()))
            .toList();
    audit.record(event.withDetail("listed " + mine.size() + " open checks of " + partner.get()));
    return new Gated.Allowed<>(mine);
  }

  /** The front door's list of contacts since a time, audited as a list (no case data read). */
  Gated<List<Contact>> contacts(Instant since, Authentication who, HttpServletRequest request) {
    CurrentUser user = CurrentUser.of(who);
    AuditEvent event =
        event(who, request, AuditAction.FRONT_DOOR_CONTACT)
            .on("front-door-contacts", since.toString());
    if (!isFrontDoor(user)) {
      return refuse(event, HttpStatus.FORBIDDEN, "Forbidden", NOT_FRONT_DOOR);
    }
    List<Contact> contacts = frontDoor.raisedSince(since);
    audit.record(event.withDetail("listed " + contacts.size() + " contacts"));
    return new Gated.Allowed<>(contacts);
  }

  private Map<String, String> names(Contact contact) {
    return subjects
        .find(contact.subject())
        .map(k -> casefiles.names(k.personIds()))
        .orElse(Map.of());
  }
}
