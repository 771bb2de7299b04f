package org.familyview.matching.compare;

import java.util.List;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * Where the person lives: address and postcode compared together as one comparison. They are not
 * independent evidence (the same address almost always has the same postcode), and adding their
 * weights separately would count one fact twice, which is exactly how household members end up
 * linked to each other.
 */
final class ResidenceComparison implements Comparison {

  static final int ADDRESS_AND_POSTCODE = 1;
  static final int ADDRESS = 2;
  static final int POSTCODE = 3;
  static final int NEARBY = 4;
  static final int DISTRICT = 5;
  static final int ELSE = 6;

  private final PostcodeComparison postcode = new PostcodeComparison();
  private final AddressComparison address = new AddressComparison();

  @Override
  public String name() {
    return "residence";
  }

  @Override
  public List<String> levels() {
    return List.of(
        "missing",
        "same address and postcode",
        "same address, postcode differs or missing",
        "same postcode, address differs or missing",
        "same postcode sector or some address words",
        "same postcode district or one character apart",
        "different");
  }

  @Override
  public int level(StandardisedRecord left, StandardisedRecord right) {
    int p = postcode.level(left, right);
    int a = address.level(left, right);
    if (p == MISSING && a == MISSING) {
      return MISSING;
    }
    boolean sameAddress = a == EXACT || a == AddressComparison.MOST_WORDS;
    if (sameAddress) {
      return p == EXACT ? ADDRESS_AND_POSTCODE : ADDRESS;
    }
    if (p == EXACT) {
      return POSTCODE;
    }
    if (p == PostcodeComparison.SECTOR || a == AddressComparison.SOME_WORDS) {
      return NEARBY;
    }
    return p == PostcodeComparison.DISTRICT ? DISTRICT : ELSE;
  }

  /** A shared postcode (without the address) is worth more when few people live in it. */
  @Override
  public int termFrequencyLevel() {
    return POSTCODE;
  }

  @Override
  public @Nullable String termFrequencyValue(StandardisedRecord record) {
    return record.postcode();
  }
}
