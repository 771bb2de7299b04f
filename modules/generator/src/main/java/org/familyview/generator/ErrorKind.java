package org.familyview.generator;

import java.util.Locale;
import java.util.Optional;

/**
 * The ways an agency's record of a person differs from the truth. Each has a flag name for {@code
 * --error}.
 */
enum ErrorKind {
  /** A letter of a name substituted, dropped, doubled or swapped with its neighbour. */
  TYPO("typo"),
  /** Day and month of the date of birth swapped (only where both are 12 or less). */
  DAY_MONTH_SWAP("dmswap"),
  /** Given and family name swapped. */
  NAME_SWAP("nameswap"),
  /** One optional value left out: date of birth, postcode, address, NHS number, sex. */
  MISSING("missing"),
  /** A "not known" value: UNKNOWN given name, 1900-01-01, 0000000000, ZZ99 postcode. */
  PLACEHOLDER("placeholder"),
  /** The same person twice in one agency, under two record ids. */
  DUPLICATE("duplicate"),
  /** The diminutive ("Liz") instead of the registered given name. */
  NICKNAME("nickname"),
  /** The previous address instead of the current one. */
  STALE_ADDRESS("stale"),
  /** The family name before a change, with the new one unknown to the agency. */
  OLD_NAME("oldname"),
  /** A mistyped digit in an NHS number or UPN, which then fails its check. */
  IDENTIFIER_TYPO("idtypo"),
  /** Harmless formatting: postcodes without a space or in lower case, NHS numbers spaced. */
  FORMAT("format"),
  /** Hard case: an honorific, ordinal or post-nominal typed into a name ("Sir", "3rd", "OBE"). */
  HONORIFIC("honorific"),
  /** Hard case: only the year of birth known, stored as 1 January of that year. */
  YEAR_ONLY_DATE("yearonly"),
  /** Hard case: one letter of the email address mistyped. */
  EMAIL_TYPO("emailtypo"),
  /** Hard case: the date of birth out by one day, one month or one year. */
  DATE_OF_BIRTH_SLIP("dobslip"),
  /** Hard case: one digit of the phone number mistyped, or two neighbours swapped. */
  PHONE_TYPO("phonetypo"),
  /**
   * Hard case: the middle names recorded carelessly: as initials, with the second left off, or with
   * one letter wrong.
   */
  MIDDLE_NAME_SLIP("middleslip");

  private final String flag;

  ErrorKind(String flag) {
    this.flag = flag;
  }

  String flag() {
    return flag;
  }

  static Optional<ErrorKind> fromFlag(String flag) {
    for (ErrorKind kind : values()) {
      if (kind.flag.equals(flag.toLowerCase(Locale.ROOT))) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
