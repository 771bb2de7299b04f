package org.familyview.identifiers;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Unique Pupil Number: 13 characters, a check letter then twelve characters (a 3-digit local
 * authority number, a 4-digit establishment number, the 2-digit year of allocation and a 3-digit
 * serial). A temporary UPN ends in a letter instead of the last serial digit.
 *
 * <p>Check letter, from the Department for Education, "Unique Pupil Numbers (UPN): guidance for
 * schools and local authorities" (UPN guide 1.2, annex on the check letter): multiply characters 2
 * to 13 by weights 2 to 13 (a letter in position 13 counts by its place in the check alphabet), add
 * the products, take the remainder on division by 23 and look it up in ABCDEFGHJKLMNPQRTUVWXYZ (A =
 * 0 ... Z = 22; I, O and S are never used).
 *
 * @param value the 13 characters, upper case
 */
public record Upn(String value) {

  static final String CHECK_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";

  public Upn {
    String defect = defect(value);
    if (defect != null) {
      throw new IllegalArgumentException("the UPN " + defect);
    }
  }

  public static Reading<Upn> read(String raw) {
    String compact = Characters.compact(raw);
    if (compact.isEmpty()) {
      return Reading.missing();
    }
    String defect = defect(compact);
    return defect == null ? new Reading.Valid<>(new Upn(compact)) : Reading.invalid(defect);
  }

  public static Optional<Upn> parse(String raw) {
    return read(raw).toOptional();
  }

  public static boolean isValid(String raw) {
    return read(raw) instanceof Reading.Valid<Upn>;
  }

  /** Prefixes twelve characters (LA, establishment, year, serial) with their check letter. */
  public static Upn withCheckLetter(String twelveCharacters) {
    String body = Characters.compact(twelveCharacters);
    if (body.length() != 12 || !Characters.allDigits(body, 0, 11)) {
      throw new IllegalArgumentException("expected 11 digits and a digit or letter");
    }
    return new Upn(checkLetter(body) + body);
  }

  /** The local authority number (characters 2 to 4), e.g. "801" for Bristol. */
  public String localAuthority() {
    return value.substring(1, 4);
  }

  /** A temporary UPN, issued when the permanent one is not known, ends in a letter. */
  public boolean isTemporary() {
    return !Character.isDigit(value.charAt(12));
  }

  @Override
  public String toString() {
    return value;
  }

  static char checkLetter(String twelve) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      char c = twelve.charAt(i);
      int v = Character.isDigit(c) ? c - '0' : CHECK_ALPHABET.indexOf(c);
      sum += v * (i + 2);
    }
    return CHECK_ALPHABET.charAt(sum % 23);
  }

  private static @Nullable String defect(String compact) {
    if (compact.length() != 13) {
      return "is not 13 characters";
    }
    char last = compact.charAt(12);
    boolean lastOk = (last >= '0' && last <= '9') || CHECK_ALPHABET.indexOf(last) >= 0;
    if (CHECK_ALPHABET.indexOf(compact.charAt(0)) < 0
        || !Characters.allDigits(compact, 1, 12)
        || !lastOk) {
      return "is not a check letter followed by 11 digits and a digit or letter";
    }
    if (checkLetter(compact.substring(1)) != compact.charAt(0)) {
      return "has the wrong check letter";
    }
    return null;
  }
}
