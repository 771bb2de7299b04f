package org.familyview.matching.compare;

import java.util.List;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * Address: exact after abbreviation; most words shared (Jaccard of word sets at least 0.6); some
 * words shared (at least 0.3); else. Word sets rather than edit distance, because addresses are
 * written in different orders and with different amounts of detail.
 */
final class AddressComparison implements Comparison {

  static final int MOST_WORDS = 2;
  static final int SOME_WORDS = 3;
  static final int ELSE = 4;

  @Override
  public String name() {
    return "address";
  }

  @Override
  public List<String> levels() {
    return List.of(
        "missing",
        "exact",
        "most words shared (>= 0.6)",
        "some words shared (>= 0.3)",
        "different");
  }

  @Override
  public int level(StandardisedRecord left, StandardisedRecord right) {
    String l = left.address();
    String r = right.address();
    if (l == null || r == null) {
      return MISSING;
    }
    if (l.equals(r)) {
      return EXACT;
    }
    double jaccard = jaccard(left.addressTokens(), right.addressTokens());
    if (jaccard >= 0.6 && !differentHouseNumbers(l, r)) {
      return MOST_WORDS;
    }
    return jaccard >= 0.3 ? SOME_WORDS : ELSE;
  }

  /** Jaccard similarity of two sorted, de-duplicated word arrays, by a merge walk. */
  static double jaccard(String[] a, String[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      int c = a[i].compareTo(b[j]);
      if (c == 0) {
        common++;
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? 0 : (double) common / union;
  }

  /** Neighbours share every word but the number, so a different number is a different address. */
  static boolean differentHouseNumbers(String left, String right) {
    String l = firstNumber(left);
    String r = firstNumber(right);
    return l != null && r != null && !l.equals(r);
  }

  private static @Nullable String firstNumber(String address) {
    int start = -1;
    for (int i = 0; i < address.length(); i++) {
      boolean digit = Character.isDigit(address.charAt(i));
      if (digit && start < 0) {
        start = i;
      } else if (!digit && start >= 0) {
        return address.substring(start, i);
      }
    }
    return start >= 0 ? address.substring(start) : null;
  }
}
