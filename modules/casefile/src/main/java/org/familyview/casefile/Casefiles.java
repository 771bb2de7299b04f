package org.familyview.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.familyview.access.EventDisclosure;
import org.familyview.extracts.Partners;
import org.familyview.portal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Puts a person's or a family's case together from PostgreSQL. Access is decided by the caller. */
@Component
public class Casefiles {

  /** A person and everything known about them that is not a chronology. */
  public record PersonCase(
      String id,
      String name,
      @Nullable LocalDate dateOfBirth,
      @Nullable Integer age,
      List<SourceRecord> records,
      List<CaseRecords.Membership> families) {

    public Set<String> familyIds() {
      return families.stream()
          .map(CaseRecords.Membership::familyId)
          .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public Map<String, Integer> recordsByAgency() {
      Map<String, Integer> counts = new LinkedHashMap<>();
      records.forEach(r -> counts.merge(r.agency(), 1, Integer::sum));
      return counts;
    }
  }

  /** What a person id resolves to: a current person, a retired one and where it went, or none. */
  public sealed interface Lookup {
    record Found(PersonCase person) implements Lookup {}

    record Retired(String id, List<CaseRecords.Successor> successors) implements Lookup {}

    record Unknown(String id) implements Lookup {}
  }

  public record Member(
      String personId,
      String name,
      @Nullable LocalDate dateOfBirth,
      @Nullable Integer age,
      String role,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      String basis,
      Set<String> agencies) {}

  /**
   * @param name what people call the family ("The Hughes family, 14 Halcon Road", see {@link
   *     FamilyNames})
   */
  public record FamilyCase(
      String id,
      List<Member> members,
      List<CaseRecords.Household> households,
      Map<String, String> names,
      String name) {

    public Set<String> personIds() {
      return members.stream()
          .map(Member::personId)
          .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public Map<String, Integer> agencyCounts() {
      Map<String, Integer> counts = new LinkedHashMap<>();
      members.forEach(m -> m.agencies().forEach(a -> counts.merge(a, 1, Integer::sum)));
      return counts;
    }
  }

  public sealed interface FamilyLookup {
    record Found(FamilyCase family) implements FamilyLookup {}

    record Retired(String id) implements FamilyLookup {}

    record Unknown(String id) implements FamilyLookup {}
  }

  private final CaseRecords records;
  private final EventDisclosure disclosure;
  private final CasefileProperties properties;
  private final Clock clock;
  private final CasePartners partners;
  private List<RecordedEntries> recorded = List.of();

  @Autowired
  public Casefiles(
      CaseRecords records,
      EventDisclosure disclosure,
      CasefileProperties properties,
      CasePartners partners) {
    this(records, disclosure, properties, Clock.systemUTC(), partners);
  }

  Casefiles(
      CaseRecords records, EventDisclosure disclosure, CasefileProperties properties, Clock clock) {
    this(records, disclosure, properties, clock, new CasePartners(Partners.v1()));
  }

  private Casefiles(
      CaseRecords records,
      EventDisclosure disclosure,
      CasefileProperties properties,
      Clock clock,
      CasePartners partners) {
    this.records = records;
    this.disclosure = disclosure;
    this.properties = properties;
    this.clock = clock;
    this.partners = partners;
  }

  /** Entries recorded by other features (front-door decisions) that family chronologies show. */
  @Autowired(required = false)
  void setRecordedEntries(List<RecordedEntries> recorded) {
    this.recorded = List.copyOf(recorded);
  }

  public Lookup person(String id) {
    Optional<CaseRecords.PersonRow> row = records.person(id);
    if (row.isEmpty()) {
      return new Lookup.Unknown(id);
    }
    if (row.get().retiredAt() != null) {
      return new Lookup.Retired(id, records.successors(id));
    }
    List<SourceRecord> linked = records.records(id);
    LocalDate dob = dateOfBirth(linked);
    return new Lookup.Found(
        new PersonCase(id, name(id, linked), dob, age(dob), linked, records.familiesOf(id)));
  }

  public FamilyLookup family(String id) {
    Optional<CaseRecords.FamilyRow> row = records.family(id);
    if (row.isEmpty()) {
      return new FamilyLookup.Unknown(id);
    }
    if (row.get().retiredAt() != null) {
      return new FamilyLookup.Retired(id);
    }
    List<CaseRecords.Membership> memberships = records.members(id);
    Set<String> ids = new LinkedHashSet<>();
    memberships.forEach(m -> ids.add(m.personId()));
    List<CaseRecords.Household> households = records.households(id);
    households.forEach(h -> h.members().forEach(m -> ids.add(m.personId())));
    Map<String, List<SourceRecord>> linked = records.records(ids);
    Map<String, String> names = new LinkedHashMap<>();
    ids.forEach(p -> names.put(p, name(p, linked.getOrDefault(p, List.of()))));
    List<Member> members = new ArrayList<>();
    for (CaseRecords.Membership m : memberships) {
      List<SourceRecord> of = linked.getOrDefault(m.personId(), List.of());
      LocalDate dob = dateOfBirth(of);
      members.add(
          new Member(
              m.personId(),
              names.get(m.personId()),
              dob,
              age(dob),
              m.role(),
              m.from(),
              m.to(),
              m.basis(),
              of.stream()
                  .map(SourceRecord::agency)
                  .collect(Collectors.toCollection(java.util.TreeSet::new))));
    }
    return new FamilyLookup.Found(
        new FamilyCase(
            id, members, households, names, familyName(id, members, linked, households)));
  }

  /** The same rule as {@link FamilyNames}, from what the family page has already read. */
  static String familyName(
      String id,
      List<Member> members,
      Map<String, List<SourceRecord>> linked,
      List<CaseRecords.Household> households) {
    Map<String, Integer> carers = new LinkedHashMap<>();
    Map<String, Integer> anyone = new LinkedHashMap<>();
    for (Member m : members) {
      linked.getOrDefault(m.personId(), List.of()).stream()
          .filter(r -> r.current() && r.familyName() != null)
          .map(SourceRecord::familyName)
          .distinct()
          .forEach(
              surname -> {
                anyone.merge(surname, 1, Integer::sum);
                if ("PARENT_OR_CARER".equals(m.role())) {
                  carers.merge(surname, 1, Integer::sum);
                }
              });
    }
    String surname = commonest(carers.isEmpty() ? anyone : carers);
    String address =
        households.stream()
            .filter(h -> h.address() != null)
            .max(
                java.util.Comparator.comparing((CaseRecords.Household h) -> h.to() == null)
                    .thenComparing(
                        CaseRecords.Household::to,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                    .thenComparing(
                        CaseRecords.Household::from,
                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
            .map(CaseRecords.Household::address)
            .orElse(null);
    return FamilyNames.name(surname, address, id);
  }

  private static @Nullable String commonest(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  public Chronology chronologyOf(PersonCase person, ChronologyFilter filter, Set<Role> viewer) {
    return Chronology.assemble(
        records.events(List.of(person.id())),
        filter,
        disclosure,
        viewer,
        properties.significant(),
        Map.of(person.id(), person.name()),
        List.of(),
        partners::label);
  }

  public Chronology chronologyOf(FamilyCase family, ChronologyFilter filter, Set<Role> viewer) {
    List<CaseRecords.EventRow> rows = new ArrayList<>(records.events(family.personIds()));
    recorded.forEach(r -> rows.addAll(r.about(family.id(), family.personIds())));
    return Chronology.assemble(
        rows,
        filter,
        disclosure,
        viewer,
        properties.significant(),
        family.names(),
        family.households(),
        partners::label);
  }

  public Map<String, String> names(Collection<String> personIds) {
    Map<String, List<SourceRecord>> linked = records.records(personIds);
    Map<String, String> names = new LinkedHashMap<>();
    personIds.forEach(p -> names.put(p, name(p, linked.getOrDefault(p, List.of()))));
    return names;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  private @Nullable Integer age(@Nullable LocalDate dob) {
    return dob == null ? null : Period.between(dob, today()).getYears();
  }

  /** The name on the first current record (records come current first), else any record. */
  static String name(String personId, List<SourceRecord> linked) {
    return linked.stream()
        .filter(r -> r.givenName() != null || r.familyName() != null)
        .findFirst()
        .map(SourceRecord::name)
        .orElse(personId);
  }

  /** The most often recorded date of birth; ties go to the earlier-listed (current) record. */
  static @Nullable LocalDate dateOfBirth(List<SourceRecord> linked) {
    Map<LocalDate, Integer> counts = new LinkedHashMap<>();
    linked.stream()
        .map(SourceRecord::dateOfBirth)
        .filter(java.util.Objects::nonNull)
        .forEach(d -> counts.merge(d, 1, Integer::sum));
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(null);
  }
}
