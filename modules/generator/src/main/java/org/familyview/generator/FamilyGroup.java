package org.familyview.generator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The unit the generator builds and writes at once: a household, plus the household of an
 * ex-partner who left it (so a domestic abuse incident can name someone who lives elsewhere).
 */
final class FamilyGroup {

  final List<Household> households = new ArrayList<>(2);

  /** Everyone alive in the group today, each once, in a stable order. */
  List<Member> people() {
    Set<Member> people = new LinkedHashSet<>();
    for (Household household : households) {
      for (Household.Stay stay : household.stays) {
        people.add(stay.member());
      }
    }
    return List.copyOf(people);
  }

  Household home(Member member) {
    for (Household household : households) {
      for (Household.Stay stay : household.stays) {
        if (stay.member() == member && stay.to() == null) {
          return household;
        }
      }
    }
    return households.getFirst();
  }
}
