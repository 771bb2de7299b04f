package org.familyview.alerts.flags;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Derives the flags visible on a day from the partners' events and the families' children. Plain
 * Java with no I/O, so that every date rule is a unit test ({@code FlagDerivationTests}).
 */
public final class FlagDerivation {

  /** An event as the derivation needs it: about whom, of what type, on which day. */
  public record Observed(String personId, String type, LocalDate on, String eventKey) {}

  /**
   * A flag to show: {@code until} is when the plan or episode ended (null while open), {@code
   * visibleUntil} the last day it is shown (null while open); {@code basis} names the events it
   * stands on, for whoever asks why.
   */
  public record Derived(
      String personId,
      String type,
      LocalDate since,
      @Nullable LocalDate until,
      @Nullable LocalDate visibleUntil,
      String owner,
      String basis) {}

  private final FlagRules rules;

  public FlagDerivation(FlagRules rules) {
    this.rules = rules;
  }

  /**
   * The flags visible on {@code today}.
   *
   * @param childrenWith for a person, the children of the families they are a current member of
   */
  public List<Derived> derive(
      List<Observed> events, Map<String, Set<String>> childrenWith, LocalDate today) {
    List<Observed> known = events.stream().filter(e -> !e.on().isAfter(today)).toList();
    Map<String, List<Observed>> byPerson =
        known.stream().collect(Collectors.groupingBy(Observed::personId));
    List<Derived> flags = new ArrayList<>();
    byPerson.forEach(
        (person, own) -> {
          rules.plans().forEach(plan -> plan(plan, person, own, today).ifPresent(flags::add));
          rules.repeats().forEach(r -> repeat(r, person, own, today).ifPresent(flags::add));
        });
    rules.households().forEach(h -> flags.addAll(household(h, known, childrenWith, today)));
    flags.sort(Comparator.comparing(Derived::personId).thenComparing(Derived::type));
    return flags;
  }

  /**
   * The latest episode of a plan: a start opens it (a second start while open continues it), an end
   * closes it (an end with nothing open is ignored). On one day, starts come before ends.
   */
  Optional<Derived> plan(FlagRules.Plan plan, String person, List<Observed> own, LocalDate today) {
    List<Observed> marks =
        own.stream()
            .filter(e -> plan.starts().contains(e.type()) || plan.ends().contains(e.type()))
            .sorted(
                Comparator.comparing(Observed::on)
                    .thenComparing(e -> plan.starts().contains(e.type()) ? 0 : 1))
            .toList();
    Observed open = null;
    Derived latest = null;
    for (Observed mark : marks) {
      if (plan.starts().contains(mark.type())) {
        open = open == null ? mark : open;
      } else if (open != null) {
        LocalDate visibleUntil = mark.on().plus(rules.visibleAfterEnd());
        latest =
            derived(
                plan,
                person,
                open,
                mark.on(),
                visibleUntil,
                open.eventKey() + ", " + mark.eventKey());
        open = null;
      }
    }
    if (open != null) {
      return Optional.of(derived(plan, person, open, null, null, open.eventKey()));
    }
    return Optional.ofNullable(latest).filter(d -> visibleOn(d, today));
  }

  /**
   * The episode in which {@code count} events fell within {@code within}: since the day the count
   * was first reached, until the last event of a qualifying window.
   */
  Optional<Derived> repeat(
      FlagRules.Repeat rule, String person, List<Observed> own, LocalDate today) {
    List<Observed> same =
        own.stream()
            .filter(e -> e.type().equals(rule.event()))
            .sorted(Comparator.comparing(Observed::on))
            .toList();
    Observed first = null;
    Observed last = null;
    for (int j = rule.count() - 1; j < same.size(); j++) {
      Observed opening = same.get(j - rule.count() + 1);
      if (same.get(j).on().isBefore(opening.on().plus(rule.within()))) {
        first = first == null ? same.get(j) : first;
        last = same.get(j);
      }
    }
    if (first == null || last == null) {
      return Optional.empty();
    }
    Derived flag =
        new Derived(
            person,
            rule.type(),
            first.on(),
            last.on(),
            last.on().plus(rule.visibleFor()),
            rule.owner(),
            rule.count()
                + "+ "
                + rule.event()
                + " within "
                + rule.within()
                + ", last "
                + last.eventKey());
    return Optional.of(flag).filter(d -> visibleOn(d, today));
  }

  /** Each child of the subject's families, flagged from the latest such event still visible. */
  List<Derived> household(
      FlagRules.Household rule,
      List<Observed> events,
      Map<String, Set<String>> childrenWith,
      LocalDate today) {
    Map<String, Observed> latestPerChild = new java.util.TreeMap<>();
    for (Observed event : events) {
      if (!event.type().equals(rule.event())) {
        continue;
      }
      for (String child : childrenWith.getOrDefault(event.personId(), Set.of())) {
        latestPerChild.merge(child, event, (a, b) -> b.on().isAfter(a.on()) ? b : a);
      }
    }
    List<Derived> flags = new ArrayList<>();
    latestPerChild.forEach(
        (child, event) -> {
          Derived flag =
              new Derived(
                  child,
                  rule.type(),
                  event.on(),
                  event.on(),
                  event.on().plus(rule.visibleFor()),
                  rule.owner(),
                  rule.event() + " at the child's household, " + event.eventKey());
          if (visibleOn(flag, today)) {
            flags.add(flag);
          }
        });
    return flags;
  }

  private static Derived derived(
      FlagRules.Plan plan,
      String person,
      Observed start,
      @Nullable LocalDate end,
      @Nullable LocalDate visibleUntil,
      String basis) {
    return new Derived(person, plan.type(), start.on(), end, visibleUntil, plan.owner(), basis);
  }

  /** Visible through the last day of its period, both ends included. */
  static boolean visibleOn(Derived flag, LocalDate today) {
    return flag.visibleUntil() == null || !today.isAfter(flag.visibleUntil());
  }
}
