package org.familyview.casefile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.familyview.access.EventDisclosure;
import org.familyview.access.Sensitivity;
import org.familyview.extracts.Vocabulary;
import org.familyview.portal.identity.Role;

/**
 * A consolidated chronology: every event of every linked record, dated ones in date order and
 * undated ones listed apart (never dropped), each shown or redacted for its reader.
 */
public record Chronology(List<ChronologyEntry> events, List<ChronologyEntry> undated) {

  public Chronology {
    events = List.copyOf(events);
    undated = List.copyOf(undated);
  }

  private static final Vocabulary VOCABULARY = Vocabulary.standard();

  private static final Comparator<ChronologyEntry> DATE_ORDER =
      Comparator.comparing(ChronologyEntry::date)
          .thenComparing(ChronologyEntry::time, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(ChronologyEntry::agency)
          .thenComparing(e -> e.provenance().eventId());

  /**
   * @param names the display name of each person
   * @param households the family's households, or empty for a person's chronology
   */
  public static Chronology assemble(
      List<CaseRecords.EventRow> rows,
      ChronologyFilter filter,
      EventDisclosure disclosure,
      Set<Role> viewer,
      Set<String> significantTypes,
      Map<String, String> names,
      List<CaseRecords.Household> households) {
    return assemble(
        rows, filter, disclosure, viewer, significantTypes, names, households, Chronology::label);
  }

  /**
   * @param labels the label of an event type code: the configured partners' vocabulary, so that a
   *     partner's own types read as their labels
   */
  public static Chronology assemble(
      List<CaseRecords.EventRow> rows,
      ChronologyFilter filter,
      EventDisclosure disclosure,
      Set<Role> viewer,
      Set<String> significantTypes,
      Map<String, String> names,
      List<CaseRecords.Household> households,
      Function<String, String> labels) {
    List<ChronologyEntry> dated = new ArrayList<>();
    List<ChronologyEntry> undated = new ArrayList<>();
    for (CaseRecords.EventRow row : rows) {
      if (!filter.admitsAgencyAndMember(row.agency(), row.personId())) {
        continue;
      }
      if (row.occurredOn() != null && !filter.admitsDate(row.occurredOn())) {
        continue;
      }
      EventDisclosure.Outcome outcome =
          disclosure.decide(row.agency(), row.type(), sensitivity(row.sensitivity()), viewer);
      boolean redacted = outcome instanceof EventDisclosure.Outcome.Redacted;
      if (!redacted && !filter.admitsType(row.type())) {
        continue;
      }
      ChronologyEntry entry =
          new ChronologyEntry(
              row.occurredOn(),
              row.occurredTime(),
              row.agency(),
              redacted ? null : row.type(),
              redacted ? null : labels.apply(row.type()),
              redacted ? null : row.role(),
              redacted ? null : row.summary(),
              row.sensitivity(),
              !redacted && significantTypes.contains(row.type()),
              redacted,
              outcome instanceof EventDisclosure.Outcome.Redacted r ? r.notice() : null,
              row.personId(),
              names.getOrDefault(row.personId(), row.personId()),
              row.provenance(),
              row.occurredOn() == null
                  ? List.of()
                  : householdsOn(row.occurredOn(), households, names));
      (row.occurredOn() == null ? undated : dated).add(entry);
    }
    dated.sort(DATE_ORDER);
    undated.sort(
        Comparator.comparing(ChronologyEntry::agency).thenComparing(e -> e.provenance().eventId()));
    return new Chronology(dated, undated);
  }

  /** Entries per agency, for the coverage of what this reader sees. */
  public Map<String, Integer> countByAgency() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (ChronologyEntry e : events) {
      counts.merge(e.agency(), 1, Integer::sum);
    }
    for (ChronologyEntry e : undated) {
      counts.merge(e.agency(), 1, Integer::sum);
    }
    return counts;
  }

  public int size() {
    return events.size() + undated.size();
  }

  static List<ChronologyEntry.HouseholdOnDate> householdsOn(
      java.time.LocalDate date, List<CaseRecords.Household> households, Map<String, String> names) {
    List<ChronologyEntry.HouseholdOnDate> on = new ArrayList<>();
    for (CaseRecords.Household household : households) {
      List<CaseRecords.HouseholdMember> members = household.membersOn(date);
      if (!members.isEmpty()) {
        on.add(
            new ChronologyEntry.HouseholdOnDate(
                household.id(),
                household.postcode(),
                members.stream()
                    .map(CaseRecords.HouseholdMember::personId)
                    .distinct()
                    .map(id -> new ChronologyEntry.Resident(id, names.getOrDefault(id, id)))
                    .toList()));
      }
    }
    return on;
  }

  static String label(String type) {
    return VOCABULARY.byCode(type).map(t -> t.label()).orElse(type);
  }

  private static Sensitivity sensitivity(String value) {
    try {
      return Sensitivity.of(value);
    } catch (IllegalArgumentException e) {
      // An unknown sensitivity is treated as the strictest, never as standard.
      return Sensitivity.RESTRICTED;
    }
  }
}
