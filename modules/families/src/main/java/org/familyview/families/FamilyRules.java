package org.familyview.families;

/**
 * The thresholds of family grouping.
 *
 * @param adultAge the age from which a person is an adult (18 in England)
 * @param youngestParentAge how much older than a child a person must be to be taken for its parent
 *     or carer (by date of birth), when no event states it
 * @param communalAdults more adults than this at one address at the same time make it communal (a
 *     hostel, a house in multiple occupation, a care home): co-residence there groups no one
 * @param largestFamily a family of more people than this is split back to its strong evidence (the
 *     agencies' household ids and stated parents) and flagged
 * @param largestEventGroup more parents or children than this on one agency's event day state no
 *     relationship
 */
public record FamilyRules(
    int adultAge,
    int youngestParentAge,
    int communalAdults,
    int largestFamily,
    int largestEventGroup) {

  public FamilyRules {
    if (adultAge < 1) {
      throw new IllegalArgumentException("adultAge must be positive, was " + adultAge);
    }
    if (youngestParentAge < 1) {
      throw new IllegalArgumentException(
          "youngestParentAge must be positive, was " + youngestParentAge);
    }
    if (communalAdults < 2) {
      throw new IllegalArgumentException(
          "communalAdults must be at least 2, was " + communalAdults);
    }
    if (largestFamily < 2) {
      throw new IllegalArgumentException("largestFamily must be at least 2, was " + largestFamily);
    }
    if (largestEventGroup < 1) {
      throw new IllegalArgumentException(
          "largestEventGroup must be positive, was " + largestEventGroup);
    }
  }

  /**
   * Adults from 18; a parent at least 15 years older than the child; more than 6 adults at once
   * make an address communal; families of at most 14 (the generator's largest is 10, ONS's
   * household size distribution puts fewer than 0.1% of households above 10); at most 4 parents or
   * children on one event day.
   */
  public static FamilyRules standard() {
    return new FamilyRules(18, 15, 6, 14, 4);
  }
}
