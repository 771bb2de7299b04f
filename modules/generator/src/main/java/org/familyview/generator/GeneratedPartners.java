package org.familyview.generator;

import org.familyview.extracts.PartnerId;
import org.familyview.extracts.PartnerKind;
import org.jspecify.annotations.Nullable;

/**
 * The generator's partners are named by their kind, with a suffix for a second one of a kind
 * ({@code health}, {@code health-south}): what a record looks like (its ids, identifiers, error
 * rates) follows the kind.
 */
final class GeneratedPartners {

  /**
   * The authority whose families' records go to the second partner of each kind, when the world is
   * written with one partner per authority ({@code --partners by-authority}).
   */
  static final String SECOND_AUTHORITY = "southshire";

  private GeneratedPartners() {}

  /**
   * The second authority's partner of {@code partner}'s kind ({@code health} → {@code
   * health-south}), or null for the police: one force serves both authorities, as in
   * config/partners.
   */
  static @Nullable PartnerId southOf(PartnerId partner) {
    return kindOf(partner) == PartnerKind.POLICE ? null : new PartnerId(partner.code() + "-south");
  }

  static PartnerKind kindOf(PartnerId partner) {
    String code = partner.code();
    int hyphen = code.indexOf('-');
    String kind = hyphen < 0 ? code : code.substring(0, hyphen);
    return PartnerKind.fromCode(kind)
        .orElseThrow(() -> new IllegalArgumentException("the generator has no partner " + code));
  }
}
