package org.familyview.frontdoor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.familyview.frontdoor.clock.WorkingClock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front door's use cases: raise a contact (its checks asked of every configured partner that
 * FamilyView links to the subject), answer a check, decide. Who may do what is decided by the
 * caller (the web gate); what can go wrong is an outcome, not an exception.
 */
@Component
public class FrontDoor {

  /** A contact as entered, or as a concern rule raises it. */
  public record NewContact(
      Contact.Subject subject, String source, String concern, @Nullable Rag rag) {}

  /** A contact that is not rated when entered is amber until a practitioner rates it. */
  public static final Rag UNRATED = Rag.AMBER;

  public sealed interface Raised {
    record Done(Contact contact) implements Raised {}

    /** The rule already raised a contact on this evidence for this family. */
    record AlreadyRaised() implements Raised {}

    record UnknownSubject(Contact.Subject subject) implements Raised {}

    record Invalid(List<String> problems) implements Raised {}
  }

  public sealed interface Changed {
    record Done(Contact contact) implements Changed {}

    record NoContact(UUID id) implements Changed {}

    /** The change cannot be made in the contact's state; {@code why} says so. */
    record Conflict(String why) implements Changed {}
  }

  private final Contacts contacts;
  private final Subjects subjects;
  private final FrontDoorProperties properties;
  private final WorkingClock workingClock;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  @Autowired
  FrontDoor(
      Contacts contacts,
      Subjects subjects,
      FrontDoorProperties properties,
      ApplicationEventPublisher events) {
    this(contacts, subjects, properties, events, Clock.systemUTC());
  }

  FrontDoor(
      Contacts contacts,
      Subjects subjects,
      FrontDoorProperties properties,
      ApplicationEventPublisher events,
      Clock clock) {
    this.contacts = contacts;
    this.subjects = subjects;
    this.properties = properties;
    this.workingClock = properties.workingHours().clock();
    this.events = events;
    this.clock = clock;
  }

  public Instant now() {
    return clock.instant();
  }

  public WorkingClock workingClock() {
    return workingClock;
  }

  public FrontDoorProperties properties() {
    return properties;
  }

  /** A contact entered at the front door. */
  @Transactional
  public Raised raise(NewContact contact, String by) {
    return raise(contact, by, null, null);
  }

  /**
   * A contact, by hand or from a rule; a rule's contact is raised once per (rule, family, evidence
   * key).
   */
  @Transactional
  public Raised raise(
      NewContact n, String by, Contact.@Nullable Fired rule, @Nullable String evidenceKey) {
    List<String> problems = problems(n);
    if (!problems.isEmpty()) {
      return new Raised.Invalid(problems);
    }
    Optional<Subjects.Known> known = subjects.find(n.subject());
    if (known.isEmpty()) {
      return new Raised.UnknownSubject(n.subject());
    }
    Instant now = clock.instant();
    Rag rag = n.rag() == null ? UNRATED : n.rag();
    Contact contact =
        new Contact(
            UUID.randomUUID(),
            n.subject(),
            known.get().familyId(),
            n.source(),
            n.concern().strip(),
            rag,
            now,
            workingClock.plus(now, properties.decideWithin().of(rag)),
            by,
            rule,
            checks(known.get().linked(), workingClock.plus(now, properties.checksWithin().of(rag))),
            null);
    if (!contacts.insert(contact, evidenceKey)) {
      return new Raised.AlreadyRaised();
    }
    events.publishEvent(
        new ContactRaised(
            contact.id(),
            contact.familyId(),
            contact.subject().id(),
            rag,
            contact.dueAt(),
            rule == null ? null : rule.ruleId()));
    return new Raised.Done(contact);
  }

  private List<String> problems(NewContact n) {
    List<String> problems = new ArrayList<>();
    if (!properties.sources().contains(n.source())) {
      problems.add("source must be one of " + String.join(", ", properties.sources()));
    }
    if (n.concern().isBlank()) {
      problems.add("concern must say what the concern is");
    } else if (n.concern().length() > 4000) {
      problems.add("concern must be at most 4000 characters");
    }
    return problems;
  }

  /**
   * One check per configured partner FamilyView links to the subject, pre-filled with the links.
   */
  private List<Contact.Check> checks(Map<String, List<String>> linked, Instant due) {
    List<Contact.Check> checks = new ArrayList<>();
    for (String partner : properties.partners()) {
      List<String> records = linked.get(partner);
      if (records != null && !records.isEmpty()) {
        checks.add(
            new Contact.Check(
                partner, due, CheckStatus.REQUESTED, records, null, null, null, null));
      }
    }
    // In partner order, as they are read back.
    checks.sort(java.util.Comparator.comparing(Contact.Check::partner));
    return checks;
  }

  public Optional<Contact> find(UUID id) {
    return contacts.find(id).map(c -> c.asOf(clock.instant()));
  }

  /** A partner's answer: what its agency knows, or that nothing is known. */
  @Transactional
  public Changed answer(
      UUID id, String partner, String response, @Nullable Boolean nothingKnown, String by) {
    Optional<Contact> contact = contacts.find(id);
    if (contact.isEmpty()) {
      return new Changed.NoContact(id);
    }
    if (contact.get().check(partner).isEmpty()) {
      return new Changed.Conflict("this contact asks no check of " + partner);
    }
    if (contact.get().decision() != null) {
      return new Changed.Conflict("the contact is already decided; its checks are closed");
    }
    if (!contacts.answer(id, partner, response.strip(), nothingKnown, clock.instant(), by)) {
      return new Changed.Conflict(partner + " has already answered this check");
    }
    return new Changed.Done(find(id).orElseThrow());
  }

  @Transactional
  public Changed decide(UUID id, Outcome outcome, String reason, String by) {
    Optional<Contact> contact = contacts.find(id);
    if (contact.isEmpty()) {
      return new Changed.NoContact(id);
    }
    if (!contacts.decide(id, outcome, reason.strip(), clock.instant(), by)) {
      return new Changed.Conflict("the contact is already decided");
    }
    events.publishEvent(new DecisionRecorded(id, contact.get().familyId(), outcome));
    return new Changed.Done(find(id).orElseThrow());
  }

  /** Contacts raised since a time, and those in the repeat window before it, as of now. */
  public List<Contact> raisedSince(Instant since) {
    Instant now = clock.instant();
    return contacts.raisedSince(since).stream().map(c -> c.asOf(now)).toList();
  }

  /** Announces each open check once when it is due soon and once when it is overdue. */
  @Transactional
  public int announceChecks() {
    Instant now = clock.instant();
    List<Contacts.Announcement> due = contacts.announce(now, now.plus(properties.dueSoon()));
    due.forEach(
        a -> events.publishEvent(new CheckDue(a.contactId(), a.partner(), a.dueAt(), a.overdue())));
    return due.size();
  }
}
