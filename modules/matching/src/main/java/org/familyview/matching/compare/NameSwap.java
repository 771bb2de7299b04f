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
    if (lf.charAt(0) != rs.charAt(0) || ls.charAt(0) != rf.charAt(0)) {
      // Cheap first: a swap worth the name keeps at least the initials crosswise.
      return false;
    }
    return Similarity.jaroWinklerAtLeast(lf, rs, CLOSE) >= CLOSE
        && Similarity.jaroWinklerAtLeast(ls, rf, CLOSE) >= CLOSE;
  }
}
