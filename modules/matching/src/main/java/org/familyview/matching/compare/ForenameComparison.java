package org.familyview.matching.compare;

import java.util.List;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * First given name: exact; the same person by the nickname table or an alias (Bill, William);
 * Jaro-Winkler at least 0.92; similar (same Double Metaphone key, Jaro-Winkler at least 0.80, an
 * initial, or the other record's middle name); else.
 */
final class ForenameComparison implements Comparison {

  static final int NICKNAME = 2;
  static final int CLOSE = 3;
  static final int SIMILAR = 4;
  static final int ELSE = 5;

  @Override
  public String name() {
    return "forename";
  }

  @Override
  public List<String> levels() {
    return List.of(
        "missing",
        "exact",
        "nickname or alias",
        "Jaro-Winkler >= 0.92",
        "phonetic, Jaro-Winkler >= 0.80, initial or middle name",
        "different");
  }

  @Override
  public int level(StandardisedRecord left, StandardisedRecord right) {
    if (NameSwap.isSwapped(left, right)) {
      return SurnameComparison.nameLevel(left.forename(), right.surname());
    }
    String l = left.forename();
    String r = right.forename();
    if (l == null || r == null) {
      return MISSING;
    }
    if (l.equals(r)) {
      return EXACT;
    }
    if (Similarity.intersects(left.forenameForms(), right.forenameForms())
        || Similarity.intersects(left.forenameForms(), right.otherForenames())
        || Similarity.intersects(left.otherForenames(), right.forenameForms())) {
      return NICKNAME;
    }
    double jw = Similarity.jaroWinklerAtLeast(l, r, 0.80);
    if (jw >= 0.92) {
      return CLOSE;
    }
    if (jw >= 0.80
        || isInitialOf(l, r)
        || isInitialOf(r, l)
        || codesAgree(left.forenameCode(), right.forenameCode())
        || Similarity.contains(right.middleNames(), l)
        || Similarity.contains(left.middleNames(), r)) {
      return SIMILAR;
    }
    return ELSE;
  }

  @Override
  public @Nullable String termFrequencyValue(StandardisedRecord record) {
    return record.forename();
  }

  private static boolean isInitialOf(String initial, String name) {
    return initial.length() == 1 && name.charAt(0) == initial.charAt(0);
  }

  static boolean codesAgree(@Nullable String left, @Nullable String right) {
    return left != null && left.equals(right);
  }
}
