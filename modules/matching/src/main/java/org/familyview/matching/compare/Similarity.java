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
