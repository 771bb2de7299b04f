package org.familyview.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.familyview.extracts.SupportingFamiliesCriterion;
import org.jspecify.annotations.Nullable;

/** A family living together: who lived in it when, and where it lived when. */
final class Household {

  enum Role {
    ADULT,
    CHILD
  }

  /** One person's membership of the household, from joining (birth, moving in) to leaving. */
  record Stay(Member member, Role role, LocalDate from, @Nullable LocalDate to) {}

  final String familyId;
  final LocalDate formed;
  final List<Stay> stays = new ArrayList<>(5);
  final List<Residence> residences = new ArrayList<>(3);
  final Set<SupportingFamiliesCriterion> problems =
      EnumSet.noneOf(SupportingFamiliesCriterion.class);

  /** The household's key in the council's and the schools' systems (each agency has its own). */
  final long localKey;

  Household(String familyId, LocalDate formed, long localKey) {
    this.familyId = familyId;
    this.formed = formed;
    this.localKey = localKey;
  }

  Residence current() {
    return residences.getLast();
  }

  /** The address before the current one, or the current one if they never moved. */
  Residence previous() {
    return residences.size() > 1 ? residences.get(residences.size() - 2) : current();
  }

  List<Member> residents() {
    return stays.stream().filter(s -> s.to() == null).map(Stay::member).toList();
  }

  List<Member> adults() {
    return stays.stream()
        .filter(s -> s.to() == null && s.role() == Role.ADULT)
        .map(Stay::member)
        .toList();
  }

  List<Member> children() {
    return stays.stream()
        .filter(s -> s.to() == null && s.role() == Role.CHILD)
        .map(Stay::member)
        .toList();
  }
}
