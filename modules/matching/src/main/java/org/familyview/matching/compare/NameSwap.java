package org.familyview.matching.compare;

import org.familyview.matching.standardise.StandardisedRecord;

/**
 * Detects a forename and surname recorded the wrong way round ("Smith John"), common when a form
 * asks for "name" without saying which comes first. Both name comparisons use it, so a swapped pair
 * is compared crosswise.
 */
final class NameSwap {

  private static final double CLOSE = 0.92;

  private NameSwap() {}

  static boolean isSwapped(StandardisedRecord left, StandardisedRecord right) {
    String lf = left.forename();
    String ls = left.surname();
    String rf = right.forename();
    String rs = right.surname();
    if (lf == null || ls == null || rf == null || rs == null) {
      return false;
    }
    if (lf.equals(rf) || ls.equals(rs) || lf.equals(ls)) {
      return false;
    }
    return Similarity.jaroWinkler(lf, rs) >= CLOSE && Similarity.jaroWinkler(ls, rf) >= CLOSE;
  }
}
