package org.familyview.generator;

import java.util.Map;
import java.util.SplittableRandom;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.PersonColumn;

/**
 * The hard cases of public person-linkage sets, as record errors a profile can switch on:
 * honorifics, ordinals and post-nominals inside names, year-only dates of birth stored as 1
 * January, and emails with one letter wrong. {@code --profile hard} sets them for every agency
 * (rates below); each can also be set alone with {@code --error honorific=RATE}, {@code
 * yearonly=RATE}, {@code emailtypo=RATE}. The world's own hard cases (twins, parents and children
 * sharing names, namesakes) are made by the family model at its usual rates.
 */
final class HardCases {

  static final double HONORIFIC_RATE = 0.03;
  static final double YEAR_ONLY_RATE = 0.02;
  static final double EMAIL_TYPO_RATE = 0.05;

  private static final String[] BEFORE_MALE = {"Sir", "Lord", "Rev", "Dr"};
  private static final String[] BEFORE_FEMALE = {"Dame", "Lady", "Rev", "Dr"};
  private static final String[] AFTER = {"Bt", "Bart", "KC", "QC", "OBE", "Jr", "Sr", "III", "2nd"};

  private HardCases() {}

  /** The profiles with the hard cases switched on at their rates. */
  static void switchOn(Map<PartnerId, ErrorProfile> profiles) {
    profiles.replaceAll(
        (agency, profile) ->
            profile
                .with(ErrorKind.HONORIFIC, HONORIFIC_RATE)
                .with(ErrorKind.YEAR_ONLY_DATE, YEAR_ONLY_RATE)
                .with(ErrorKind.EMAIL_TYPO, EMAIL_TYPO_RATE));
  }

  /** A title before the given name or a suffix after the family name; false if none fits. */
  static boolean honorific(String[] f, SplittableRandom r) {
    int given = PersonColumn.GIVEN_NAME.ordinal();
    int family = PersonColumn.FAMILY_NAME.ordinal();
    if (r.nextBoolean() && f[given] != null) {
      String[] titles = "F".equals(f[PersonColumn.SEX.ordinal()]) ? BEFORE_FEMALE : BEFORE_MALE;
      f[given] = titles[r.nextInt(titles.length)] + " " + f[given];
      return true;
    }
    if (f[family] != null) {
      f[family] = f[family] + " " + AFTER[r.nextInt(AFTER.length)];
      return true;
    }
    return false;
  }

  /** The date of birth as 1 January of its year; false if there is none. */
  static boolean yearOnly(String[] f) {
    int dob = PersonColumn.DATE_OF_BIRTH.ordinal();
    if (f[dob] == null || f[dob].length() < 4 || f[dob].endsWith("-01-01")) {
      return false;
    }
    f[dob] = f[dob].substring(0, 4) + "-01-01";
    return true;
  }

  /** One letter of the email's local part replaced by its neighbour; false if there is none. */
  static boolean emailTypo(String[] f, SplittableRandom r) {
    int email = PersonColumn.EMAIL.ordinal();
    String value = f[email];
    int at = value == null ? -1 : value.indexOf('@');
    if (at < 2) {
      return false;
    }
    int i = r.nextInt(at);
    char c = value.charAt(i);
    if (c < 'a' || c > 'y') {
      return false;
    }
    f[email] = value.substring(0, i) + (char) (c + 1) + value.substring(i + 1);
    return true;
  }
}
