package org.familyview.extracts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A partner's id as configured in {@code config/partners/}: lower-case letters, digits and hyphens,
 * starting with a letter, at most 40 characters ({@code police}, {@code health-south}). It is the
 * name used in URLs ({@code /api/extracts/police}), drop folders ({@code ./var/inbox/police/}), the
 * Keycloak {@code agency} attribute and event references.
 *
 * <p>The store keeps it upper case ({@link #stored()}, {@code POLICE}, {@code HEALTH-SOUTH}):
 * version 1 stored the four agencies by enum name, and keeping that form means an upgraded database
 * needs no rewrite of its records.
 */
public record PartnerId(String code) implements Comparable<PartnerId> {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

  /** Version 1's four agencies, the partners of the default single-authority configuration. */
  public static final PartnerId POLICE = new PartnerId("police");

  public static final PartnerId HEALTH = new PartnerId("health");
  public static final PartnerId COUNCIL = new PartnerId("council");
  public static final PartnerId EDUCATION = new PartnerId("education");

  /** Version 1's partners, in their v1 order. */
  public static final List<PartnerId> V1 = List.of(POLICE, HEALTH, COUNCIL, EDUCATION);

  public PartnerId {
    if (!ID.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "a partner id is lower-case letters, digits and hyphens, starting with a letter: '"
              + code
              + "'");
    }
  }

  /** Reads an id as a person or a URL may write it: surrounding spaces and case do not matter. */
  public static Optional<PartnerId> fromCode(String code) {
    String normal = code.strip().toLowerCase(Locale.ROOT);
    return isValid(normal) ? Optional.of(new PartnerId(normal)) : Optional.empty();
  }

  /** The id of a value the store holds ({@code POLICE}). */
  public static PartnerId fromStored(String stored) {
    return new PartnerId(stored.toLowerCase(Locale.ROOT));
  }

  public static boolean isValid(String code) {
    return ID.matcher(code).matches();
  }

  /** As the store keeps it: upper case, as version 1 stored its enum names. */
  public String stored() {
    return code.toUpperCase(Locale.ROOT);
  }

  @Override
  public int compareTo(PartnerId other) {
    return code.compareTo(other.code);
  }

  @Override
  public String toString() {
    return code;
  }
}
