package org.familyview.families;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.familyview.identifiers.Postcode;
import org.jspecify.annotations.Nullable;

/**
 * Groups people into families and households: a graph over people, kept apart from person identity,
 * whose edges are the evidence that two people live together or are parent and child.
 *
 * <ul>
 *   <li><b>Co-residence</b>: two people's records place them at the same {@link AddressKey} over
 *       overlapping periods. Not at a communal address (more than {@link
 *       FamilyRules#communalAdults()} adults at once), which is flagged instead.
 *   <li><b>Household id</b>: one agency puts both in the same household (its own key; ids of two
 *       agencies are never compared) over overlapping periods.
 *   <li><b>Stated parent</b>: an event names one as the other's parent ({@link
 *       StatedRelationships}).
 * </ul>
 *
 * A family is a connected group of two or more people, or a child alone. A group larger than {@link
 * FamilyRules#largestFamily()} keeps only its household-id and stated-parent edges and is flagged.
 * Households are the addresses where at least two members lived at the same time.
 */
public final class FamilyGrouper {

  private final FamilyRules rules;

  public FamilyGrouper(FamilyRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  private enum Kind {
    CO_RESIDENCE,
    HOUSEHOLD_ID,
    STATED_PARENT
  }

  /** One piece of evidence joining two people; label is what the basis text says of it. */
  /**
   * One piece of evidence joining two people; label is what the basis text says of it. {@code
   * aStays} and {@code bStays}: whether that side is still there (a sighting still open while the
   * other's overlapped it); an edge is current when both are.
   */
  private record Edge(int a, int b, Kind kind, String label, boolean aStays, boolean bStays) {
    boolean strong() {
      return kind != Kind.CO_RESIDENCE;
    }

    boolean current() {
      return aStays && bStays;
    }

    /** The one who left while the other stayed, or -1 (both stay, or both left). */
    int leaver() {
      if (aStays == bStays) {
        return -1;
      }
      return aStays ? b : a;
    }
  }

  /** A sighting with its address key and its postcode if valid (compact, upper case). */
  private record Spell(
      int person, Sighting sighting, @Nullable String key, @Nullable String postcode) {

    /**
     * The same address line is the same address unless both postcodes are valid and differ: the
     * same street and number recur across towns, while agencies drop or placeholder postcodes.
     */
    boolean sameAddressAs(Spell other, boolean lineIsAmbiguous) {
      if (postcode == null || other.postcode == null) {
        return !lineIsAmbiguous;
      }
      return postcode.equals(other.postcode);
    }
  }

  /**
   * The people sorted by id, each one's address spells, and the spells gathered by address key and
   * by agency household id: what every step of the grouping reads.
   */
  private record Sightings(
      List<Resident> residents,
      Map<String, Integer> index,
      List<List<Spell>> spellsOf,
      Map<String, List<Spell>> byAddress,
      Map<String, List<Spell>> byHousehold) {}

  /** Groups the people; {@code asOf} is the day ages (child or adult) are taken on. */
  public Grouping group(List<Resident> people, List<StatedParent> parents, LocalDate asOf) {
    Sightings seen = sightings(people);
    List<Resident> residents = seen.residents();
    List<HouseholdConflict> conflicts = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    Set<String> communal = new TreeSet<>();
    joinCoResidents(seen, asOf, edges, conflicts, communal);
    joinHouseholds(seen, edges, conflicts);
    joinStatedParents(seen.index(), parents, edges);

    Components components = components(edges, residents.size(), Set.of());
    Set<Integer> oversized = oversized(components, seen, conflicts);
    List<Edge> used = new ArrayList<>();
    for (Edge edge : edges) {
      if (edge.strong() || !oversized.contains(edge.a())) {
        used.add(edge);
      }
    }
    if (!oversized.isEmpty()) {
      components = components(used, residents.size(), oversized);
    }
    List<List<Integer>> memberLists =
        memberLists(components, formerMembers(used, components), residents, asOf);
    List<Family> families = families(memberLists, used, seen, communal, asOf);
    conflicts.addAll(leftButStillListed(residents, seen.spellsOf(), families));
    return new Grouping(families, conflicts);
  }

  private static Sightings sightings(List<Resident> people) {
    List<Resident> residents = new ArrayList<>(people);
    residents.sort(Comparator.comparing(Resident::personId));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < residents.size(); i++) {
      if (index.put(residents.get(i).personId(), i) != null) {
        throw new IllegalArgumentException(
            "person " + residents.get(i).personId() + " given twice");
      }
    }
    Sightings seen =
        new Sightings(
            residents, index, new ArrayList<>(residents.size()), new TreeMap<>(), new TreeMap<>());
    for (int i = 0; i < residents.size(); i++) {
      List<Spell> spells = new ArrayList<>();
      for (Sighting sighting : residents.get(i).sightings()) {
        spells.add(spell(i, sighting, seen));
      }
      seen.spellsOf().add(spells);
    }
    return seen;
  }

  private static Spell spell(int person, Sighting sighting, Sightings seen) {
    Spell spell =
        new Spell(
            person,
            sighting,
            AddressKey.of(sighting.address()),
            sighting.postcode() == null
                ? null
                : Postcode.parse(sighting.postcode()).map(Postcode::toString).orElse(null));
    if (spell.key() != null) {
      seen.byAddress().computeIfAbsent(spell.key(), k -> new ArrayList<>()).add(spell);
    }
    if (sighting.householdId() != null && !sighting.householdId().isBlank()) {
      seen.byHousehold()
          .computeIfAbsent(
              sighting.agency() + " household " + sighting.householdId().strip(),
              k -> new ArrayList<>())
          .add(spell);
    }
    return spell;
  }

  private void joinCoResidents(
      Sightings seen,
      LocalDate asOf,
      List<Edge> edges,
      List<HouseholdConflict> conflicts,
      Set<String> communal) {
    List<Resident> residents = seen.residents();
    for (Map.Entry<String, List<Spell>> address : seen.byAddress().entrySet()) {
      List<Spell> spells = address.getValue();
      boolean ambiguous = ambiguous(spells);
      int adults = mostAdultsAtOnce(spells, residents, asOf, ambiguous);
      if (adults > rules.communalAdults()) {
        communal.add(address.getKey());
        conflicts.add(
            new HouseholdConflict.CommunalAddress(
                address.getKey(),
                mostCommon(spells, s -> s.sighting().address(), address.getKey()),
                adults,
                personIds(spells, residents),
                refs(spells)));
        continue;
      }
      joinOverlapping(spells, Kind.CO_RESIDENCE, address.getKey(), ambiguous, edges);
    }
  }

  private void joinHouseholds(Sightings seen, List<Edge> edges, List<HouseholdConflict> conflicts) {
    for (Map.Entry<String, List<Spell>> household : seen.byHousehold().entrySet()) {
      List<Spell> spells = household.getValue();
      List<String> ids = personIds(spells, seen.residents());
      if (ids.size() > rules.largestFamily()) {
        conflicts.add(new HouseholdConflict.OversizedFamily(ids, refs(spells)));
        continue;
      }
      joinOverlapping(spells, Kind.HOUSEHOLD_ID, household.getKey(), false, edges);
    }
  }

  private static void joinStatedParents(
      Map<String, Integer> index, List<StatedParent> parents, List<Edge> edges) {
    for (StatedParent parent : parents) {
      Integer a = index.get(parent.parentId());
      Integer b = index.get(parent.childId());
      if (a != null && b != null && !a.equals(b)) {
        edges.add(
            new Edge(
                a,
                b,
                Kind.STATED_PARENT,
                parent.agency() + " " + parent.eventType() + " on " + parent.on(),
                true,
                true));
      }
    }
  }

  /** The people of groups too large to be a family, each group reported as a conflict. */
  private Set<Integer> oversized(
      Components components, Sightings seen, List<HouseholdConflict> conflicts) {
    Set<Integer> oversized = new TreeSet<>();
    for (List<Integer> group : components.groups().values()) {
      if (group.size() > rules.largestFamily()) {
        List<Spell> spells = new ArrayList<>();
        group.forEach(p -> spells.addAll(seen.spellsOf().get(p)));
        oversized.addAll(group);
        conflicts.add(
            new HouseholdConflict.OversizedFamily(
                personIds(spells, seen.residents()), refs(spells)));
      }
    }
    return oversized;
  }

  /**
   * Who left a family while the rest stayed: a former member of it, with dated membership, rather
   * than a bridge that would join the family they left to the one they live with now.
   */
  private static Map<Integer, Set<Integer>> formerMembers(List<Edge> used, Components components) {
    Map<Integer, Set<Integer>> formerOf = new TreeMap<>();
    for (Edge edge : used) {
      int leaver = edge.leaver();
      if (leaver >= 0 && components.root(edge.a()) != components.root(edge.b())) {
        int stayer = leaver == edge.a() ? edge.b() : edge.a();
        formerOf.computeIfAbsent(components.root(stayer), k -> new TreeSet<>()).add(leaver);
      }
    }
    return formerOf;
  }

  /** Each family's members (its core and its former members); a lone adult is no family. */
  private List<List<Integer>> memberLists(
      Components components,
      Map<Integer, Set<Integer>> formerOf,
      List<Resident> residents,
      LocalDate asOf) {
    List<List<Integer>> memberLists = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> group : components.groups().entrySet()) {
      List<Integer> core = group.getValue();
      boolean child = core.stream().anyMatch(p -> isChild(residents.get(p), asOf));
      if (core.size() < 2 && !child) {
        continue;
      }
      Set<Integer> members = new TreeSet<>(core);
      members.addAll(formerOf.getOrDefault(group.getKey(), Set.of()));
      memberLists.add(List.copyOf(members));
    }
    return memberLists;
  }

  /** The families, each with the edges between two of its members as its evidence. */
  private List<Family> families(
      List<List<Integer>> memberLists,
      List<Edge> used,
      Sightings seen,
      Set<String> communal,
      LocalDate asOf) {
    Map<Integer, List<Integer>> familiesOf = new HashMap<>();
    for (int f = 0; f < memberLists.size(); f++) {
      for (int p : memberLists.get(f)) {
        familiesOf.computeIfAbsent(p, k -> new ArrayList<>()).add(f);
      }
    }
    List<List<Edge>> evidence = new ArrayList<>();
    memberLists.forEach(m -> evidence.add(new ArrayList<>()));
    for (Edge edge : used) {
      List<Integer> ofA = familiesOf.getOrDefault(edge.a(), List.of());
      List<Integer> ofB = familiesOf.getOrDefault(edge.b(), List.of());
      for (int f : ofA) {
        if (ofB.contains(f)) {
          evidence.get(f).add(edge);
        }
      }
    }
    List<Family> families = new ArrayList<>();
    for (int f = 0; f < memberLists.size(); f++) {
      families.add(
          family(
              memberLists.get(f),
              evidence.get(f),
              seen.residents(),
              seen.spellsOf(),
              communal,
              asOf));
    }
    families.sort(Comparator.comparing(f -> f.members().getFirst().personId()));
    return families;
  }

  /**
   * Families as they are now: people joined by current evidence; then people with no current
   * evidence at all (a household that broke up, a couple who both moved out) joined by what they
   * shared before. Weak edges of the {@code weakOff} people are left out.
   */
  private static Components components(List<Edge> edges, int size, Set<Integer> weakOff) {
    Components components = new Components(size);
    boolean[] attached = new boolean[size];
    for (Edge edge : edges) {
      if (edge.current() && (edge.strong() || !weakOff.contains(edge.a()))) {
        components.join(edge.a(), edge.b());
        attached[edge.a()] = true;
        attached[edge.b()] = true;
      }
    }
    for (Edge edge : edges) {
      if (!edge.current()
          && !attached[edge.a()]
          && !attached[edge.b()]
          && (edge.strong() || !weakOff.contains(edge.a()))) {
        components.join(edge.a(), edge.b());
      }
    }
    return components;
  }

  private Family family(
      List<Integer> members,
      List<Edge> edges,
      List<Resident> residents,
      List<List<Spell>> spellsOf,
      Set<String> communal,
      LocalDate asOf) {
    Set<String> homeKeys = new TreeSet<>();
    Set<String> householdIds = new TreeSet<>();
    for (Edge edge : edges) {
      switch (edge.kind()) {
        case CO_RESIDENCE -> homeKeys.add(edge.label());
        case HOUSEHOLD_ID -> householdIds.add(edge.label());
        case STATED_PARENT -> {}
      }
    }
    if (homeKeys.isEmpty()) {
      homeKeys.addAll(busiestAddresses(members, spellsOf, communal));
    }
    List<Household> households = households(homeKeys, members, residents, spellsOf, asOf);
    List<LocalDate> childBirthdays = new ArrayList<>();
    for (int p : members) {
      if (isChild(residents.get(p), asOf)) {
        childBirthdays.add(residents.get(p).dateOfBirth());
      }
    }
    LocalDate eldestChild = childBirthdays.stream().min(LocalDate::compareTo).orElse(null);
    Set<String> statedParents = new TreeSet<>();
    for (Edge edge : edges) {
      if (edge.kind() == Kind.STATED_PARENT) {
        statedParents.add(residents.get(edge.a()).personId());
      }
    }
    List<Member> result = new ArrayList<>();
    for (int p : members) {
      Resident person = residents.get(p);
      FamilyRole role = role(person, asOf, eldestChild, statedParents);
      LocalDate[] span = span(spellsOf.get(p), homeKeys, householdIds);
      LocalDate from = startOf(span[0], person, asOf);
      result.add(new Member(person.personId(), role, from, span[1], basis(p, edges, residents)));
    }
    return new Family(result, households);
  }

  private List<Household> households(
      Set<String> homeKeys,
      List<Integer> members,
      List<Resident> residents,
      List<List<Spell>> spellsOf,
      LocalDate asOf) {
    List<Household> households = new ArrayList<>();
    for (String key : homeKeys) {
      households.add(household(key, members, residents, spellsOf, asOf));
    }
    households.sort(
        Comparator.comparing(
                Household::from, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(Household::addressKey));
    return households;
  }

  /**
   * From the first to the last day a member was seen at one of the family's homes or in one of its
   * agency households ({@code null} for an open end): {@code [from, to]}.
   */
  private static @Nullable LocalDate[] span(
      List<Spell> spells, Set<String> homeKeys, Set<String> householdIds) {
    LocalDate from = null;
    LocalDate to = null;
    boolean any = false;
    for (Spell spell : spells) {
      boolean atHome = spell.key() != null && homeKeys.contains(spell.key());
      boolean inHousehold =
          spell.sighting().householdId() != null
              && householdIds.contains(
                  spell.sighting().agency()
                      + " household "
                      + spell.sighting().householdId().strip());
      if (atHome || inHousehold) {
        from = any ? Periods.earliest(from, spell.sighting().from()) : spell.sighting().from();
        to = any ? Periods.latest(to, spell.sighting().to()) : spell.sighting().to();
        any = true;
      }
    }
    return new LocalDate[] {from, to};
  }

  private FamilyRole role(
      Resident person, LocalDate asOf, @Nullable LocalDate eldestChild, Set<String> statedParents) {
    if (isChild(person, asOf)) {
      return FamilyRole.CHILD;
    }
    if (statedParents.contains(person.personId())) {
      return FamilyRole.PARENT_OR_CARER;
    }
    LocalDate born = person.dateOfBirth();
    if (eldestChild != null
        && born != null
        && !born.plusYears(rules.youngestParentAge()).isAfter(eldestChild)) {
      return FamilyRole.PARENT_OR_CARER;
    }
    return FamilyRole.OTHER_ADULT;
  }

  /**
   * No one lives anywhere before they are born; a child seen since the first extract has lived
   * there since birth, as far as the records can say. An adult's open start stays open.
   */
  private @Nullable LocalDate startOf(@Nullable LocalDate from, Resident person, LocalDate asOf) {
    LocalDate born = person.dateOfBirth();
    if (born == null) {
      return from;
    }
    if (from == null) {
      return isChild(person, asOf) ? born : null;
    }
    return from.isBefore(born) ? born : from;
  }

  private static String basis(int p, List<Edge> edges, List<Resident> residents) {
    Set<String> parts = new LinkedHashSet<>();
    String me = residents.get(p).personId();
    for (Edge edge : edges) {
      if (edge.a() != p && edge.b() != p) {
        continue;
      }
      String other = residents.get(edge.a() == p ? edge.b() : edge.a()).personId();
      switch (edge.kind()) {
        case CO_RESIDENCE -> parts.add("co-resident at " + edge.label());
        case HOUSEHOLD_ID -> parts.add(edge.label());
        case STATED_PARENT ->
            parts.add(
                (edge.a() == p ? "stated parent of " : "stated child of ")
                    + other
                    + " ("
                    + edge.label()
                    + ")");
      }
    }
    if (parts.isEmpty()) {
      return "a child known to the agencies without a household (" + me + ")";
    }
    return String.join("; ", parts);
  }

  private Household household(
      String key,
      List<Integer> members,
      List<Resident> residents,
      List<List<Spell>> spellsOf,
      LocalDate asOf) {
    List<Spell> here = new ArrayList<>();
    for (int p : members) {
      for (Spell spell : spellsOf.get(p)) {
        if (key.equals(spell.key())) {
          here.add(spell);
        }
      }
    }
    List<Residency> residencies = new ArrayList<>();
    LocalDate from = null;
    LocalDate to = null;
    boolean first = true;
    for (Spell spell : here) {
      Resident person = residents.get(spell.person());
      LocalDate start = startOf(spell.sighting().from(), person, asOf);
      residencies.add(
          new Residency(
              person.personId(),
              spell.sighting().agency(),
              spell.sighting().recordId(),
              start,
              spell.sighting().to()));
      from = first ? start : Periods.earliest(from, start);
      to = first ? spell.sighting().to() : Periods.latest(to, spell.sighting().to());
      first = false;
    }
    residencies.sort(
        Comparator.comparing(Residency::personId)
            .thenComparing(Residency::agency)
            .thenComparing(Residency::recordId)
            .thenComparing(
                Residency::from, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())));
    return new Household(
        key,
        mostCommon(here, s -> s.sighting().address(), key),
        mostCommon(here, s -> s.sighting().postcode(), null),
        from,
        to,
        residencies);
  }

  /** A family joined only by household ids or stated parents lives where most of it is seen. */
  private static Set<String> busiestAddresses(
      List<Integer> members, List<List<Spell>> spellsOf, Set<String> communal) {
    Map<String, Set<Integer>> seen = new TreeMap<>();
    for (int p : members) {
      for (Spell spell : spellsOf.get(p)) {
        if (spell.key() != null && spell.sighting().isOpen() && !communal.contains(spell.key())) {
          seen.computeIfAbsent(spell.key(), k -> new TreeSet<>()).add(p);
        }
      }
    }
    int most = seen.values().stream().mapToInt(Set::size).max().orElse(0);
    Set<String> keys = new TreeSet<>();
    seen.forEach(
        (key, people) -> {
          if (people.size() == most) {
            keys.add(key);
          }
        });
    return keys.size() == 1 ? keys : Set.of();
  }

  /**
   * A line seen with two or more valid postcodes names two or more addresses (the same number and
   * street in two places): a sighting of it without a valid postcode could be any of them.
   */
  private static boolean ambiguous(List<Spell> spells) {
    String seen = null;
    for (Spell spell : spells) {
      if (spell.postcode() != null) {
        if (seen != null && !seen.equals(spell.postcode())) {
          return true;
        }
        seen = spell.postcode();
      }
    }
    return false;
  }

  private void joinOverlapping(
      List<Spell> spells, Kind kind, String label, boolean ambiguous, List<Edge> edges) {
    // Per pair of people: [low stays, high stays], over every overlapping pair of their spells.
    Map<Long, boolean[]> pairs = new TreeMap<>();
    for (int i = 0; i < spells.size(); i++) {
      for (int j = i + 1; j < spells.size(); j++) {
        Spell a = spells.get(i);
        Spell b = spells.get(j);
        if (a.person() == b.person()
            || !a.sighting().overlaps(b.sighting())
            || (kind == Kind.CO_RESIDENCE && !a.sameAddressAs(b, ambiguous))) {
          continue;
        }
        Spell low = a.person() < b.person() ? a : b;
        Spell high = low == a ? b : a;
        boolean[] stays =
            pairs.computeIfAbsent(((long) low.person() << 32) | high.person(), k -> new boolean[2]);
        stays[0] |= low.sighting().isOpen();
        stays[1] |= high.sighting().isOpen();
      }
    }
    pairs.forEach(
        (pair, stays) ->
            edges.add(
                new Edge((int) (pair >>> 32), (int) (long) pair, kind, label, stays[0], stays[1])));
  }

  /** The most adults (or people of unknown age) whose periods at the address overlap one's. */
  private int mostAdultsAtOnce(
      List<Spell> spells, List<Resident> residents, LocalDate asOf, boolean ambiguous) {
    List<Spell> adults =
        spells.stream().filter(s -> !isChild(residents.get(s.person()), asOf)).toList();
    int most = 0;
    for (Spell spell : adults) {
      Set<Integer> together = new TreeSet<>();
      for (Spell other : adults) {
        if (other.sighting().overlaps(spell.sighting()) && other.sameAddressAs(spell, ambiguous)) {
          together.add(other.person());
        }
      }
      most = Math.max(most, together.size());
    }
    return most;
  }

  private boolean isChild(Resident person, LocalDate asOf) {
    int age = person.ageOn(asOf);
    return age >= 0 && age < rules.adultAge();
  }

  /**
   * One agency's record shows a move out of an address or household, while another record of the
   * same person still places them at that address: the sources disagree on who lives there. Only
   * for addresses that are a household of the person's family.
   */
  private static List<HouseholdConflict> leftButStillListed(
      List<Resident> residents, List<List<Spell>> spellsOf, List<Family> families) {
    Map<String, Set<String>> homesOf = homesOf(families);
    List<HouseholdConflict> conflicts = new ArrayList<>();
    for (int p = 0; p < residents.size(); p++) {
      Set<String> homes = homesOf.getOrDefault(residents.get(p).personId(), Set.of());
      if (homes.isEmpty()) {
        continue;
      }
      Map<SourceRef, List<Spell>> byRecord = new TreeMap<>();
      for (Spell spell : spellsOf.get(p)) {
        byRecord.computeIfAbsent(spell.sighting().source(), k -> new ArrayList<>()).add(spell);
      }
      for (Map.Entry<SourceRef, List<Spell>> record : byRecord.entrySet()) {
        List<Spell> history = new ArrayList<>(record.getValue());
        history.sort(
            Comparator.comparing(
                s -> s.sighting().from(), Comparator.nullsFirst(Comparator.naturalOrder())));
        for (int i = 0; i + 1 < history.size(); i++) {
          leftButStillListed(
              residents.get(p).personId(),
              record.getKey(),
              history.get(i),
              history.get(i + 1),
              spellsOf.get(p),
              homes,
              conflicts);
        }
      }
    }
    return conflicts;
  }

  /** The address keys each person lives at in the families found. */
  private static Map<String, Set<String>> homesOf(List<Family> families) {
    Map<String, Set<String>> homesOf = new HashMap<>();
    for (Family family : families) {
      for (Household household : family.households()) {
        for (Residency residency : household.residents()) {
          homesOf
              .computeIfAbsent(residency.personId(), k -> new TreeSet<>())
              .add(household.addressKey());
        }
      }
    }
    return homesOf;
  }

  /**
   * One record's move from a family home ({@code before} then {@code after}), while another
   * agency's record still lists the person there.
   */
  private static void leftButStillListed(
      String personId,
      SourceRef record,
      Spell before,
      Spell after,
      List<Spell> spells,
      Set<String> homes,
      List<HouseholdConflict> conflicts) {
    LocalDate ended = before.sighting().to();
    if (ended == null || before.key() == null || !homes.contains(before.key())) {
      return;
    }
    boolean moved = !before.key().equals(after.key());
    String oldHousehold = before.sighting().householdId();
    String newHousehold = after.sighting().householdId();
    boolean leftHousehold = oldHousehold != null && !oldHousehold.equals(newHousehold);
    if (!moved && !leftHousehold) {
      return;
    }
    LocalDate leftOn = after.sighting().from() != null ? after.sighting().from() : ended;
    for (Spell other : spells) {
      boolean stillThere =
          other.sighting().isOpen()
              && before.key().equals(other.key())
              && !other.sighting().source().equals(record)
              && (other.sighting().from() == null || !other.sighting().from().isAfter(ended));
      if (stillThere) {
        conflicts.add(
            new HouseholdConflict.LeftButStillListed(
                personId,
                record,
                leftOn,
                before.key(),
                Objects.requireNonNullElse(before.sighting().address(), before.key()),
                oldHousehold,
                newHousehold,
                moved,
                other.sighting().source(),
                other.sighting().from()));
      }
    }
  }

  private static List<String> personIds(List<Spell> spells, List<Resident> residents) {
    Set<String> ids = new TreeSet<>();
    spells.forEach(s -> ids.add(residents.get(s.person()).personId()));
    return List.copyOf(ids);
  }

  private static List<SourceRef> refs(List<Spell> spells) {
    Set<SourceRef> refs = new TreeSet<>();
    spells.forEach(s -> refs.add(s.sighting().source()));
    return List.copyOf(refs);
  }

  private static @Nullable String mostCommon(
      List<Spell> spells,
      java.util.function.Function<Spell, @Nullable String> value,
      @Nullable String otherwise) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Spell spell : spells) {
      String v = value.apply(spell);
      if (v != null && !v.isBlank()) {
        counts.merge(v.strip(), 1, Integer::sum);
      }
    }
    String best = otherwise;
    int most = 0;
    for (Map.Entry<String, Integer> count : counts.entrySet()) {
      if (count.getValue() > most) {
        best = count.getKey();
        most = count.getValue();
      }
    }
    return best;
  }

  /** Union–find with path halving (Tarjan 1975). */
  private static final class Components {
    private final int[] parent;

    Components(int size) {
      parent = new int[size];
      for (int i = 0; i < size; i++) {
        parent[i] = i;
      }
    }

    int root(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    void join(int a, int b) {
      int ra = root(a);
      int rb = root(b);
      if (ra != rb) {
        parent[Math.max(ra, rb)] = Math.min(ra, rb);
      }
    }

    /** Each group's members by its root, in order of the people (so by person id). */
    Map<Integer, List<Integer>> groups() {
      Map<Integer, List<Integer>> groups = new TreeMap<>();
      for (int i = 0; i < parent.length; i++) {
        groups.computeIfAbsent(root(i), k -> new ArrayList<>()).add(i);
      }
      return groups;
    }
  }
}
