package org.familyview.matching.compare;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * Middle names (and given names after the first): the same; a middle name in common where one
 * record gives more or another order ("James" beside "James Paul"); a typing slip in the first
 * (Jaro-Winkler at least 0.92); initials only on one side, agreeing with the other's ("J" beside
 * "James"); else. Missing when either record gives none: many agencies do not record them, and
 * their absence says nothing.
 *
 * <p>Why a comparison of its own: a namesake sharing a birthday (the corroboration rule's worry,
 * docs/matching.md §4) almost never shares the middle name too, and one person's agencies mostly
 * record the same one. Before this comparison existed, half of the uncertain pairs at a million
 * generated records gave middle names on both sides, and those were all decided by them (issue 13,
 * docs/benchmarks.md): the evidence was in the extracts and unused. The weights are estimated by EM
 * like every other comparison, so a population whose agencies record middle names carelessly gets
 * weaker ones.
 */
final class MiddleNameComparison implements Comparison {

  static final int IN_COMMON = 2;
  static final int CLOSE = 3;
  static final int INITIALS = 4;
  static final int ELSE = 5;

  @Override
  public String name() {
    return "middle_names";
  }

  @Override
  public List<String> levels() {
    return List.of(
        "missing",
        "the same",
        "a middle name in common, one record gives more or another order",
        "Jaro-Winkler >= 0.92 (a typing slip)",
        "initials only on one side, and they agree",
        "different");
  }

  @Override
  public int level(StandardisedRecord left, StandardisedRecord right) {
    String[] l = left.middleNames();
    String[] r = right.middleNames();
    if (l.length == 0 || r.length == 0) {
      return MISSING;
    }
    if (initialsOnly(l) || initialsOnly(r)) {
      return l[0].charAt(0) == r[0].charAt(0) ? INITIALS : ELSE;
    }
    if (Arrays.equals(l, r)) {
      return EXACT;
    }
    if (Similarity.intersects(l, r)) {
      return IN_COMMON;
    }
    return Similarity.jaroWinklerAtLeast(l[0], r[0], 0.92) >= 0.92 ? CLOSE : ELSE;
  }

  /**
   * At a million records most candidate pairs lack middle names on one side or give the same ones,
   * and reading the names of records scattered across the heap for each of 62 M pairs cost cache
   * misses: so these pairs are decided by codes, and only two different middle names are compared
   * (issue 14: scoring 3.6 s and 7.7 CPU-s cheaper at 1 M, docs/benchmarks.md).
   */
  @Override
  public boolean decidesSomeByCodes() {
    return true;
  }

  /**
   * 0 for none; otherwise twice the number of the distinct middle names (numbered from 1 in order
   * of first appearance), plus 1 when they are initials only, which never agree exactly ("J" beside
   * "J" is {@link #INITIALS}).
   */
  @Override
  public int[] codes(List<StandardisedRecord> records) {
    int[] codes = new int[records.size()];
    Map<List<String>, Integer> numbers = new HashMap<>();
    for (int i = 0; i < codes.length; i++) {
      String[] middle = records.get(i).middleNames();
      if (middle.length > 0) {
        int number = numbers.computeIfAbsent(List.of(middle), v -> numbers.size() + 1);
        codes[i] = 2 * number + (initialsOnly(middle) ? 1 : 0);
      }
    }
    return codes;
  }

  @Override
  public int level(int left, int right) {
    if (left == 0 || right == 0) {
      return MISSING;
    }
    return left == right && (left & 1) == 0 ? EXACT : UNDECIDED;
  }

  /** The whole of the middle names: "Louise" is common, "Oluwaseun" rare. */
  @Override
  public @Nullable String termFrequencyValue(StandardisedRecord record) {
    String[] middle = record.middleNames();
    return middle.length == 0 || initialsOnly(middle) ? null : String.join(" ", middle);
  }

  private static boolean initialsOnly(String[] names) {
    for (String name : names) {
      if (name.length() > 1) {
        return false;
      }
    }
    return true;
  }
}
