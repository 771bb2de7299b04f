package org.familyview.extracts;

import java.util.Locale;
import java.util.Optional;

/**
 * What sort of organisation a partner is. The kind chooses the partner's standard vocabulary: event
 * type codes are prefixed by the kind ({@code health.ae_attendance}), so two NHS trusts share one
 * vocabulary and one set of sharing rules, and kind-specific rules (a police record's caution in
 * review) apply to every partner of that kind.
 */
public enum PartnerKind {
  POLICE,
  HEALTH,
  COUNCIL,
  EDUCATION,
  HOUSING,
  OTHER;

  /** Lower case, as in configuration and event type codes. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<PartnerKind> fromCode(String code) {
    for (PartnerKind kind : values()) {
      if (kind.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
