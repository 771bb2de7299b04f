package org.familyview.matching.block;

import java.util.List;

/**
 * Which blocking rules run, and the largest block that is expanded into pairs. A block bigger than
 * the cap (thousands of records on one key, usually a default value nobody recognised as a
 * placeholder) is skipped and counted, because expanding it would cost more than it could find.
 */
public record BlockingConfig(List<String> rules, int maxBlockSize) {

  public BlockingConfig {
    rules = List.copyOf(rules);
    if (maxBlockSize < 2) {
      throw new IllegalArgumentException("maxBlockSize must be at least 2");
    }
  }

  public static BlockingConfig standard() {
    return new BlockingConfig(BlockingRules.standardNames(), 150);
  }

  List<BlockingRule> selectedRules() {
    List<BlockingRule> all = BlockingRules.standard();
    return rules.stream()
        .map(
            name ->
                all.stream()
                    .filter(rule -> rule.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no blocking rule " + name)))
        .toList();
  }
}
