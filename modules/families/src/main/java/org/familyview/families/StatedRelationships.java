package org.familyview.families;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Parent and child links from the events the agencies state them in. Events.csv names one record
 * per row, so a relationship is stated when the same agency records the same event type on the same
 * day for a record with the role {@code parent} and for a record of someone who was a child that
 * day (a school's contact with a parent about a pupil, a health visitor's with a mother).
 */
public final class StatedRelationships {

  private final FamilyRules rules;

  public StatedRelationships(FamilyRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /**
   * The parent links stated by the events. An event day with more parents or children than {@link
   * FamilyRules#largestEventGroup()} is ignored: a school's letter to every parent is not a family.
   */
  public List<StatedParent> parents(List<RoleEvent> events, Map<String, LocalDate> datesOfBirth) {
    Map<String, List<RoleEvent>> byOccasion = new LinkedHashMap<>();
    for (RoleEvent event : events) {
      byOccasion
          .computeIfAbsent(
              event.agency() + '\u0000' + event.type() + '\u0000' + event.occurredOn(),
              k -> new ArrayList<>())
          .add(event);
    }
    List<StatedParent> stated = new ArrayList<>();
    for (List<RoleEvent> occasion : byOccasion.values()) {
      List<RoleEvent> parents = new ArrayList<>();
      List<RoleEvent> children = new ArrayList<>();
      for (RoleEvent event : occasion) {
        if (isParentRole(event.role())) {
          parents.add(event);
        } else if (isChildOn(datesOfBirth.get(event.personId()), event.occurredOn())) {
          children.add(event);
        }
      }
      if (parents.size() > rules.largestEventGroup()
          || children.size() > rules.largestEventGroup()) {
        continue;
      }
      for (RoleEvent parent : parents) {
        for (RoleEvent child : children) {
          if (!parent.personId().equals(child.personId())
              && oldEnoughToBeParent(
                  datesOfBirth.get(parent.personId()), datesOfBirth.get(child.personId()))) {
            stated.add(
                new StatedParent(
                    parent.personId(),
                    child.personId(),
                    parent.agency(),
                    parent.type(),
                    parent.occurredOn()));
          }
        }
      }
    }
    return List.copyOf(stated);
  }

  private static boolean isParentRole(String role) {
    return role.strip().toUpperCase(Locale.ROOT).equals("PARENT");
  }

  private boolean isChildOn(@Nullable LocalDate dateOfBirth, LocalDate day) {
    return dateOfBirth != null
        && !day.isBefore(dateOfBirth)
        && Period.between(dateOfBirth, day).getYears() < rules.adultAge();
  }

  /** A parent with no date of birth is believed; one younger than the rules allow is not. */
  private boolean oldEnoughToBeParent(
      @Nullable LocalDate parentBorn, @Nullable LocalDate childBorn) {
    return parentBorn == null
        || childBorn == null
        || !parentBorn.plusYears(rules.youngestParentAge()).isAfter(childBorn);
  }
}
