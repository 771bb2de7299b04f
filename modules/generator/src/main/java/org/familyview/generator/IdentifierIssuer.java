package org.familyview.generator;

import java.util.HashMap;
import java.util.Map;
import org.familyview.identifiers.NhsNumber;
import org.familyview.identifiers.PncId;
import org.familyview.identifiers.Upn;

/**
 * Issues unique identifiers in the order people are created, so a seed gives the same numbers.
 *
 * <p>NHS numbers come from the range starting 999, which NHS England keeps for test data and never
 * issues to patients, so a synthetic number can never be a real person's. That range holds about
 * 9.09 million valid numbers (one prefix in eleven has no check digit), which caps the population
 * of one run.
 */
final class IdentifierIssuer {

  static final long MAX_PEOPLE = 9_000_000;

  private long nextNhsBody = 999_000_000L;
  private final Map<Integer, Integer> upnSerials = new HashMap<>();
  private final int[] pncSerials = new int[100];

  String nextNhsNumber() {
    while (nextNhsBody <= 999_999_999L) {
      var number = NhsNumber.withCheckDigit(Long.toString(nextNhsBody++));
      if (number.isPresent()) {
        return number.get().digits();
      }
    }
    throw new IllegalStateException("the 999 test range of NHS numbers is used up");
  }

  /**
   * A UPN for a pupil of school {@code establishment} (4 digits) in local authority {@code la},
   * allocated in {@code year}: check letter, LA, establishment, 2-digit year, 3-digit serial.
   */
  String nextUpn(int la, int establishment, int year) {
    int yy = year % 100;
    int key = (la * 10_000 + establishment) * 100 + yy;
    int serial = upnSerials.merge(key, 1, Integer::sum) - 1;
    if (serial > 999) {
      return nextUpn(la, 2000 + (establishment + 1 - 2000) % 8000, year);
    }
    String body = String.format("%03d%04d%02d%03d", la, establishment, yy, serial);
    return Upn.withCheckLetter(body).value();
  }

  /** A PNC id for a record created in {@code year}. */
  String nextPncId(int year) {
    int yy = year % 100;
    int serial = 100_000 + pncSerials[yy]++;
    return PncId.withCheckCharacter(yy, serial).value();
  }
}
