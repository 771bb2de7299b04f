package org.familyview.criteria;

/**
 * How much matching evidence a clause needs. Each kind is one key in the YAML: {@code at-least}
 * (events), {@code at-least-total} (the numbers in the events' detail added up, e.g. sessions of
 * unauthorised absence), {@code at-least-members} (different family members) and {@code
 * at-least-for-one-member} (events about one and the same member, e.g. repeated A&amp;E visits).
 */
public sealed interface Threshold {

  /** The number needed. */
  int needed();

  /** The YAML key this threshold is written as. */
  default String configKey() {
    return switch (this) {
      case AtLeastEvents e -> "at-least";
      case AtLeastTotal t -> "at-least-total";
      case AtLeastMembers m -> "at-least-members";
      case AtLeastForOneMember o -> "at-least-for-one-member";
    };
  }

  /** At least {@code needed} matching events. */
  record AtLeastEvents(int needed) implements Threshold {}

  /** The numeric details of the matching events add up to at least {@code needed}. */
  record AtLeastTotal(int needed) implements Threshold {}

  /** Matching events about at least {@code needed} different family members. */
  record AtLeastMembers(int needed) implements Threshold {}

  /** At least {@code needed} matching events about one and the same family member. */
  record AtLeastForOneMember(int needed) implements Threshold {}
}
