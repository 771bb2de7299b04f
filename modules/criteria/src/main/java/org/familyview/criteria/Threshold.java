package org.familyview.criteria;

/**
 * How much matching evidence a clause needs. Each kind is one key in the YAML: {@code at-least}
 * (events), {@code at-least-total} (the numbers in the events' detail added up, e.g. sessions of
 * unauthorised absence) and {@code at-least-members} (different family members).
 */
public sealed interface Threshold {

  /** The number needed. */
  int needed();

  /** The YAML key this threshold is written as. */
  String configKey();

  /** At least {@code needed} matching events. */
  record AtLeastEvents(int needed) implements Threshold {
    @Override
    public String configKey() {
      return "at-least";
    }
  }

  /** The numeric details of the matching events add up to at least {@code needed}. */
  record AtLeastTotal(int needed) implements Threshold {
    @Override
    public String configKey() {
      return "at-least-total";
    }
  }

  /** Matching events about at least {@code needed} different family members. */
  record AtLeastMembers(int needed) implements Threshold {
    @Override
    public String configKey() {
      return "at-least-members";
    }
  }
}
