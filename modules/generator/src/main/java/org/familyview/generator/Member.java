package org.familyview.generator;

import java.time.LocalDate;
import org.familyview.extracts.Sex;
import org.jspecify.annotations.Nullable;

/**
 * A synthetic person as they truly are; the agencies' records of them are views with errors.
 * Mutable while a family is built, then only read.
 */
final class Member {

  final String personId;
  final Sex sex;
  final LocalDate dateOfBirth;
  String givenName;
  @Nullable String middleNames;
  String familyName;

  /** The family name before a change (marriage, a step-parent's name), if there was one. */
  @Nullable String previousFamilyName;

  /** The diminutive some agencies know them by ("Liz"), if any. */
  @Nullable String knownAs;

  String nhsNumber = "";
  @Nullable String upn;
  @Nullable String pncId;
  @Nullable String phone;
  @Nullable String email;

  Member(String personId, Sex sex, LocalDate dateOfBirth, String givenName, String familyName) {
    this.personId = personId;
    this.sex = sex;
    this.dateOfBirth = dateOfBirth;
    this.givenName = givenName;
    this.familyName = familyName;
  }

  /** Whole years of age on {@code date}; without Period, which allocates, as it is asked often. */
  int ageOn(LocalDate date) {
    int age = date.getYear() - dateOfBirth.getYear();
    if (date.getMonthValue() < dateOfBirth.getMonthValue()
        || (date.getMonthValue() == dateOfBirth.getMonthValue()
            && date.getDayOfMonth() < dateOfBirth.getDayOfMonth())) {
      age--;
    }
    return age;
  }
}
