package org.familyview.generator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.SplittableRandom;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.PersonColumn;

/**
 * The hard cases of public person-linkage sets, as record errors a profile can switch on:
 * honorifics, ordinals and post-nominals inside names, year-only dates of birth stored as 1
 * January, dates of birth out by a day, a month or a year, emails and phones with one character
 * wrong, and middle names recorded carelessly (initials, the second left off, a letter wrong).
 * {@code --profile hard} sets them for every agency (rates below); each can also be set alone with
 * {@code --error honorific=RATE}, {@code yearonly=RATE}, {@code emailtypo=RATE}, {@code
 * dobslip=RATE}, {@code phonetypo=RATE}, {@code middleslip=RATE}. The world's own hard cases
 * (twins, parents and children sharing names, namesakes) are made by the family model at its usual
 * rates.
 */
final class HardCases {

  static final double HONORIFIC_RATE = 0.03;
  static final double YEAR_ONLY_RATE = 0.02;
  static final double EMAIL_TYPO_RATE = 0.05;
  static final double DATE_OF_BIRTH_SLIP_RATE = 0.03;
  static final double PHONE_TYPO_RATE = 0.03;
  static final double MIDDLE_NAME_SLIP_RATE = 0.08;

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
                .with(ErrorKind.EMAIL_TYPO, EMAIL_TYPO_RATE)
                .with(ErrorKind.DATE_OF_BIRTH_SLIP, DATE_OF_BIRTH_SLIP_RATE)
                .with(ErrorKind.PHONE_TYPO, PHONE_TYPO_RATE)
                .with(ErrorKind.MIDDLE_NAME_SLIP, MIDDLE_NAME_SLIP_RATE));
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

  /**
   * The date of birth a day, a month or a year out, as a clerk's slip or a calculation from an age
   * makes it; false if there is no date or it is not a calendar date.
   */
  static boolean dateOfBirthSlip(String[] f, SplittableRandom r) {
    int dob = PersonColumn.DATE_OF_BIRTH.ordinal();
    if (f[dob] == null) {
      return false;
    }
    LocalDate d;
    try {
      d = LocalDate.parse(f[dob]);
    } catch (DateTimeParseException e) {
      return false;
    }
    int sign = r.nextBoolean() ? 1 : -1;
    LocalDate slipped =
        switch (r.nextInt(3)) {
          case 0 -> d.plusDays(sign);
          case 1 -> d.plusMonths(sign);
          default -> d.plusYears(sign);
        };
    f[dob] = slipped.toString();
    return !slipped.equals(d);
  }

  /** One digit of the phone number replaced or swapped with its neighbour; false if none fits. */
  static boolean phoneTypo(String[] f, SplittableRandom r) {
    int phone = PersonColumn.PHONE.ordinal();
    String value = f[phone];
    if (value == null || value.length() < 4) {
      return false;
    }
    char[] c = value.toCharArray();
    int i = 1 + r.nextInt(c.length - 2);
    if (!Character.isDigit(c[i]) || !Character.isDigit(c[i + 1])) {
      return false;
    }
    if (r.nextBoolean() && c[i] != c[i + 1]) {
      char t = c[i];
      c[i] = c[i + 1];
      c[i + 1] = t;
    } else {
      c[i] = (char) ('0' + (c[i] - '0' + 1) % 10);
    }
    f[phone] = new String(c);
    return true;
  }

  /**
   * The middle names as an agency in a hurry keeps them: initials only ("James Paul" as "J P"), the
   * second of two left off, or one letter of the first wrong; false if there are none.
   */
  static boolean middleNameSlip(String[] f, SplittableRandom r) {
    int column = PersonColumn.MIDDLE_NAMES.ordinal();
    String middle = f[column];
    if (middle == null || middle.isBlank()) {
      return false;
    }
    String[] names = middle.trim().split(" +");
    int kind = r.nextInt(3);
    if (kind == 1 && names.length > 1) {
      f[column] = names[0];
    } else if (kind == 2 && names[0].length() >= 4) {
      char[] c = names[0].toCharArray();
      int at = 1 + r.nextInt(c.length - 2);
      char t = c[at];
      c[at] = c[at + 1];
      c[at + 1] = t;
      names[0] = new String(c);
      f[column] = String.join(" ", names);
    } else {
      StringBuilder initials = new StringBuilder();
      for (String name : names) {
        initials.append(initials.isEmpty() ? "" : " ").append(name.charAt(0));
      }
      f[column] = initials.toString();
    }
    return !f[column].equals(middle);
  }
}
