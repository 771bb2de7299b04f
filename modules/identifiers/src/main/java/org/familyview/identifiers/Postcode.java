package org.familyview.identifiers;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A UK postcode, split into its outward code ("SW1A") and inward code ("1AA").
 *
 * <p>Format, from the Royal Mail Programmers' Guide to the Postcode Address File and BS 7666: the
 * outward code is one of A9, A99, AA9, AA99, A9A or AA9A; the inward code is 9AA. Letters are
 * restricted by position: never Q, V or X first; never I, J or Z second; only ABCDEFGHJKPSTUW in
 * the third position of A9A; only ABEHMNPRVWXY in the fourth position of AA9A; never C, I, K, M, O
 * or V in the inward code. GIR 0AA (the one non-geographic legacy code) is accepted. Crown
 * dependency codes (GY, JE, IM) share the format and are accepted; overseas territories' codes
 * (e.g. STHL 1ZZ) and foreign formats are not.
 *
 * <p>Placeholders: the NHS pseudo-postcodes ZZ99 (no fixed abode, not known, abroad) do not have
 * the format, so they read as missing rather than invalid.
 *
 * @param outward the outward code, upper case, e.g. "SW1A"
 * @param inward the inward code, upper case, e.g. "1AA"
 */
public record Postcode(String outward, String inward) {

  private static final String NOT_FIRST = "QVX";
  private static final String NOT_SECOND = "IJZ";
  private static final String THIRD_OF_A9A = "ABCDEFGHJKPSTUW";
  private static final String FOURTH_OF_AA9A = "ABEHMNPRVWXY";
  private static final String NOT_INWARD = "CIKMOV";

  public Postcode {
    String defect = defect(outward + inward);
    if (defect != null || inward.length() != 3) {
      throw new IllegalArgumentException("not a UK postcode");
    }
  }

  /** Reads a raw value in any case and with any spacing ("sw1a1aa", " SW1A 1AA "). */
  public static Reading<Postcode> read(String raw) {
    String compact = Characters.compact(raw);
    if (compact.isEmpty() || compact.startsWith("ZZ99")) {
      return Reading.missing();
    }
    String defect = defect(compact);
    if (defect != null) {
      return Reading.invalid(defect);
    }
    int split = compact.length() - 3;
    return new Reading.Valid<>(new Postcode(compact.substring(0, split), compact.substring(split)));
  }

  public static Optional<Postcode> parse(String raw) {
    return read(raw).toOptional();
  }

  public static boolean isValid(String raw) {
    return read(raw) instanceof Reading.Valid<Postcode>;
  }

  /** The postcode area: the leading letters of the outward code ("SW"). */
  public String area() {
    int i = 0;
    while (i < outward.length() && Character.isLetter(outward.charAt(i))) {
      i++;
    }
    return outward.substring(0, i);
  }

  /** The postcode district: the outward code ("SW1A"). */
  public String district() {
    return outward;
  }

  /** The postcode sector: the outward code and the inward digit ("SW1A 1"). */
  public String sector() {
    return outward + " " + inward.charAt(0);
  }

  /** The full postcode unit in its normal written form ("SW1A 1AA"). */
  public String unit() {
    return outward + " " + inward;
  }

  @Override
  public String toString() {
    return unit();
  }

  private static @Nullable String defect(String compact) {
    if (compact.equals("GIR0AA")) {
      return null;
    }
    int length = compact.length();
    if (length < 5 || length > 7) {
      return "is not a UK postcode (wrong length)";
    }
    if (!isInward(compact, length - 3)) {
      return "is not a UK postcode (the last three characters must be a digit and two letters)";
    }
    if (!isOutward(compact.substring(0, length - 3))) {
      return "is not a UK postcode (the outward code is malformed)";
    }
    return null;
  }

  private static boolean isInward(String s, int at) {
    return isDigit(s.charAt(at))
        && inwardLetter(s.charAt(at + 1))
        && inwardLetter(s.charAt(at + 2));
  }

  private static boolean inwardLetter(char c) {
    return isLetter(c) && NOT_INWARD.indexOf(c) < 0;
  }

  private static boolean isOutward(String o) {
    if (o.isEmpty() || !isLetter(o.charAt(0)) || NOT_FIRST.indexOf(o.charAt(0)) >= 0) {
      return false;
    }
    return switch (o.length()) {
      case 2 -> isDigit(o.charAt(1)); // A9
      case 3 ->
          (isDigit(o.charAt(1)) && isDigit(o.charAt(2))) // A99
              || (secondLetter(o.charAt(1)) && isDigit(o.charAt(2))) // AA9
              || (isDigit(o.charAt(1)) && THIRD_OF_A9A.indexOf(o.charAt(2)) >= 0); // A9A
      case 4 ->
          secondLetter(o.charAt(1))
              && isDigit(o.charAt(2))
              && (isDigit(o.charAt(3)) // AA99
                  || FOURTH_OF_AA9A.indexOf(o.charAt(3)) >= 0); // AA9A
      default -> false;
    };
  }

  private static boolean secondLetter(char c) {
    return isLetter(c) && NOT_SECOND.indexOf(c) < 0;
  }

  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
