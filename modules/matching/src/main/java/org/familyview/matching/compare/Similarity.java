package org.familyview.matching.compare;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * String similarity used by the name comparisons: Jaro-Winkler (Winkler 1990, "String Comparator
 * Metrics and Enhanced Decision Rules in the Fellegi-Sunter Model of Record Linkage"), from Apache
 * Commons Text.
 */
final class Similarity {

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

  private Similarity() {}

  static double jaroWinkler(String left, String right) {
    if (left.equals(right)) {
      return 1.0;
    }
    return JARO_WINKLER.apply(left, right);
  }

  /**
   * Jaro-Winkler, or 0 when it cannot reach {@code floor}. Most candidate pairs have unrelated
   * names; an upper bound from the letters the two names share (Jaro counts at most that many
   * matches, and transpositions only lower it) rules them out without the full computation.
   */
  static double jaroWinklerAtLeast(String left, String right, double floor) {
    if (left.equals(right)) {
      return 1.0;
    }
    int common = commonLetters(left, right);
    double jaroBound = ((double) common / left.length() + (double) common / right.length() + 1) / 3;
    int prefix = 0;
    int maxPrefix = Math.min(4, Math.min(left.length(), right.length()));
    while (prefix < maxPrefix && left.charAt(prefix) == right.charAt(prefix)) {
      prefix++;
    }
    double bound = jaroBound + prefix * 0.1 * (1 - jaroBound);
    return bound < floor ? 0 : JARO_WINKLER.apply(left, right);
  }

  private static int commonLetters(String left, String right) {
    int[] counts = new int[27];
    for (int i = 0; i < left.length(); i++) {
      counts[slot(left.charAt(i))]++;
    }
    int common = 0;
    for (int i = 0; i < right.length(); i++) {
      int slot = slot(right.charAt(i));
      if (counts[slot] > 0) {
        counts[slot]--;
        common++;
      }
    }
    return common;
  }

  private static int slot(char c) {
    return c >= 'a' && c <= 'z' ? c - 'a' : 26;
  }

  /** Whether any value of one array equals any value of the other; arrays are short. */
  static boolean intersects(String[] left, String[] right) {
    for (String l : left) {
      for (String r : right) {
        if (l.equals(r)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean contains(String[] values, String value) {
    for (String v : values) {
      if (v.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
