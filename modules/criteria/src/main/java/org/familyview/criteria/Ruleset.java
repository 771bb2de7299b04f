package org.familyview.criteria;

import java.util.List;
import java.util.Optional;

/**
 * A framework's rules as one authority configured them. The version is recorded with every result,
 * so a result can always be traced to the rules that produced it.
 *
 * @param framework the framework's short id, {@code 2022} or {@code 2015}
 * @param name the framework's name
 * @param version the version of this ruleset; change it with every change to the rules
 * @param eligibleWith how many needs make a family eligible
 * @param needs the needs, in the order the framework lists them
 * @param source the file it was read from, for messages
 */
public record Ruleset(
    String framework,
    String name,
    String version,
    int eligibleWith,
    List<Need> needs,
    String source) {

  public Ruleset {
    needs = List.copyOf(needs);
  }

  public Optional<Need> need(String id) {
    return needs.stream().filter(n -> n.id().equals(id)).findFirst();
  }
}
