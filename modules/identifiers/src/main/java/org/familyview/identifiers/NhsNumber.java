package org.familyview.identifiers;

import java.util.Optional;

/**
 * An NHS number: ten digits, the last a modulus-11 check digit.
 *
 * <p>Check digit, from the NHS Data Dictionary, "NHS Number" (attribute definition, "Modulus 11
 * algorithm"): multiply each of the first nine digits by a weight from 10 down to 2, add the
 * products, take the remainder on division by 11 and subtract it from 11. A result of 11 gives
 * check digit 0; a result of 10 means the nine digits are never issued, so no ten-digit number
 * starting with them is valid.
 *
 * <p>Placeholders: a number made of one repeated digit (0000000000, 9999999999, ...) is what
 * systems type when the number is not known; some of them even pass the check (1111111111), so they
 * are read as missing, not as a person's number.
 *
 * @param digits the ten digits, without spaces
 */
public record NhsNumber(String digits) {

  public NhsNumber {
    if (digits.length() != 10 || !Characters.allDigits(digits, 0, 10)) {
      throw new IllegalArgumentException("an NHS number has ten digits");
    }
    if (checkDigit(digits) != digits.charAt(9) - '0') {
      throw new IllegalArgumentException("the NHS number fails the modulus-11 check");
    }
  }

  /** Reads a raw value: spaces and hyphens between digits are allowed ("943 476 5919"). */
  public static Reading<NhsNumber> read(String raw) {
    String compact = Characters.compact(raw);
    if (compact.isEmpty() || isRepeatedDigit(compact)) {
      return Reading.missing();
    }
    if (compact.length() != 10 || !Characters.allDigits(compact, 0, 10)) {
      return Reading.invalid("is not ten digits");
    }
    if (checkDigit(compact) != compact.charAt(9) - '0') {
      return Reading.invalid("fails the modulus-11 check");
    }
    return new Reading.Valid<>(new NhsNumber(compact));
  }

  public static Optional<NhsNumber> parse(String raw) {
    return read(raw).toOptional();
  }

  public static boolean isValid(String raw) {
    return read(raw) instanceof Reading.Valid<NhsNumber>;
  }

  /**
   * Completes nine digits with their check digit, for generators. Nine digits whose check digit
   * would be 10 are never issued, so they give empty.
   */
  public static Optional<NhsNumber> withCheckDigit(String nineDigits) {
    if (nineDigits.length() != 9 || !Characters.allDigits(nineDigits, 0, 9)) {
      throw new IllegalArgumentException("expected nine digits");
    }
    int check = checkDigit(nineDigits);
    return check == 10 ? Optional.empty() : Optional.of(new NhsNumber(nineDigits + check));
  }

  /** "943 476 5919", the 3-3-4 grouping printed on NHS letters and cards. */
  public String formatted() {
    return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
  }

  @Override
  public String toString() {
    return digits;
  }

  /** The check digit for the first nine digits of {@code s}: 0 to 9, or 10 for "never issued". */
  static int checkDigit(String s) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (s.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    return check == 11 ? 0 : check;
  }

  private static boolean isRepeatedDigit(String s) {
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) != s.charAt(0)) {
        return false;
      }
    }
    return Character.isDigit(s.charAt(0));
  }
}
