package org.familyview.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FamilyIdsTests {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "first run: fresh ids in order",
            Map.of(),
            List.of(Set.of("P1", "P2"), Set.of("P3")),
            0L,
            List.of("F0000001", "F0000002"),
            2L),
        Arguments.of(
            "same families: same ids",
            Map.of("F0000001", Set.of("P1", "P2"), "F0000002", Set.of("P3")),
            List.of(Set.of("P3"), Set.of("P1", "P2")),
            2L,
            List.of("F0000002", "F0000001"),
            2L),
        Arguments.of(
            "a family grows: keeps its id",
            Map.of("F0000001", Set.of("P1", "P2")),
            List.of(Set.of("P1", "P2", "P9")),
            1L,
            List.of("F0000001"),
            1L),
        Arguments.of(
            "a family splits: the larger part keeps the id, the other is new",
            Map.of("F0000004", Set.of("P1", "P2", "P3")),
            List.of(Set.of("P3"), Set.of("P1", "P2")),
            4L,
            List.of("F0000005", "F0000004"),
            5L),
        Arguments.of(
            "two families merge: the one sharing most keeps its id, the other is retired",
            Map.of("F0000001", Set.of("P1"), "F0000002", Set.of("P2", "P3")),
            List.of(Set.of("P1", "P2", "P3")),
            2L,
            List.of("F0000002"),
            2L),
        Arguments.of(
            "a retired id is never reused: fresh ids start above the highest ever issued",
            Map.of("F0000001", Set.of("P1")),
            List.of(Set.of("P1"), Set.of("P7")),
            9L,
            List.of("F0000001", "F0000010"),
            10L),
        Arguments.of(
            "a tie goes to the lower old id",
            Map.of("F0000003", Set.of("P1"), "F0000002", Set.of("P2")),
            List.of(Set.of("P1", "P2"), Set.of("P3")),
            3L,
            List.of("F0000002", "F0000004"),
            4L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void assignsStableIds(
      String name,
      Map<String, Set<String>> previous,
      List<Set<String>> families,
      long highest,
      List<String> ids,
      long highestAfter) {
    FamilyIds.Assignment assignment = FamilyIds.assign(previous, families, highest);

    assertThat(assignment.ids()).containsExactlyElementsOf(ids);
    assertThat(assignment.highestIssued()).isEqualTo(highestAfter);
  }

  @Test
  void readsTheNumberOfAnIssuedId() {
    assertThat(FamilyIds.numberOf("F0000042")).isEqualTo(42);
    assertThat(FamilyIds.numberOf("X1")).isZero();
    assertThat(FamilyIds.format(42)).isEqualTo("F0000042");
  }
}
