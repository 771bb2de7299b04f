package org.familyview.pipeline.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who an ordinary night regroups: the people whose inputs changed and everyone the grouper could
 * join to them (a shared address or household key, a stated parent, last night's family), and no
 * one else.
 */
class AffectedPeopleTests {

  /**
   * Last night: Ann and Bob at address 1 (family F1), Cat and Dan at address 2 (F2), Eve alone at
   * address 3 with a stated child Fay at address 4 (F3), Gus alone at address 5 (no family).
   */
  private final Map<String, AffectedPeople.Input> tonight = new HashMap<>();

  private final Map<String, AffectedPeople.Stored> before = new HashMap<>();
  private final Map<String, Set<String>> live =
      Map.of("F1", Set.of("ann", "bob"), "F2", Set.of("cat", "dan"), "F3", Set.of("eve", "fay"));
  private final Map<String, Set<String>> kin = Map.of("eve", Set.of("fay"), "fay", Set.of("eve"));

  AffectedPeopleTests() {
    person("ann", "a", 1L, "F1");
    person("bob", "b", 1L, "F1");
    person("cat", "c", 2L, "F2");
    person("dan", "d", 2L, "F2");
    person("eve", "e", 3L, "F3");
    person("fay", "f", 4L, "F3");
    person("gus", "g", 5L, "");
  }

  private void person(String id, String fingerprint, long key, String families) {
    tonight.put(id, new AffectedPeople.Input(fingerprint, Set.of(key)));
    before.put(id, new AffectedPeople.Stored(fingerprint, Set.of(key), families));
  }

  private AffectedPeople.Affected find() {
    return AffectedPeople.find(tonight, before, live, kin);
  }

  @Test
  void aNightWithNothingChangedRegroupsNoOne() {
    AffectedPeople.Affected affected = find();

    assertThat(affected.people()).isEmpty();
    assertThat(affected.oldFamilies()).isEmpty();
  }

  @Test
  void aPersonWhoMovedRegroupsTheOldAndTheNewAddressAndTheirFamiliesOnly() {
    tonight.put("bob", new AffectedPeople.Input("b moved", Set.of(2L)));

    AffectedPeople.Affected affected = find();

    assertThat(affected.people()).containsExactlyInAnyOrder("ann", "bob", "cat", "dan");
    assertThat(affected.oldFamilies()).containsExactlyInAnyOrder("F1", "F2");
    assertThat(affected.seeds()).isEqualTo(1);
  }

  @Test
  void aChangeFollowsStatedParentsAcrossAddresses() {
    tonight.put("fay", new AffectedPeople.Input("f turned 18", Set.of(4L)));

    assertThat(find().people()).containsExactlyInAnyOrder("eve", "fay");
  }

  @Test
  void aNewPersonAtAnAddressRegroupsEveryoneThere() {
    tonight.put("hal", new AffectedPeople.Input("h", Set.of(5L)));

    AffectedPeople.Affected affected = find();

    assertThat(affected.people()).containsExactlyInAnyOrder("gus", "hal");
    assertThat(affected.oldFamilies()).isEmpty();
  }

  @Test
  void aPersonGoneRegroupsTheirFamilyAndWhoeverLivesWhereTheyLived() {
    tonight.remove("gus");
    tonight.remove("ann");
    tonight.put("ivy", new AffectedPeople.Input("i", Set.of(9L)));
    before.put("ivy", new AffectedPeople.Stored("i", Set.of(9L), ""));
    before.put("gus", new AffectedPeople.Stored("g", Set.of(5L, 9L), ""));

    AffectedPeople.Affected affected = find();

    assertThat(affected.people()).containsExactlyInAnyOrder("ann", "bob", "gus", "ivy");
    assertThat(affected.oldFamilies()).containsExactly("F1");
  }

  @Test
  void familyTablesChangedOutsideTheStepRegroupThosePeople() {
    Map<String, Set<String>> wiped = Map.of("F1", Set.of("ann", "bob"), "F3", Set.of("eve", "fay"));

    AffectedPeople.Affected affected = AffectedPeople.find(tonight, before, wiped, kin);

    assertThat(affected.people()).containsExactlyInAnyOrder("cat", "dan");
  }
}
