package org.familyview.matching.compare;

import java.util.List;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * Postcode: same unit; same sector; same district; else. A postcode that is not a UK one (a typo,
 * or from abroad) is still a string worth comparing: equal is a unit match, one character apart or
 * two adjacent characters swapped counts at the district level.
 */
final class PostcodeComparison implements Comparison {

  static final int SECTOR = 2;
  static final int DISTRICT = 3;
  static final int ELSE = 4;

  @Override
  public String name() {
    return "postcode";
  }

  @Override
  public List<String> levels() {
    return List.of(
        "missing",
        "same unit",
        "same sector",
        "same district, or one character apart",
        "different");
  }

  @Override
  public int level(StandardisedRecord left, StandardisedRecord right) {
    String l = left.postcode();
    String r = right.postcode();
    if (l == null || r == null) {
      return MISSING;
    }
    if (l.equals(r)) {
      return EXACT;
    }
    String ls = left.postcodeSector();
    String rs = right.postcodeSector();
    if (ls != null && rs != null) {
      if (ls.equals(rs)) {
        return SECTOR;
      }
      return java.util.Objects.equals(left.postcodeDistrict(), right.postcodeDistrict())
          ? DISTRICT
          : ELSE;
    }
    return oneCharacterApart(l, r) || adjacentTransposition(l, r) ? DISTRICT : ELSE;
  }

  @Override
  public @Nullable String termFrequencyValue(StandardisedRecord record) {
    return record.postcode();
  }

  static boolean adjacentTransposition(String l, String r) {
    if (l.length() != r.length()) {
      return false;
    }
    int i = 0;
    while (i < l.length() && l.charAt(i) == r.charAt(i)) {
      i++;
    }
    return i + 1 < l.length()
        && l.charAt(i) == r.charAt(i + 1)
        && l.charAt(i + 1) == r.charAt(i)
        && l.substring(i + 2).equals(r.substring(i + 2));
  }

  static boolean oneCharacterApart(String l, String r) {
    if (l.length() != r.length()) {
      return false;
    }
    int differences = 0;
    for (int i = 0; i < l.length(); i++) {
      if (l.charAt(i) != r.charAt(i) && ++differences > 1) {
        return false;
      }
    }
    return differences == 1;
  }
}
