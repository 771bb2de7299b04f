package org.familyview.matching.compare;

import java.util.List;
import org.familyview.matching.standardise.StandardisedRecord;

/**
 * The comparisons a model is made of, in a fixed order. The order is part of the parameter file
 * format, so new comparisons go at the end.
 */
public final class ComparisonSet {

  private final List<Comparison> comparisons;
  private final int[] radix;

  public ComparisonSet(List<Comparison> comparisons) {
    this.comparisons = List.copyOf(comparisons);
    this.radix = new int[comparisons.size()];
    long product = 1;
    for (int k = comparisons.size() - 1; k >= 0; k--) {
      radix[k] = (int) product;
      product *= comparisons.get(k).levelCount();
    }
    if (product > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many agreement patterns to encode");
    }
  }

  /** Names, date of birth, residence, sex, identifiers, phone, email and middle names. */
  public static ComparisonSet standard() {
    return new ComparisonSet(
        List.of(
            new ForenameComparison(),
            new SurnameComparison(),
            new DateOfBirthComparison(),
            new ResidenceComparison(),
            new SexComparison(),
            new ExactComparison("nhs_number", StandardisedRecord::nhsNumber),
            new ExactComparison("upn", StandardisedRecord::upn),
            new ExactComparison("pnc_id", StandardisedRecord::pncId),
            new TypoComparison("phone", StandardisedRecord::phone),
            new TypoComparison("email", StandardisedRecord::email),
            new MiddleNameComparison()));
  }

  public List<Comparison> comparisons() {
    return comparisons;
  }

  public int size() {
    return comparisons.size();
  }

  public Comparison get(int k) {
    return comparisons.get(k);
  }

  public int indexOf(String name) {
    for (int k = 0; k < comparisons.size(); k++) {
      if (comparisons.get(k).name().equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException("no comparison named " + name);
  }

  /** Fills {@code levels} with each comparison's level for the pair. */
  public void compare(StandardisedRecord left, StandardisedRecord right, int[] levels) {
    for (int k = 0; k < levels.length; k++) {
      levels[k] = comparisons.get(k).level(left, right);
    }
  }

  /** An agreement pattern as one int (mixed radix), for counting patterns cheaply. */
  public int encode(int[] levels) {
    int code = 0;
    for (int k = 0; k < levels.length; k++) {
      code += levels[k] * radix[k];
    }
    return code;
  }

  public void decode(int code, int[] levels) {
    for (int k = 0; k < levels.length; k++) {
      levels[k] = code / radix[k];
      code %= radix[k];
    }
  }
}
