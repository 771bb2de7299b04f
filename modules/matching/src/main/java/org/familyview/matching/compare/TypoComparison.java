package org.familyview.matching.compare;

import java.util.List;
import java.util.function.Function;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * A contact detail typed by hand, phone or email: the same; one edit apart (a character replaced,
 * added or dropped, or two neighbours swapped: the optimal string alignment distance of Damerau
 * 1964 at most 1); different. A one-letter slip in an email is near agreement, not disagreement:
 * random people's addresses are almost never one edit apart, so the level's u is tiny and its m is
 * whatever share of one person's records carries such a slip.
 */
final class TypoComparison implements Comparison {

  static final int ONE_EDIT = 2;
  static final int DIFFERENT = 3;

  private final String name;
  private final Function<StandardisedRecord, @Nullable String> field;

  TypoComparison(String name, Function<StandardisedRecord, @Nullable String> field) {
    this.name = name;
    this.field = field;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> levels() {
    return List.of("missing", "same", "one character different or two swapped", "different");
  }

  @Override
  public int level(StandardisedRecord left, StandardisedRecord right) {
    String l = field.apply(left);
    String r = field.apply(right);
    if (l == null || r == null) {
      return MISSING;
    }
    if (l.equals(r)) {
      return EXACT;
    }
    return withinOneEdit(l, r) ? ONE_EDIT : DIFFERENT;
  }

  /** Whether two different strings are one substitution, insertion, deletion or swap apart. */
  static boolean withinOneEdit(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int start = 0;
    while (start < la && start < lb && a.charAt(start) == b.charAt(start)) {
      start++;
    }
    int endA = la;
    int endB = lb;
    while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
      endA--;
      endB--;
    }
    int restA = endA - start;
    int restB = endB - start;
    if (restA <= 1 && restB <= 1) {
      return true;
    }
    return restA == 2
        && restB == 2
        && a.charAt(start) == b.charAt(start + 1)
        && a.charAt(start + 1) == b.charAt(start);
  }
}
