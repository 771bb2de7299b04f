package org.familyview.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatedRelationshipsTests {

  static final LocalDate DAY = LocalDate.of(2025, 3, 10);
  static final Map<String, LocalDate> BORN =
      Map.of(
          "MUM", LocalDate.of(1988, 1, 1),
          "DAD", LocalDate.of(1986, 1, 1),
          "KID", LocalDate.of(2015, 1, 1),
          "TEEN", LocalDate.of(2010, 1, 1),
          "ADULT", LocalDate.of(2000, 1, 1));

  static RoleEvent event(String person, String agency, String type, LocalDate on, String role) {
    return new RoleEvent(person, agency, type, on, role);
  }

  static Stream<Arguments> cases() {
    String meeting = "education.parent_meeting";
    List<RoleEvent> crowd = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      crowd.add(event("MUM", "EDUCATION", meeting, DAY, "parent"));
    }
    return Stream.of(
        Arguments.of(
            "parent and child on the same event day",
            List.of(
                event("MUM", "EDUCATION", meeting, DAY, "parent"),
                event("KID", "EDUCATION", meeting, DAY, "subject")),
            List.of("MUM>KID")),
        Arguments.of(
            "role is case-insensitive",
            List.of(
                event("MUM", "EDUCATION", meeting, DAY, "PARENT"),
                event("KID", "EDUCATION", meeting, DAY, "SUBJECT")),
            List.of("MUM>KID")),
        Arguments.of(
            "another agency's event states nothing",
            List.of(
                event("MUM", "HEALTH", meeting, DAY, "parent"),
                event("KID", "EDUCATION", meeting, DAY, "subject")),
            List.of()),
        Arguments.of(
            "another day states nothing",
            List.of(
                event("MUM", "EDUCATION", meeting, DAY, "parent"),
                event("KID", "EDUCATION", meeting, DAY.plusDays(1), "subject")),
            List.of()),
        Arguments.of(
            "the other person must be a child that day",
            List.of(
                event("MUM", "EDUCATION", meeting, DAY, "parent"),
                event("ADULT", "EDUCATION", meeting, DAY, "subject")),
            List.of()),
        Arguments.of(
            "a parent must be old enough",
            List.of(
                event("TEEN", "EDUCATION", meeting, DAY, "parent"),
                event("KID", "EDUCATION", meeting, DAY, "subject")),
            List.of()),
        Arguments.of(
            "two parents, one child",
            List.of(
                event("MUM", "EDUCATION", meeting, DAY, "parent"),
                event("DAD", "EDUCATION", meeting, DAY, "parent"),
                event("KID", "EDUCATION", meeting, DAY, "victim")),
            List.of("MUM>KID", "DAD>KID")),
        Arguments.of(
            "a crowd of parents on one day states nothing",
            withChild(crowd, event("KID", "EDUCATION", meeting, DAY, "subject")),
            List.of()));
  }

  private static List<RoleEvent> withChild(List<RoleEvent> events, RoleEvent child) {
    List<RoleEvent> all = new ArrayList<>(events);
    all.add(child);
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void statesParentsFromSharedEvents(String name, List<RoleEvent> events, List<String> expected) {
    List<String> stated =
        new StatedRelationships(FamilyRules.standard())
            .parents(events, BORN).stream().map(p -> p.parentId() + ">" + p.childId()).toList();

    assertThat(stated).containsExactlyInAnyOrderElementsOf(expected);
  }
}
