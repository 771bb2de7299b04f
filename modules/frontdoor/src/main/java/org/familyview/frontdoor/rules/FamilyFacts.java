package org.familyview.frontdoor.rules;

import java.time.LocalDate;
import java.util.List;
import org.familyview.frontdoor.Contact;
import org.jspecify.annotations.Nullable;

/** A family as the concern rules see it: members, their events with provenance, households. */
public record FamilyFacts(
    String familyId, List<Member> members, List<Event> events, List<Household> households) {

  public FamilyFacts {
    members = List.copyOf(members);
    events = List.copyOf(events);
    households = List.copyOf(households);
  }

  /**
   * @param listedAsChild the family lists them as a child (used only without a date of birth)
   * @param to when they left; null while they belong
   */
  public record Member(
      String personId,
      @Nullable LocalDate born,
      boolean listedAsChild,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {

    boolean childOn(LocalDate day) {
      return born == null ? listedAsChild : born.plusYears(18).isAfter(day);
    }

    boolean underOn(LocalDate day, int years) {
      return born != null && born.plusYears(years).isAfter(day);
    }

    boolean memberOn(LocalDate day) {
      return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }
  }

  /** An event about a member, with where it came from. */
  public record Event(
      String personId, String type, LocalDate occurredOn, Contact.EvidenceEvent provenance) {

    String key() {
      return provenance.agency() + "/" + provenance.eventId();
    }
  }

  public record Household(
      String id, @Nullable String postcode, @Nullable LocalDate from, @Nullable LocalDate to) {}
}
