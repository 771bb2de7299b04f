package org.familyview.criteria;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates a family against a ruleset on a day. Pure: the same family, events, ruleset and date
 * always give the same result, so a stored result can be re-derived and checked.
 */
public final class Evaluator {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private static final Comparator<FamilyEvent> OLDEST_FIRST =
      Comparator.comparing(FamilyEvent::occurredOn).thenComparing(FamilyEvent::id);

  private Evaluator() {}

  public static Evaluation evaluate(Ruleset rules, FamilyCase family, LocalDate evaluatedOn) {
    Map<String, FamilyMember> members = new HashMap<>();
    for (FamilyMember m : family.members()) {
      members.put(m.personId(), m);
    }
    List<NeedResult> results = new ArrayList<>();
    for (Need need : rules.needs()) {
      results.add(evaluate(need, family.events(), members, evaluatedOn));
    }
    long met = results.stream().filter(NeedResult::met).count();
    boolean eligible = met >= rules.eligibleWith();
    String metList =
        results.stream()
            .filter(NeedResult::met)
            .map(NeedResult::label)
            .collect(Collectors.joining("; "));
    String why =
        (eligible ? "Eligible: " : "Not eligible: ")
            + met
            + " of "
            + results.size()
            + " needs met on "
            + DAY.format(evaluatedOn)
            + " ("
            + rules.eligibleWith()
            + " or more needed)"
            + (met == 0 ? "." : ": " + metList + ".");
    return new Evaluation(
        family.familyId(), rules.framework(), rules.version(), evaluatedOn, results, eligible, why);
  }

  static NeedResult evaluate(
      Need need, List<FamilyEvent> events, Map<String, FamilyMember> members, LocalDate on) {
    Set<FamilyEvent> evidence = new LinkedHashSet<>();
    List<String> satisfied = new ArrayList<>();
    ClauseOutcome closest = null;
    for (Evidence clause : need.evidence()) {
      ClauseOutcome outcome = clause(clause, events, members, on);
      if (outcome.satisfied()) {
        evidence.addAll(outcome.matching());
        satisfied.add(outcome.sentence());
      } else if (closest == null || outcome.progress() > closest.progress()) {
        closest = outcome;
      }
    }
    if (!satisfied.isEmpty()) {
      return new NeedResult(
          need.id(), need.label(), true, ids(evidence), "Met: " + String.join(" ", satisfied));
    }
    if (closest == null || closest.matching().isEmpty()) {
      return new NeedResult(
          need.id(),
          need.label(),
          false,
          List.of(),
          "Not met: no evidence of "
              + need.evidence().stream()
                  .map(Evidence::description)
                  .collect(Collectors.joining(", or "))
              + " in the look-back window.");
    }
    return new NeedResult(
        need.id(),
        need.label(),
        false,
        ids(closest.matching()),
        "Not met: closest was " + closest.sentence());
  }

  private record ClauseOutcome(
      boolean satisfied, double progress, List<FamilyEvent> matching, String sentence) {}

  private static ClauseOutcome clause(
      Evidence clause, List<FamilyEvent> events, Map<String, FamilyMember> members, LocalDate on) {
    LocalDate since = on.minus(clause.within());
    List<FamilyEvent> matching = new ArrayList<>();
    for (FamilyEvent e : events) {
      FamilyMember member = members.get(e.personId());
      if (member == null
          || e.occurredOn().isBefore(since)
          || e.occurredOn().isAfter(on)
          || !clause.eventTypes().contains(e.type())
          || (!clause.details().isEmpty()
              && (e.detail() == null || !clause.details().contains(e.detail())))
          || (!clause.roles().isEmpty() && (e.role() == null || !clause.roles().contains(e.role())))
          || !member.countsOn(e.occurredOn(), on)
          || !inGroup(member, clause.members(), e.occurredOn())) {
        continue;
      }
      if (clause.threshold() instanceof Threshold.AtLeastTotal && number(e.detail()) <= 0) {
        continue;
      }
      matching.add(e);
    }
    matching.sort(OLDEST_FIRST);
    int found =
        switch (clause.threshold()) {
          case Threshold.AtLeastEvents t -> matching.size();
          case Threshold.AtLeastTotal t ->
              matching.stream().mapToInt(e -> number(e.detail())).sum();
          case Threshold.AtLeastMembers t ->
              (int) matching.stream().map(FamilyEvent::personId).distinct().count();
          case Threshold.AtLeastForOneMember t ->
              matching.stream()
                  .collect(Collectors.groupingBy(FamilyEvent::personId, Collectors.counting()))
                  .values()
                  .stream()
                  .mapToInt(Long::intValue)
                  .max()
                  .orElse(0);
        };
    int needed = clause.threshold().needed();
    String sentence =
        clause.description()
            + ": "
            + found(clause, found)
            + " in the "
            + window(clause.within())
            + " to "
            + DAY.format(on)
            + " ("
            + needed
            + " needed).";
    return new ClauseOutcome(found >= needed, (double) found / needed, matching, sentence);
  }

  private static boolean inGroup(FamilyMember member, Members group, LocalDate day) {
    return switch (group) {
      case ANY -> true;
      case CHILD -> member.childOn(day);
      case ADULT -> !member.childOn(day);
    };
  }

  private static String found(Evidence clause, int found) {
    String whose = clause.members() == Members.ANY ? "" : " about " + clause.members().noun();
    return switch (clause.threshold()) {
      case Threshold.AtLeastEvents t -> plural(found, "event") + whose;
      case Threshold.AtLeastTotal t -> found + " in total" + whose;
      case Threshold.AtLeastMembers t ->
          plural(found, clause.members() == Members.CHILD ? "child" : "family member");
      case Threshold.AtLeastForOneMember t -> plural(found, "event") + " about one person";
    };
  }

  private static String plural(int n, String noun) {
    if (n == 1) {
      return "1 " + noun;
    }
    return n + " " + (noun.equals("child") ? "children" : noun + "s");
  }

  /** A period as people say it: "12 months", "2 years", "1 year and 6 months", "90 days". */
  static String window(Period p) {
    List<String> parts = new ArrayList<>();
    if (p.getYears() > 0) {
      parts.add(p.getYears() == 1 ? "1 year" : p.getYears() + " years");
    }
    if (p.getMonths() > 0) {
      parts.add(p.getMonths() == 1 ? "1 month" : p.getMonths() + " months");
    }
    if (p.getDays() > 0) {
      parts.add(p.getDays() == 1 ? "1 day" : p.getDays() + " days");
    }
    return String.join(" and ", parts);
  }

  /** The number in a count detail; 0 when there is none or it is not a whole number. */
  static int number(@org.jspecify.annotations.Nullable String detail) {
    if (detail == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(detail.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<String> ids(java.util.Collection<FamilyEvent> events) {
    return events.stream().sorted(OLDEST_FIRST).map(FamilyEvent::id).distinct().toList();
  }
}
