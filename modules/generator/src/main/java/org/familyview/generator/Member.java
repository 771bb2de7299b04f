package org.familyview.generator;

import java.time.LocalDate;
import java.time.Period;
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

  int ageOn(LocalDate date) {
    return Period.between(dateOfBirth, date).getYears();
  }
}
