package org.familyview.frontdoor.rules;

import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.familyview.frontdoor.Rag;
import org.jspecify.annotations.Nullable;

/**
 * One concern rule. The events of {@code events} about the family's members within {@code within}
 * before the evaluation date qualify when every condition set holds for the event; the rule fires
 * when at least {@code atLeast} qualify. Every field is in the YAML as written here, in kebab case.
 *
 * @param aboutChild the event must be about a child (under 18 on the day)
 * @param childUnder the child must be under this age in years on the day (null: any age)
 * @param orOnPlan with {@code childUnder}: or the child is on a plan on the day
 * @param onPlan the person must be on a plan on the day
 * @param withEvents the same person must also have one of these events within the window
 * @param householdWithChild the family must have a child member on the day
 * @param movedBetweenAuthorities instead of events: a household move of the family into another
 *     authority within the window, while a child of the family is on a plan
 */
public record ConcernRule(
    String id,
    String label,
    Rag rag,
    Set<String> events,
    Period within,
    int atLeast,
    boolean aboutChild,
    @Nullable Integer childUnder,
    boolean orOnPlan,
    boolean onPlan,
    Set<String> withEvents,
    boolean householdWithChild,
    boolean movedBetweenAuthorities) {

  public ConcernRule {
    events = Set.copyOf(events);
    withEvents = Set.copyOf(withEvents);
  }

  /** The rule in words, for the contact and the docs: what has to be true for it to fire. */
  public String explain() {
    StringBuilder s = new StringBuilder();
    if (movedBetweenAuthorities) {
      s.append("a household move into another authority within ").append(within);
      return s.append(", while a child of the family is on a plan").toString();
    }
    s.append(atLeast)
        .append(" or more of ")
        .append(String.join(", ", events.stream().sorted().toList()));
    s.append(" within ").append(within);
    if (aboutChild) {
      s.append(", about a child");
    }
    if (childUnder != null) {
      s.append(" under ").append(childUnder).append(orOnPlan ? " or on a plan" : "");
    }
    if (onPlan) {
      s.append(", who is on a plan");
    }
    if (!withEvents.isEmpty()) {
      s.append(", who also has ")
          .append(String.join(" or ", withEvents.stream().sorted().toList()))
          .append(" in the window");
    }
    if (householdWithChild) {
      s.append(", at a household with a child");
    }
    return s.toString();
  }

  /**
   * A ruleset: one YAML file.
   *
   * @param planStarts event types that start a plan (child protection, child in need...)
   * @param planEnds event types that end one
   * @param planLasts a plan with no end event is taken to have ended this long after its start
   * @param authorities authority → the postcode districts or areas it covers (for moves)
   */
  public record Ruleset(
      String id,
      String name,
      String version,
      Set<String> planStarts,
      Set<String> planEnds,
      Period planLasts,
      Map<String, List<String>> authorities,
      List<ConcernRule> rules,
      String source) {

    public Ruleset {
      planStarts = Set.copyOf(planStarts);
      planEnds = Set.copyOf(planEnds);
      authorities = Map.copyOf(authorities);
      rules = List.copyOf(rules);
    }

    /** The authority a postcode is in: the longest configured prefix of its outward code. */
    public @Nullable String authorityOf(@Nullable String postcode) {
      if (postcode == null || postcode.isBlank()) {
        return null;
      }
      String outward = postcode.strip().toUpperCase(java.util.Locale.ROOT).split("\\s+")[0];
      String best = null;
      int bestLength = 0;
      for (var e : authorities.entrySet()) {
        for (String prefix : e.getValue()) {
          if (matches(outward, prefix) && prefix.length() > bestLength) {
            best = e.getKey();
            bestLength = prefix.length();
          }
        }
      }
      return best;
    }

    /** "LS" covers LS1 and LS28 but not LSX; "LS1" covers LS1 but not LS10. */
    private static boolean matches(String outward, String prefix) {
      if (!outward.startsWith(prefix)) {
        return false;
      }
      String rest = outward.substring(prefix.length());
      return rest.isEmpty()
          || (Character.isLetter(prefix.charAt(prefix.length() - 1))
              && Character.isDigit(rest.charAt(0)));
    }
  }
}
