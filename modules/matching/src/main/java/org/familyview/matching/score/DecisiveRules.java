package org.familyview.matching.score;

import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.compare.DateOfBirthComparison;
import org.familyview.matching.standardise.StandardisedRecord;

/**
 * Rules that settle a pair outright.
 *
 * <ul>
 *   <li>Two different valid NHS numbers: different people (the number is issued once per person).
 *   <li>The same valid NHS number or UPN with a compatible date of birth (same, a typing slip, or
 *       missing): the same person.
 *   <li>Twins and siblings: the same date of birth, surname and address but clearly different
 *       forenames, and a second sign of two people: a different recorded sex, different valid UPNs
 *       or PNC ids, both in one household of one agency's extract, or middle names with no initial
 *       in common. Scores alone would link them, since they share nearly everything. The second
 *       sign is required because a forename that is simply wrong (a registration under another
 *       name, a data-entry slip) looks the same as a twin's; without it the pair is left to the
 *       score.
 * </ul>
 */
final class DecisiveRules {

  // One instance of each outcome: a million records' candidates reach these rules tens of millions
  // of times, and an outcome allocated per pair was then compared by value to number it.
  private static final RuleOutcome DIFFERENT_NHS_NUMBERS =
      new RuleOutcome.CannotLink("different valid NHS numbers");
  private static final RuleOutcome SAME_NHS_NUMBER =
      new RuleOutcome.MustLink("same NHS number and compatible date of birth");
  private static final RuleOutcome SAME_UPN =
      new RuleOutcome.MustLink("same UPN and compatible date of birth");
  private static final RuleOutcome TWINS =
      new RuleOutcome.CannotLink(
          "twins or siblings: same date of birth, surname and address, different forenames");

  private final int forename;
  private final int surname;
  private final int dateOfBirth;
  private final int residence;
  private final int nhsNumber;
  private final int upn;
  private final int forenameElse;
  private final int sex;
  private final int pncId;

  DecisiveRules(ComparisonSet comparisons) {
    forename = comparisons.indexOf("forename");
    surname = comparisons.indexOf("surname");
    dateOfBirth = comparisons.indexOf("date_of_birth");
    residence = comparisons.indexOf("residence");
    nhsNumber = comparisons.indexOf("nhs_number");
    upn = comparisons.indexOf("upn");
    forenameElse = comparisons.get(forename).elseLevel();
    sex = comparisons.indexOf("sex");
    pncId = comparisons.indexOf("pnc_id");
  }

  RuleOutcome apply(StandardisedRecord left, StandardisedRecord right, int[] levels) {
    if (levels[nhsNumber] == 2) {
      return DIFFERENT_NHS_NUMBERS;
    }
    boolean compatibleBirth = DateOfBirthComparison.sameOrSlip(levels[dateOfBirth]);
    if (levels[nhsNumber] == 1 && compatibleBirth) {
      return SAME_NHS_NUMBER;
    }
    if (levels[upn] == 1 && compatibleBirth) {
      return SAME_UPN;
    }
    if (levels[dateOfBirth] == 1
        && levels[surname] >= 1
        && levels[surname] <= 2
        && levels[residence] >= 1
        && levels[residence] <= 3
        && levels[forename] == forenameElse
        && secondSignOfTwoPeople(left, right, levels)) {
      return TWINS;
    }
    return RuleOutcome.NONE;
  }

  private boolean secondSignOfTwoPeople(
      StandardisedRecord left, StandardisedRecord right, int[] levels) {
    return levels[sex] == 2
        || levels[upn] == 2
        || levels[pncId] == 2
        || (left.household() != null && left.household().equals(right.household()))
        || middleNamesDiffer(left, right);
  }

  /**
   * Both records give middle names and no initial is common to them: a twin's "Harry Kwame" beside
   * "Mary". One person's records keep their middle names' initials even through typing slips: at a
   * million generated records (seed 11) 1,036 falsely linked pairs of the twin pattern had middle
   * names with nothing in common, and no true pair of that pattern had (issue 13).
   */
  static boolean middleNamesDiffer(StandardisedRecord left, StandardisedRecord right) {
    if (left.middleNames().length == 0 || right.middleNames().length == 0) {
      return false;
    }
    for (String l : left.middleNames()) {
      for (String r : right.middleNames()) {
        if (!l.isEmpty() && !r.isEmpty() && l.charAt(0) == r.charAt(0)) {
          return false;
        }
      }
    }
    return true;
  }
}
