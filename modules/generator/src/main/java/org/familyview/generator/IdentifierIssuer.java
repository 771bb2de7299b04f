package org.familyview.generator;

import java.util.HashMap;
import java.util.Map;
import org.familyview.identifiers.NhsNumber;
import org.familyview.identifiers.PncId;
import org.familyview.identifiers.Upn;

/**
 * Issues unique identifiers in the order people are created, so a seed gives the same numbers.
 *
 * <p>NHS numbers come from the block starting 99: numbers beginning with 9 are not issued to
 * patients anywhere in the UK (England and Wales issue from 400 and 600 to 799, Scotland's CHI
 * numbers begin 0 to 3, Northern Ireland's 320 to 399), NHS test environments use them, and NHS
 * England reserves 999 for test data. So a synthetic number can never be a real patient's. The 99
 * block holds about 9.09 million valid numbers (one prefix in eleven has no check digit), which
 * caps the population of one run.
 */
final class IdentifierIssuer {

  static final long MAX_PEOPLE = 9_000_000;

  private long nextNhsBody = 990_000_000L;
  private final Map<Integer, Integer> upnSerials = new HashMap<>();
  private final int[] pncSerials = new int[100];

  String nextNhsNumber() {
    while (nextNhsBody <= 999_999_999L) {
      var number = NhsNumber.withCheckDigit(Long.toString(nextNhsBody++));
      if (number.isPresent()) {
        return number.get().digits();
      }
    }
    throw new IllegalStateException("the 99 block of NHS numbers is used up");
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
