package org.familyview.eligibility;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.familyview.criteria.Ruleset;

/**
 * The rulesets in force, read once at start: a mistake in {@code config/criteria} stops the
 * application with every problem listed, rather than a night's results being wrong.
 */
public final class CriteriaRulesets {

  private final Map<String, Ruleset> byFramework;

  CriteriaRulesets(Map<String, Ruleset> byFramework) {
    this.byFramework = Map.copyOf(byFramework);
  }

  public Optional<Ruleset> framework(String id) {
    return Optional.ofNullable(byFramework.get(id));
  }

  /** Newest framework first (2022 before 2015). */
  public List<Ruleset> all() {
    return byFramework.values().stream()
        .sorted(java.util.Comparator.comparing(Ruleset::framework).reversed())
        .toList();
  }

  public List<String> frameworks() {
    return all().stream().map(Ruleset::framework).toList();
  }
}
