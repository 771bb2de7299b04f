package org.familyview.matching.estimate;

import java.util.Arrays;
import java.util.List;
import org.familyview.matching.compare.Comparison;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.compare.DateOfBirthComparison;
import org.familyview.matching.standardise.StandardisedRecord;

/**
 * The one place where Fellegi-Sunter's conditional independence fails worst: people living at one
 * address. Among strangers, sharing a surname (u about 0.01) and a date of birth (u about 0.00005)
 * are independent, so together they count as some 21 bits of evidence. Among two people at one
 * address they are not: household members share a surname most of the time and twins share a date
 * of birth, so a pair that agrees on surname, date of birth and address but not on forename is
 * first of all a pair of twins. Scored as strangers, twins reached p = 0.9999 and made up most of
 * the false pairs above p = 0.99 at a million records (issue 13).
 *
 * <p>The correction replaces, for a pair at one address whose forenames clearly differ, the
 * strangers' u of its surname and date-of-birth levels by their joint u among household members,
 * estimated from this population's own pairs of records at one address with different forenames and
 * no identifier in common (an interaction term, as in log-linear record-linkage models: Winkler
 * 1993; Larsen and Rubin 2001). It only ever weakens a pair (a correction is at most 0), and with
 * few households it is near 0, since the household counts are smoothed towards the strangers' u.
 */
public final class HouseholdInteraction {

  /** Records at one address beyond this are not a household (a hostel, a care home). */
  static final int LARGEST_HOUSEHOLD = 30;

  /** The first date-of-birth level of clearly different dates ("born within five years"). */
  static final int DIFFERENT_BIRTH = DateOfBirthComparison.WITHIN_FIVE_YEARS;

  /** Pseudo-count of the smoothing towards independence. */
  static final double SMOOTHING = 1.0;

  /** No correction: every pair scored as if its records were strangers. */
  public static final HouseholdInteraction NONE = new HouseholdInteraction(-1, -1, -1, -1, 0, null);

  private final int residence;
  private final int forename;
  private final int surname;
  private final int dateOfBirth;
  private final int forenameElse;
  private final double[][] correction;
  private final long households;

  private HouseholdInteraction(
      int residence,
      int forename,
      int surname,
      int dateOfBirth,
      int forenameElse,
      double[][] correction) {
    this(residence, forename, surname, dateOfBirth, forenameElse, correction, 0);
  }

  private HouseholdInteraction(
      int residence,
      int forename,
      int surname,
      int dateOfBirth,
      int forenameElse,
      double[][] correction,
      long households) {
    this.residence = residence;
    this.forename = forename;
    this.surname = surname;
    this.dateOfBirth = dateOfBirth;
    this.forenameElse = forenameElse;
    this.correction = correction;
    this.households = households;
  }

  /** Pairs of records at one address with different forenames that the estimate rests on. */
  public long householdPairs() {
    return households;
  }

  /**
   * Whether the pair is one the correction is for: at one address, forenames clearly different, and
   * not the same middle names on both (household members do not share those; one person whose
   * forename was recorded wrongly, or as a nickname the table lacks, does).
   */
  public boolean applies(int[] levels, StandardisedRecord left, StandardisedRecord right) {
    return correction != null
        && levels[residence] >= 1
        && levels[residence] <= 2
        && levels[forename] == forenameElse
        && !sameMiddleNames(left, right);
  }

  static boolean sameMiddleNames(StandardisedRecord left, StandardisedRecord right) {
    return left.middleNames().length > 0 && Arrays.equals(left.middleNames(), right.middleNames());
  }

  /** Bits to add to the pair's weight when {@link #applies} (0 or less). */
  public double correction(int[] levels) {
    return correction[levels[surname]][levels[dateOfBirth]];
  }

  public int surname() {
    return surname;
  }

  public int dateOfBirth() {
    return dateOfBirth;
  }

  /**
   * The correction for a population, with the strangers' u of a trained model; {@link #NONE} where
   * the population has no households: fewer than {@code householdShare} of its pairs of records at
   * one address look like two members of a household (clearly different forenames and dates of
   * birth). There (FEBRL) records at one address are one person whose forename was corrupted, and
   * correcting them as twins would only lose true pairs. The same test as the household guard's.
   */
  public static HouseholdInteraction of(
      ComparisonSet comparisons,
      ModelParameters parameters,
      List<StandardisedRecord> records,
      double householdShare) {
    int residence = comparisons.indexOf("residence");
    int forename = comparisons.indexOf("forename");
    int surname = comparisons.indexOf("surname");
    int dateOfBirth = comparisons.indexOf("date_of_birth");
    int forenameElse = comparisons.get(forename).elseLevel();
    int[] identifiers =
        java.util.stream.Stream.of("nhs_number", "upn", "pnc_id")
            .mapToInt(comparisons::indexOf)
            .toArray();
    long[][] joint =
        new long[comparisons.get(surname).levelCount()][comparisons.get(dateOfBirth).levelCount()];
    long total = 0;
    long sharing = 0;
    long householdLike = 0;
    int[] levels = new int[comparisons.size()];
    long[] byAddress = byAddress(records);
    for (int from = 0, to; from < byAddress.length; from = to) {
      to = from + 1;
      while (to < byAddress.length && byAddress[to] >>> 32 == byAddress[from] >>> 32) {
        to++;
      }
      if (to - from > LARGEST_HOUSEHOLD) {
        continue;
      }
      for (int i = from; i < to; i++) {
        for (int j = i + 1; j < to; j++) {
          StandardisedRecord left = records.get((int) byAddress[i]);
          StandardisedRecord right = records.get((int) byAddress[j]);
          comparisons.compare(left, right, levels);
          if (levels[residence] >= 1
              && levels[residence] <= 2
              && levels[forename] != 0
              && levels[dateOfBirth] != 0) {
            sharing++;
            householdLike +=
                levels[forename] == forenameElse && levels[dateOfBirth] >= DIFFERENT_BIRTH ? 1 : 0;
          }
          if (levels[residence] >= 1
              && levels[residence] <= 2
              && levels[forename] == forenameElse
              && !sameMiddleNames(left, right)
              && !sharesIdentifier(levels, identifiers)) {
            joint[levels[surname]][levels[dateOfBirth]]++;
            total++;
          }
        }
      }
    }
    if (sharing == 0 || householdLike < householdShare * sharing) {
      return NONE;
    }
    double[][] correction = corrections(parameters, surname, dateOfBirth, joint, total);
    return new HouseholdInteraction(
        residence, forename, surname, dateOfBirth, forenameElse, correction, total);
  }

  private static double[][] corrections(
      ModelParameters parameters, int surname, int dateOfBirth, long[][] joint, long total) {
    double[] uSurname = parameters.u()[surname];
    double[] uBirth = parameters.u()[dateOfBirth];
    double[][] correction = new double[joint.length][joint[0].length];
    for (int s = 1; s < joint.length; s++) {
      for (int d = 1; d < joint[s].length; d++) {
        double strangers = uSurname[s] * uBirth[d];
        double household = (joint[s][d] + SMOOTHING * strangers) / (total + SMOOTHING);
        correction[s][d] = Math.min(0, log2(strangers) - log2(household));
      }
    }
    return correction;
  }

  private static boolean sharesIdentifier(int[] levels, int[] identifiers) {
    for (int k : identifiers) {
      if (levels[k] == Comparison.EXACT) {
        return true;
      }
    }
    return false;
  }

  /**
   * Record positions sorted by a hash of their address (high 32 bits), without an address left out.
   */
  private static long[] byAddress(List<StandardisedRecord> records) {
    long[] keyed = new long[records.size()];
    int n = 0;
    for (int i = 0; i < records.size(); i++) {
      String address = records.get(i).address();
      if (address != null && !address.isBlank()) {
        keyed[n++] = ((long) address.hashCode() << 32) | i;
      }
    }
    long[] sorted = Arrays.copyOf(keyed, n);
    Arrays.sort(sorted);
    return sorted;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** The correction for a pair agreeing exactly on surname and date of birth, for reports. */
  public double sameSurnameAndBirth() {
    return correction == null ? 0 : correction[Comparison.EXACT][Comparison.EXACT];
  }

  /** The corrections by surname level (rows) and date-of-birth level (columns), for reports. */
  public double[][] corrections() {
    return correction == null
        ? new double[0][]
        : Arrays.stream(correction).map(double[]::clone).toArray(double[][]::new);
  }
}
