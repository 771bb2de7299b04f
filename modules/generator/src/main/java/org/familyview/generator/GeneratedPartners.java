package org.familyview.generator;

import org.familyview.extracts.PartnerId;
import org.familyview.extracts.PartnerKind;

/**
 * The generator's partners are named by their kind, with a suffix for a second one of a kind
 * ({@code health}, {@code health-south}): what a record looks like (its ids, identifiers, error
 * rates) follows the kind.
 */
final class GeneratedPartners {

  private GeneratedPartners() {}

  static PartnerKind kindOf(PartnerId partner) {
    String code = partner.code();
    int hyphen = code.indexOf('-');
    String kind = hyphen < 0 ? code : code.substring(0, hyphen);
    return PartnerKind.fromCode(kind)
        .orElseThrow(() -> new IllegalArgumentException("the generator has no partner " + code));
  }
}
