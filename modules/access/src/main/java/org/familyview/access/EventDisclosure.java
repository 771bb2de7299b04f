package org.familyview.access;

import java.util.Map;
import java.util.Set;
import org.familyview.portal.identity.Role;

/**
 * Decides, entry by entry, whether a role sees a chronology entry or only that it exists. Standard
 * entries are shown to anyone entitled to the case; a sensitive entry needs its type shared with
 * one of the viewer's roles; a restricted one needs that and a restricted role. Nothing is dropped:
 * a keyworker who cannot read a police record still learns that one exists and whom to ask, because
 * "no police records" must never be mistaken for "no police involvement".
 */
public final class EventDisclosure {

  /** What the viewer gets. */
  public sealed interface Outcome {
    record Shown() implements Outcome {}

    record Redacted(String notice) implements Outcome {}
  }

  private final Map<String, SharingAgreement> agreementsByAgency;
  private final PartnerContacts contacts;

  public EventDisclosure(Map<String, SharingAgreement> agreementsByAgency) {
    this(agreementsByAgency, PartnerContacts.NONE);
  }

  /**
   * @param contacts the partner's own contact, which a notice names before its agreement's: the
   *     agreement is signed by an information-governance lead, but the people who can answer "what
   *     is this record?" are the partner's (the Public Protection Unit, a trust's safeguarding
   *     team)
   */
  public EventDisclosure(
      Map<String, SharingAgreement> agreementsByAgency, PartnerContacts contacts) {
    this.agreementsByAgency = Map.copyOf(agreementsByAgency);
    this.contacts = contacts;
  }

  public Outcome decide(
      String agency, String eventType, Sensitivity sensitivity, Set<Role> viewer) {
    SharingAgreement agreement = agreementsByAgency.get(agency);
    if (agreement == null) {
      // No agreement, no lawful basis to show anything but the fact of the record.
      return new Outcome.Redacted(
          notice(agency, contacts.of(agency).orElse("the " + agency + " data-sharing lead")));
    }
    boolean shown =
        switch (sensitivity) {
          case STANDARD -> true;
          case SENSITIVE -> agreement.shares(eventType, viewer);
          case RESTRICTED ->
              agreement.shares(eventType, viewer) && agreement.allowsRestricted(viewer);
        };
    return shown
        ? new Outcome.Shown()
        : new Outcome.Redacted(notice(agency, contacts.of(agency).orElse(agreement.contact())));
  }

  private static String notice(String agency, String contact) {
    return "a restricted " + agency + " record exists — contact " + contact;
  }
}
