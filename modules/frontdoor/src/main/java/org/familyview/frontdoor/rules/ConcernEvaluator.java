package org.familyview.frontdoor.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluates concern rules over one family on a day. A rule looks back over {@code within} ending on
 * the day; the events that qualify (each condition of the rule holds for the event) are its
 * evidence, and it fires when there are at least {@code at-least} of them. Plans are read from the
 * family's events: a plan starts with a start event and runs until an end event or, without one,
 * for the ruleset's {@code plans.lasts}.
 */
public final class ConcernEvaluator {

  private ConcernEvaluator() {}

  public static List<Firing> evaluate(
      ConcernRule.Ruleset ruleset, FamilyFacts family, LocalDate on) {
    List<Firing> fired = new ArrayList<>();
    for (ConcernRule rule : ruleset.rules()) {
      (rule.movedBetweenAuthorities()
              ? moved(ruleset, rule, family, on)
              : events(ruleset, rule, family, on))
          .ifPresent(fired::add);
    }
    return fired;
  }

  private static Optional<Firing> events(
      ConcernRule.Ruleset ruleset, ConcernRule rule, FamilyFacts family, LocalDate on) {
    LocalDate since = on.minus(rule.within());
    Map<String, FamilyFacts.Member> members = membersById(family);
    List<FamilyFacts.Event> qualifying = new ArrayList<>();
    List<FamilyFacts.Event> supporting = new ArrayList<>();
    for (FamilyFacts.Event e : inWindow(family, since, on)) {
      FamilyFacts.Member who = members.get(e.personId());
      if (!rule.events().contains(e.type()) || who == null) {
        continue;
      }
      Optional<List<FamilyFacts.Event>> support =
          qualifies(ruleset, rule, family, who, e, since, on);
      if (support.isPresent()) {
        qualifying.add(e);
        supporting.addAll(support.get());
      }
    }
    if (qualifying.size() < rule.atLeast()) {
      return Optional.empty();
    }
    List<FamilyFacts.Event> evidence = new ArrayList<>(qualifying);
    supporting.stream().filter(s -> !evidence.contains(s)).forEach(evidence::add);
    String why =
        qualifying.size()
            + " event(s) met the rule ("
            + rule.explain()
            + ") on "
            + on
            + ": "
            + qualifying.stream()
                .map(e -> e.type() + " on " + e.occurredOn() + " (" + e.key() + ")")
                .collect(Collectors.joining("; "));
    // Keyed by the newest qualifying event: a new event fires again (it is news), an old one
    // leaving the window does not (the same evidence, less of it).
    return Optional.of(firing(ruleset, rule, family, evidence, qualifying.getLast().key(), why));
  }

  /**
   * Whether one event meets the rule's conditions; if it does, the other events that made it so
   * (the plan's start, the matching missing-person report), as further evidence.
   */
  private static Optional<List<FamilyFacts.Event>> qualifies(
      ConcernRule.Ruleset ruleset,
      ConcernRule rule,
      FamilyFacts family,
      FamilyFacts.Member who,
      FamilyFacts.Event e,
      LocalDate since,
      LocalDate on) {
    LocalDate day = e.occurredOn();
    List<FamilyFacts.Event> support = new ArrayList<>();
    if (rule.aboutChild() && !who.childOn(day)) {
      return Optional.empty();
    }
    Optional<FamilyFacts.Event> plan = planOn(ruleset, family, who.personId(), day);
    if (rule.childUnder() != null && !who.underOn(day, rule.childUnder())) {
      if (!rule.orOnPlan() || plan.isEmpty()) {
        return Optional.empty();
      }
      support.add(plan.get());
    }
    if (rule.onPlan()) {
      if (plan.isEmpty()) {
        return Optional.empty();
      }
      support.add(plan.get());
    }
    if (!rule.withEvents().isEmpty()) {
      List<FamilyFacts.Event> with =
          inWindow(family, since, on).stream()
              .filter(
                  o -> o.personId().equals(who.personId()) && rule.withEvents().contains(o.type()))
              .toList();
      if (with.isEmpty()) {
        return Optional.empty();
      }
      support.addAll(with);
    }
    if (rule.householdWithChild()
        && family.members().stream().noneMatch(m -> m.memberOn(day) && m.childOn(day))) {
      return Optional.empty();
    }
    return Optional.of(support);
  }

  /** The plan a person is on on a day: the latest start on or before it, not yet ended. */
  static Optional<FamilyFacts.Event> planOn(
      ConcernRule.Ruleset ruleset, FamilyFacts family, String personId, LocalDate day) {
    Optional<FamilyFacts.Event> start =
        family.events().stream()
            .filter(e -> e.personId().equals(personId) && ruleset.planStarts().contains(e.type()))
            .filter(e -> !e.occurredOn().isAfter(day))
            .max(Comparator.comparing(FamilyFacts.Event::occurredOn));
    if (start.isEmpty() || !start.get().occurredOn().plus(ruleset.planLasts()).isAfter(day)) {
      return Optional.empty();
    }
    LocalDate from = start.get().occurredOn();
    boolean ended =
        family.events().stream()
            .anyMatch(
                e ->
                    e.personId().equals(personId)
                        && ruleset.planEnds().contains(e.type())
                        && !e.occurredOn().isBefore(from)
                        && !e.occurredOn().isAfter(day));
    return ended ? Optional.empty() : start;
  }

  /**
   * A household of the family that began within the window in another authority than the one before
   * it, while a child of the family was on a plan: the plan's start is the evidence, the household
   * the key.
   */
  private static Optional<Firing> moved(
      ConcernRule.Ruleset ruleset, ConcernRule rule, FamilyFacts family, LocalDate on) {
    LocalDate since = on.minus(rule.within());
    List<FamilyFacts.Household> homes =
        family.households().stream()
            .filter(h -> h.from() != null)
            .sorted(Comparator.comparing(FamilyFacts.Household::from))
            .toList();
    for (int i = 1; i < homes.size(); i++) {
      FamilyFacts.Household before = homes.get(i - 1);
      FamilyFacts.Household after = homes.get(i);
      String was = ruleset.authorityOf(before.postcode());
      String now = ruleset.authorityOf(after.postcode());
      if (after.from().isBefore(since)
          || after.from().isAfter(on)
          || was == null
          || now == null
          || was.equals(now)) {
        continue;
      }
      for (FamilyFacts.Member m : family.members()) {
        Optional<FamilyFacts.Event> plan =
            m.childOn(after.from())
                ? planOn(ruleset, family, m.personId(), after.from())
                : Optional.empty();
        if (plan.isPresent()) {
          String why =
              "the family moved from "
                  + was
                  + " to "
                  + now
                  + " on "
                  + after.from()
                  + " (household "
                  + after.id()
                  + ") while "
                  + m.personId()
                  + " was on a plan started by "
                  + plan.get().type()
                  + " on "
                  + plan.get().occurredOn()
                  + " ("
                  + plan.get().key()
                  + ")";
          return Optional.of(
              firing(ruleset, rule, family, List.of(plan.get()), "household/" + after.id(), why));
        }
      }
    }
    return Optional.empty();
  }

  private static Firing firing(
      ConcernRule.Ruleset ruleset,
      ConcernRule rule,
      FamilyFacts family,
      List<FamilyFacts.Event> evidence,
      String key,
      String why) {
    return new Firing(
        rule,
        ruleset.version(),
        family.familyId(),
        evidence.stream().map(FamilyFacts.Event::provenance).toList(),
        key,
        why);
  }

  private static List<FamilyFacts.Event> inWindow(
      FamilyFacts family, LocalDate since, LocalDate on) {
    return family.events().stream()
        .filter(e -> !e.occurredOn().isBefore(since) && !e.occurredOn().isAfter(on))
        .sorted(
            Comparator.comparing(FamilyFacts.Event::occurredOn)
                .thenComparing(FamilyFacts.Event::key))
        .toList();
  }

  private static Map<String, FamilyFacts.Member> membersById(FamilyFacts family) {
    return family.members().stream()
        .collect(Collectors.toMap(FamilyFacts.Member::personId, Function.identity(), (a, b) -> a));
  }
}
