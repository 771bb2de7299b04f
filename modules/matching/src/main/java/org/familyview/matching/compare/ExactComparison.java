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
}
