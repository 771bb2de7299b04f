package org.familyview.audit.report;

import java.util.Locale;

/**
 * One line of the staff register, normalised for matching: family names compared without case or
 * surrounding space, postcodes without case or spaces (as {@code source_person} holds them from
 * different agencies in different spellings).
 */
public record StaffMember(String username, String familyName, String postcode) {

  public static StaffMember of(String username, String familyName, String postcode) {
    return new StaffMember(
        username.strip(), normaliseName(familyName), normalisePostcode(postcode));
  }

  static String normaliseName(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  static String normalisePostcode(String postcode) {
    return postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }
}
