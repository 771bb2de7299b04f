package org.familyview.identifiers;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Police National Computer id (PNC id, "PNC number"): the two-digit year the record was created,
 * a serial of up to seven digits and a check character, canonically written YY/NNNNNNNL with the
 * serial padded to seven digits ("79/0163001B").
 *
 * <p>Accepted input forms: short "79/163001B" (serial unpadded), canonical "79/0163001B", long
 * "1979/0163001B", each with or without the slash.
 *
 * <p>Check character: take the 9-digit number YY followed by the 7-digit serial, divide by 23 and
 * look the remainder up in ZABCDEFGHJKLMNPQRTUVWXY (0 = Z, 1 = A, ... 22 = Y; I, O and S are
 * skipped). The Home Office PNC manual that defines it is not public; this is the modulus-23 rule
 * applied to PNC ids by the Ministry of Justice person record service (hmpps-person-record,
 * PNCIdentifier) and used for CRO numbers, and the tests check it against ids published there.
 *
 * @param value the canonical form YY/NNNNNNNL
 */
public record PncId(String value) {

  static final String CHECK_ALPHABET = "ZABCDEFGHJKLMNPQRTUVWXY";

  public PncId {
    if (value.length() != 11 || !value.equals(canonical(value))) {
      throw new IllegalArgumentException("not a PNC id in the form YY/NNNNNNNL");
    }
    if (checkCharacter(year(value), serial(value)) != value.charAt(10)) {
      throw new IllegalArgumentException("the PNC id has the wrong check character");
    }
  }

  public static Reading<PncId> read(String raw) {
    String compact = Characters.compact(raw);
    if (compact.isEmpty()) {
      return Reading.missing();
    }
    String canonical = canonical(compact);
    if (canonical == null) {
      return Reading.invalid("is not in the form YY/NNNNNNNL");
    }
    if (checkCharacter(year(canonical), serial(canonical)) != canonical.charAt(10)) {
      return Reading.invalid("has the wrong check character");
    }
    return new Reading.Valid<>(new PncId(canonical));
  }

  public static Optional<PncId> parse(String raw) {
    return read(raw).toOptional();
  }

  public static boolean isValid(String raw) {
    return read(raw) instanceof Reading.Valid<PncId>;
  }

  /** Builds the id for a two-digit year and a serial, adding its check character. */
  public static PncId withCheckCharacter(int twoDigitYear, int serial) {
    if (twoDigitYear < 0 || twoDigitYear > 99 || serial < 0 || serial > 9_999_999) {
      throw new IllegalArgumentException("year must be 0-99 and serial 0-9999999");
    }
    return new PncId(
        String.format("%02d/%07d%c", twoDigitYear, serial, checkCharacter(twoDigitYear, serial)));
  }

  /** The two-digit year the PNC record was created. */
  public int year() {
    return year(value);
  }

  public int serial() {
    return serial(value);
  }

  private static int year(String canonical) {
    return Integer.parseInt(canonical, 0, 2, 10);
  }

  private static int serial(String canonical) {
    return Integer.parseInt(canonical, 3, 10, 10);
  }

  @Override
  public String toString() {
    return value;
  }

  static char checkCharacter(int twoDigitYear, int serial) {
    long number = twoDigitYear * 10_000_000L + serial;
    return CHECK_ALPHABET.charAt((int) (number % 23));
  }

  /** The canonical YY/NNNNNNNL form of a compacted id, or null if it has none of the forms. */
  private static @Nullable String canonical(String compact) {
    String year;
    String serial;
    int slash = compact.indexOf('/');
    int end = compact.length() - 1;
    if (end < 3 || !Character.isLetter(compact.charAt(end))) {
      return null;
    }
    if (slash >= 0) {
      year = compact.substring(0, slash);
      serial = compact.substring(slash + 1, end);
    } else if (compact.length() == 12) {
      year = compact.substring(0, 4);
      serial = compact.substring(4, end);
    } else {
      year = compact.substring(0, 2);
      serial = compact.substring(2, end);
    }
    if ((year.length() != 2 && year.length() != 4)
        || !Characters.allDigits(year, 0, year.length())
        || serial.length() > 7
        || !Characters.allDigits(serial, 0, serial.length())) {
      return null;
    }
    String yy = year.substring(year.length() - 2);
    return yy + "/" + "0".repeat(7 - serial.length()) + serial + compact.charAt(end);
  }
}
