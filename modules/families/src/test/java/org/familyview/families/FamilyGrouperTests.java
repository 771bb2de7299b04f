package org.familyview.families;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyview.families.People.AS_OF;
import static org.familyview.families.People.aChild;
import static org.familyview.families.People.anAdult;
import static org.familyview.families.People.born;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FamilyGrouperTests {

  static final String HOME = "12 Acacia Avenue, Halifax";
  static final String ELSEWHERE = "3 Mill Lane, Brighouse";
  static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

  private final FamilyGrouper grouper = new FamilyGrouper(FamilyRules.standard());

  private Grouping group(List<Resident> people, List<StatedParent> parents) {
    return grouper.group(people, parents, AS_OF);
  }

  private static Set<Set<String>> families(Grouping grouping) {
    return grouping.families().stream().map(Family::personIds).collect(Collectors.toSet());
  }

  static Stream<Arguments> groupingRules() {
    return Stream.of(
        Arguments.of(
            "co-residence: the same address line, however written",
            List.of(
                anAdult("A").at("HEALTH", HOME).build(),
                anAdult("B").at("COUNCIL", "12 ACACIA AVE, HALIFAX").build()),
            Set.of(Set.of("A", "B"))),
        Arguments.of(
            "co-residence needs overlapping periods",
            List.of(
                anAdult("A").seen("HEALTH", HOME, null, null, MARCH.minusDays(1)).build(),
                anAdult("B").seen("COUNCIL", HOME, null, MARCH, null).build()),
            Set.of()),
        Arguments.of(
            "the same line in two valid postcodes is two addresses",
            List.of(
                anAdult("A")
                    .sighting(Sighting.current("HEALTH", "R1", HOME, "HX1 2AB", null))
                    .build(),
                anAdult("B")
                    .sighting(Sighting.current("COUNCIL", "L1", HOME, "BD7 4QT", null))
                    .build()),
            Set.of()),
        Arguments.of(
            "a missing or placeholder postcode does not part an address",
            List.of(
                anAdult("A")
                    .sighting(Sighting.current("HEALTH", "R1", HOME, "hx12ab", null))
                    .build(),
                anAdult("B")
                    .sighting(Sighting.current("COUNCIL", "L1", HOME, "ZZ99 3VZ", null))
                    .build()),
            Set.of(Set.of("A", "B"))),
        Arguments.of(
            "a line seen with two valid postcodes: a sighting without one could be either",
            List.of(
                anAdult("A")
                    .sighting(Sighting.current("HEALTH", "R1", HOME, "HX1 2AB", null))
                    .build(),
                anAdult("B")
                    .sighting(Sighting.current("COUNCIL", "L1", HOME, "BD7 4QT", null))
                    .build(),
                anAdult("C").sighting(Sighting.current("POLICE", "N1", HOME, null, null)).build(),
                anAdult("D")
                    .sighting(Sighting.current("EDUCATION", "E1", HOME, "HX1 2AB", null))
                    .build()),
            Set.of(Set.of("A", "D"))),
        Arguments.of(
            "household id: one agency's household groups people at different addresses",
            List.of(
                anAdult("A").inHousehold("COUNCIL", HOME, "HH1").build(),
                aChild("C").inHousehold("COUNCIL", ELSEWHERE, "HH1").build()),
            Set.of(Set.of("A", "C"))),
        Arguments.of(
            "household id: two agencies' equal ids are not compared",
            List.of(
                anAdult("A").inHousehold("COUNCIL", HOME, "1001").build(),
                anAdult("B").inHousehold("EDUCATION", ELSEWHERE, "1001").build()),
            Set.of()),
        Arguments.of(
            "a single adult is not a family",
            List.of(anAdult("A").at("HEALTH", HOME).build()),
            Set.of()),
        Arguments.of(
            "a child alone is a family",
            List.of(aChild("C").at("EDUCATION", HOME).build()),
            Set.of(Set.of("C"))),
        Arguments.of(
            "no address, no household: no evidence",
            List.of(
                anAdult("A").at("HEALTH", null).build(), anAdult("B").at("POLICE", null).build()),
            Set.of()),
        Arguments.of(
            "co-residence chains through one person's two records",
            List.of(
                anAdult("A").at("HEALTH", HOME).at("COUNCIL", ELSEWHERE).build(),
                anAdult("B").at("HEALTH", HOME).build(),
                anAdult("D").at("EDUCATION", ELSEWHERE).build()),
            Set.of(Set.of("A", "B", "D"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groupingRules")
  void groupsByTheEvidence(String rule, List<Resident> people, Set<Set<String>> expected) {
    assertThat(families(group(people, List.of()))).isEqualTo(expected);
  }

  @Test
  void aStatedParentJoinsPeopleWhoLiveApart() {
    List<Resident> people =
        List.of(
            anAdult("DAD").at("POLICE", ELSEWHERE).build(), aChild("C").at("HEALTH", HOME).build());
    StatedParent stated = new StatedParent("DAD", "C", "EDUCATION", "education.meeting", MARCH);

    Grouping grouping = group(people, List.of(stated));

    assertThat(families(grouping)).containsExactly(Set.of("DAD", "C"));
    Member dad = member(grouping, "DAD");
    assertThat(dad.role()).isEqualTo(FamilyRole.PARENT_OR_CARER);
    assertThat(dad.basis())
        .contains("stated parent of C (EDUCATION education.meeting on 2026-03-01)");
  }

  static Stream<Arguments> roles() {
    return Stream.of(
        Arguments.of("under 18 on the day", born("X", LocalDate.of(2009, 11, 2)), FamilyRole.CHILD),
        Arguments.of("18 on the day", born("X", LocalDate.of(2008, 11, 1)), FamilyRole.OTHER_ADULT),
        Arguments.of(
            "15 or more years older than the eldest child",
            born("X", LocalDate.of(1995, 1, 1)),
            FamilyRole.PARENT_OR_CARER),
        Arguments.of(
            "an adult sibling, less than 15 years older than the eldest child",
            born("X", LocalDate.of(2000, 1, 1)),
            FamilyRole.OTHER_ADULT),
        Arguments.of(
            "a grandparent is a carer",
            born("X", LocalDate.of(1950, 1, 1)),
            FamilyRole.PARENT_OR_CARER),
        Arguments.of("date of birth unknown", born("X", null), FamilyRole.OTHER_ADULT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void rolesFromAgesInTheFamily(String rule, People.Builder person, FamilyRole role) {
    List<Resident> people =
        List.of(
            person.at("HEALTH", HOME).build(),
            born("ELDEST", LocalDate.of(2010, 6, 1)).at("EDUCATION", HOME).build());

    assertThat(member(group(people, List.of()), "X").role()).isEqualTo(role);
  }

  @Test
  void membershipIsDatedByTheSightings() {
    LocalDate joined = LocalDate.of(2025, 6, 1);
    List<Resident> people =
        List.of(
            anAdult("MUM").at("HEALTH", HOME).build(),
            born("BABY", LocalDate.of(2024, 2, 10)).at("HEALTH", HOME).build(),
            anAdult("LODGER").seen("COUNCIL", HOME, null, joined, MARCH.minusDays(1)).build());

    Grouping grouping = group(people, List.of());

    assertThat(member(grouping, "MUM").from()).isNull();
    assertThat(member(grouping, "MUM").to()).isNull();
    assertThat(member(grouping, "BABY").from()).isEqualTo(LocalDate.of(2024, 2, 10));
    assertThat(member(grouping, "LODGER").from()).isEqualTo(joined);
    assertThat(member(grouping, "LODGER").to()).isEqualTo(MARCH.minusDays(1));
    Family family = grouping.families().getFirst();
    assertThat(family.membersOn(LocalDate.of(2024, 1, 1))).containsExactly("MUM");
    assertThat(family.membersOn(LocalDate.of(2025, 7, 1))).containsExactly("BABY", "LODGER", "MUM");
    assertThat(family.membersOn(MARCH)).containsExactly("BABY", "MUM");
    Household home = family.households().getFirst();
    assertThat(home.address()).isEqualTo(HOME);
    assertThat(home.residentsOn(MARCH)).containsExactly("BABY", "MUM");
  }

  @Test
  void aMoveShowsAsTwoDatedHouseholds() {
    List<Resident> people =
        List.of(
            anAdult("MUM").moved("HEALTH", HOME, ELSEWHERE, MARCH).build(),
            aChild("C").moved("EDUCATION", HOME, ELSEWHERE, MARCH).build());

    Family family = group(people, List.of()).families().getFirst();

    assertThat(family.households())
        .extracting(Household::address, Household::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(HOME, MARCH.minusDays(1)),
            org.assertj.core.groups.Tuple.tuple(ELSEWHERE, null));
    assertThat(family.households().get(1).from()).isEqualTo(MARCH);
  }

  @Test
  void aFatherWhoMovedInWithAnotherFamilyIsAFormerMemberNotABridge() {
    String third = "9 Park Terrace, Todmorden";
    List<Resident> people =
        List.of(
            anAdult("DAD").moved("HEALTH", HOME, third, MARCH).build(),
            anAdult("MUM").at("HEALTH", HOME).build(),
            aChild("C").at("EDUCATION", HOME).build(),
            anAdult("NEW").at("HEALTH", third).build(),
            aChild("D").at("EDUCATION", third).build());

    Grouping grouping = group(people, List.of());

    assertThat(families(grouping))
        .containsExactlyInAnyOrder(Set.of("C", "DAD", "MUM"), Set.of("D", "DAD", "NEW"));
    Family left =
        grouping.families().stream()
            .filter(f -> f.personIds().contains("MUM"))
            .findFirst()
            .orElseThrow();
    Family joined =
        grouping.families().stream()
            .filter(f -> f.personIds().contains("NEW"))
            .findFirst()
            .orElseThrow();
    assertThat(left.membersOn(MARCH)).containsExactly("C", "MUM");
    assertThat(left.membersOn(MARCH.minusDays(1))).containsExactly("C", "DAD", "MUM");
    assertThat(joined.membersOn(MARCH)).containsExactly("D", "DAD", "NEW");
    assertThat(joined.membersOn(MARCH.minusDays(1))).containsExactly("D", "NEW");
  }

  @Test
  void aCoupleWhoBothMovedOutRemainAFamilyThatEnded() {
    List<Resident> people =
        List.of(
            anAdult("A").moved("HEALTH", HOME, ELSEWHERE, MARCH).build(),
            anAdult("B").moved("COUNCIL", HOME, "9 Park Terrace, Todmorden", MARCH).build());

    Family family = group(people, List.of()).families().getFirst();

    assertThat(family.personIds()).containsExactly("A", "B");
    assertThat(family.membersOn(MARCH)).isEmpty();
    assertThat(family.membersOn(MARCH.minusDays(1))).containsExactly("A", "B");
  }

  @Test
  void aCouncilMoveWhileTheSchoolStillListsTheFatherIsAConflict() {
    List<Resident> people =
        List.of(
            anAdult("DAD").moved("COUNCIL", HOME, ELSEWHERE, MARCH).at("EDUCATION", HOME).build(),
            anAdult("MUM").at("COUNCIL", HOME).build(),
            aChild("C").at("EDUCATION", HOME).build());

    Grouping grouping = group(people, List.of());

    assertThat(grouping.conflicts())
        .singleElement()
        .isInstanceOfSatisfying(
            HouseholdConflict.LeftButStillListed.class,
            conflict -> {
              assertThat(conflict.personId()).isEqualTo("DAD");
              assertThat(conflict.left()).isEqualTo(new SourceRef("COUNCIL", "DAD-COUNCIL1"));
              assertThat(conflict.leftOn()).isEqualTo(MARCH);
              assertThat(conflict.stillListed())
                  .isEqualTo(new SourceRef("EDUCATION", "DAD-EDUCATION2"));
              assertThat(conflict.movedAddress()).isTrue();
            });
    assertThat(member(grouping, "DAD").to()).isNull();
  }

  @Test
  void leavingTheCouncilsHouseholdAtTheSameAddressIsAConflictToo() {
    String dadCouncil = "DAD-COUNCIL";
    List<Resident> people =
        List.of(
            anAdult("DAD")
                .sighting(
                    new Sighting(
                        "COUNCIL", dadCouncil, HOME, null, "HH1", null, MARCH.minusDays(1)))
                .sighting(new Sighting("COUNCIL", dadCouncil, HOME, null, null, MARCH, null))
                .at("EDUCATION", HOME)
                .build(),
            anAdult("MUM").inHousehold("COUNCIL", HOME, "HH1").build(),
            aChild("C").at("EDUCATION", HOME).build());

    Grouping grouping = group(people, List.of());

    assertThat(grouping.conflicts())
        .singleElement()
        .isInstanceOfSatisfying(
            HouseholdConflict.LeftButStillListed.class,
            conflict -> {
              assertThat(conflict.leftHousehold()).isEqualTo("HH1");
              assertThat(conflict.nowHousehold()).isNull();
              assertThat(conflict.movedAddress()).isFalse();
            });
  }

  @Test
  void aWholeFamilyMovingTogetherIsNoConflict() {
    List<Resident> people =
        List.of(
            anAdult("MUM")
                .moved("HEALTH", HOME, ELSEWHERE, MARCH)
                .moved("COUNCIL", HOME, ELSEWHERE, MARCH)
                .build(),
            aChild("C").moved("EDUCATION", HOME, ELSEWHERE, MARCH).build());

    assertThat(group(people, List.of()).conflicts()).isEmpty();
  }

  @Test
  void aHostelIsCommunalAndGroupsNoOne() {
    List<Resident> people = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      people.add(anAdult("H" + i).at("HOUSING", "Hope House, 1 Station Road, Leeds").build());
    }
    people.add(anAdult("PARTNER").inHousehold("COUNCIL", ELSEWHERE, "HH9").build());
    people.add(anAdult("H1x").inHousehold("COUNCIL", ELSEWHERE, "HH9").build());

    Grouping grouping = group(people, List.of());

    assertThat(families(grouping)).containsExactly(Set.of("H1x", "PARTNER"));
    assertThat(grouping.conflicts())
        .singleElement()
        .isInstanceOfSatisfying(
            HouseholdConflict.CommunalAddress.class,
            communal -> {
              assertThat(communal.adults()).isEqualTo(7);
              assertThat(communal.personIds()).hasSize(7);
            });
  }

  @Test
  void sixAdultsAndTheirChildrenAreStillAHousehold() {
    List<Resident> people = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      people.add(anAdult("A" + i).at("HEALTH", HOME).build());
      people.add(aChild("C" + i).at("EDUCATION", HOME).build());
    }

    Grouping grouping = group(people, List.of());

    assertThat(grouping.families())
        .singleElement()
        .satisfies(f -> assertThat(f.personIds()).hasSize(12));
    assertThat(grouping.conflicts()).isEmpty();
  }

  @Test
  void aChainLargerThanAFamilyFallsBackToStrongEvidenceAndIsFlagged() {
    List<Resident> people = new ArrayList<>();
    // Fifteen people, each sharing one address with the next: co-residence alone chains them.
    for (int i = 0; i < 15; i++) {
      People.Builder person = anAdult("P" + (100 + i)).at("HEALTH", i + " Long Row, Leeds");
      person.at("COUNCIL", (i + 1) + " Long Row, Leeds");
      people.add(person.build());
    }
    people.set(
        0,
        anAdult("P100")
            .at("HEALTH", "0 Long Row, Leeds")
            .inHousehold("COUNCIL", "1 Long Row, Leeds", "HH5")
            .build());
    people.set(
        1,
        anAdult("P101")
            .at("HEALTH", "1 Long Row, Leeds")
            .inHousehold("COUNCIL", "2 Long Row, Leeds", "HH5")
            .build());

    Grouping grouping = group(people, List.of());

    assertThat(families(grouping)).containsExactly(Set.of("P100", "P101"));
    assertThat(grouping.conflicts())
        .singleElement()
        .isInstanceOfSatisfying(
            HouseholdConflict.OversizedFamily.class,
            oversized -> assertThat(oversized.personIds()).hasSize(15));
  }

  @Test
  void theBasisNamesTheEvidence() {
    List<Resident> people =
        List.of(
            anAdult("A").inHousehold("COUNCIL", HOME, "HH1").build(),
            aChild("C").inHousehold("COUNCIL", HOME, "HH1").build());

    assertThat(member(group(people, List.of()), "C").basis())
        .isEqualTo("co-resident at 12 acacia ave halifax; COUNCIL household HH1");
  }

  @Test
  void theSamePeopleGroupTheSameWayInAnyOrder() {
    List<Resident> people =
        new ArrayList<>(
            List.of(
                anAdult("A").at("HEALTH", HOME).build(),
                aChild("C").at("EDUCATION", HOME).build(),
                anAdult("B").at("HEALTH", ELSEWHERE).build(),
                aChild("D").at("EDUCATION", ELSEWHERE).build()));
    Grouping first = group(people, List.of());
    java.util.Collections.reverse(people);

    assertThat(group(people, List.of())).isEqualTo(first);
  }

  private static Member member(Grouping grouping, String personId) {
    Map<String, Member> members =
        grouping.families().stream()
            .flatMap(f -> f.members().stream())
            .collect(Collectors.toMap(Member::personId, Function.identity()));
    assertThat(members).containsKey(personId);
    return members.get(personId);
  }

  @SuppressWarnings("unused")
  private static Set<String> ids(String... ids) {
    return new TreeSet<>(List.of(ids));
  }
}
