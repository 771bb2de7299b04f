package org.familyview.matching.compare;

import java.util.List;
import java.util.function.Function;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * A field that either agrees or not: identifiers (NHS number, UPN, PNC id), phone, email, sex.
 * Identifiers reach here only when valid, so a typo in one is missing, not a disagreement.
 */
final class ExactComparison implements Comparison {

  static final int DIFFERENT = 2;

  private final String name;
  private final Function<StandardisedRecord, @Nullable Object> field;

  ExactComparison(String name, Function<StandardisedRecord, @Nullable Object> field) {
    this.name = name;
    this.field = field;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> levels() {
    return List.of("missing", "same", "different");
  }

  @Override
  public int level(StandardisedRecord left, StandardisedRecord right) {
    Object l = field.apply(left);
    Object r = field.apply(right);
    if (l == null || r == null) {
      return MISSING;
    }
    return l.equals(r) ? EXACT : DIFFERENT;
  }

  @Override
  public boolean comparesCodes() {
    return true;
  }

  /** Each distinct value numbered from 1 in order of first appearance; 0 is missing. */
  @Override
  public int[] codes(List<StandardisedRecord> records) {
    int[] codes = new int[records.size()];
    java.util.Map<Object, Integer> numbers = new java.util.HashMap<>();
    for (int i = 0; i < codes.length; i++) {
      Object value = field.apply(records.get(i));
      codes[i] = value == null ? 0 : numbers.computeIfAbsent(value, v -> numbers.size() + 1);
    }
    return codes;
  }

  @Override
  public int level(int left, int right) {
    if (left == 0 || right == 0) {
      return MISSING;
    }
    return left == right ? EXACT : DIFFERENT;
  }
}
