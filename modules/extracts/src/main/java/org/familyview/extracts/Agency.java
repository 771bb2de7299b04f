package org.familyview.extracts;

import java.util.Locale;
import java.util.Optional;

/** A partner agency that delivers extracts; {@link #code()} is the name used in URLs and paths. */
public enum Agency {
  POLICE,
  HEALTH,
  COUNCIL,
  EDUCATION;

  /** Lower case, as in {@code /api/extracts/police} and {@code ./var/inbox/police/}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Agency> fromCode(String code) {
    for (Agency agency : values()) {
      if (agency.code().equalsIgnoreCase(code.strip())) {
        return Optional.of(agency);
      }
    }
    return Optional.empty();
  }
}
