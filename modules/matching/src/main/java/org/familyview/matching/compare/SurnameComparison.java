package org.familyview.matching.compare;

import java.util.List;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * Family name: exact; one part of a hyphenated or double-barrelled name, or a previous name, equal
 * to the other's; Jaro-Winkler at least 0.92; similar (same Double Metaphone key or Jaro-Winkler at
 * least 0.80); else.
 */
final class SurnameComparison implements Comparison {

  static final int PART_OR_ALIAS = 2;
  static final int CLOSE = 3;
  static final int SIMILAR = 4;
  static final int ELSE = 5;

  @Override
  public String name() {
    return "surname";
  }

  @Override
  public List<String> levels() {
    return List.of(
        "missing",
        "exact",
        "part of a double-barrelled name, or a previous name",
        "Jaro-Winkler >= 0.92",
        "phonetic or Jaro-Winkler >= 0.80",
        "different");
  }

  @Override
  public int level(StandardisedRecord left, StandardisedRecord right) {
    if (NameSwap.isSwapped(left, right)) {
      return nameLevel(left.surname(), right.forename());
    }
    String l = left.surname();
    String r = right.surname();
    if (l == null || r == null) {
      return MISSING;
    }
    if (l.equals(r)) {
      return EXACT;
    }
    if (sharesPart(left, r) || sharesPart(right, l) || aliasAgrees(left, right)) {
      return PART_OR_ALIAS;
    }
    double jw = Similarity.jaroWinklerAtLeast(l, r, 0.80);
    if (jw >= 0.92) {
      return CLOSE;
    }
    if (jw >= 0.80 || ForenameComparison.codesAgree(left.surnameCode(), right.surnameCode())) {
      return SIMILAR;
    }
    return ELSE;
  }

  @Override
  public @Nullable String termFrequencyValue(StandardisedRecord record) {
    return record.surname();
  }

  /** Levels for two names compared crosswise after a swap; nicknames do not apply to surnames. */
  static int nameLevel(@Nullable String l, @Nullable String r) {
    if (l == null || r == null) {
      return MISSING;
    }
    if (l.equals(r)) {
      return EXACT;
    }
    return Similarity.jaroWinklerAtLeast(l, r, 0.92) >= 0.92 ? CLOSE : SIMILAR;
  }

  private static boolean sharesPart(StandardisedRecord record, String otherSurname) {
    for (String part : record.surnameParts()) {
      if (part.equals(otherSurname)) {
        return true;
      }
    }
    return false;
  }

  private static boolean aliasAgrees(StandardisedRecord left, StandardisedRecord right) {
    String l = left.surname();
    String r = right.surname();
    return (r != null && Similarity.contains(left.otherSurnames(), r))
        || (l != null && Similarity.contains(right.otherSurnames(), l))
        || Similarity.intersects(left.surnameParts(), right.surnameParts())
        || Similarity.intersects(left.otherSurnames(), right.otherSurnames());
  }
}
