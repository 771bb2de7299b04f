package org.familyview.alerts.flags;

import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What makes a flag, as plain values mapped from {@code familyview.flags}: three kinds of rule,
 * each naming the flag type it raises, its label and the configured owner that answers for it.
 *
 * @param visibleAfterEnd how long a plan's flag stays visible after the plan ended (CP-IS keeps a
 *     flag for a period so that a clinician still learns of a recent plan)
 */
public record FlagRules(
    Period visibleAfterEnd, List<Plan> plans, List<Repeat> repeats, List<Household> households) {

  public FlagRules {
    plans = List.copyOf(plans);
    repeats = List.copyOf(repeats);
    households = List.copyOf(households);
  }

  /** One rule: the flag type it raises, what people read, and who owns it. */
  public sealed interface Rule {
    String type();

    String label();

    String owner();
  }

  /**
   * A plan on the child: open from a start event until an end event (e.g. a child protection plan,
   * {@code council.child_protection_plan_start} to {@code council.child_protection_plan_end}).
   */
  public record Plan(String type, String label, Set<String> starts, Set<String> ends, String owner)
      implements Rule {
    public Plan {
      starts = Set.copyOf(starts);
      ends = Set.copyOf(ends);
    }
  }

  /**
   * The same event about the same person {@code count} times within {@code within} (repeat missing
   * episodes); visible for {@code visibleFor} after the last of them.
   */
  public record Repeat(
      String type,
      String label,
      String event,
      int count,
      Period within,
      Period visibleFor,
      String owner)
      implements Rule {}

  /**
   * An event about anyone in a family with a child flags each child of that family (Operation
   * Encompass: police attended a domestic abuse incident at the child's home), visible for {@code
   * visibleFor} after the event.
   */
  public record Household(String type, String label, String event, Period visibleFor, String owner)
      implements Rule {}

  /** Every event type some rule reads: what the nightly step loads. */
  public Set<String> eventTypes() {
    Set<String> types = new TreeSet<>();
    plans.forEach(
        p -> {
          types.addAll(p.starts());
          types.addAll(p.ends());
        });
    repeats.forEach(r -> types.add(r.event()));
    households.forEach(h -> types.add(h.event()));
    return types;
  }

  public List<Rule> all() {
    return java.util.stream.Stream.of(plans, repeats, households)
        .<Rule>flatMap(List::stream)
        .toList();
  }
}
