package org.familyview.matching.score;

import java.util.List;
import java.util.stream.IntStream;
import org.familyview.matching.compare.Comparison;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.estimate.HouseholdInteraction;
import org.familyview.matching.estimate.ModelParameters;
import org.familyview.matching.estimate.TermFrequencies;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * Scores a pair: the Fellegi-Sunter match weight is the prior weight plus, for each comparison,
 * log2(m/u) of the level the pair reached, with exact agreement on names and postcodes adjusted for
 * how common the value is. Thread-safe.
 */
public final class PairScorer {

  private final ModelParameters parameters;
  private final ComparisonSet comparisons;
  private final TermFrequencies frequencies;
  private final Thresholds thresholds;
  private final DecisiveRules rules;
  private final double[][] weights;
  private final double priorWeight;
  private final int[] personal;
  private final int[] termFrequencyLevel;
  private final boolean householdGuard;
  private final int residence;
  private final int forename;
  private final int dateOfBirth;
  private final int forenameElse;
  private final int residenceElse;
  private final int[] corroborating;

  private final boolean corroboration;
  private final HouseholdInteraction interaction;

  public PairScorer(
      ModelParameters parameters,
      ComparisonSet comparisons,
      TermFrequencies frequencies,
      Thresholds thresholds,
      boolean householdGuard) {
    this(
        parameters,
        comparisons,
        frequencies,
        thresholds,
        householdGuard,
        true,
        HouseholdInteraction.NONE);
  }

  private PairScorer(
      ModelParameters parameters,
      ComparisonSet comparisons,
      TermFrequencies frequencies,
      Thresholds thresholds,
      boolean householdGuard,
      boolean corroboration,
      HouseholdInteraction interaction) {
    this.corroboration = corroboration;
    this.interaction = interaction;
    if (!fits(parameters, comparisons)) {
      throw new IllegalArgumentException(
          "model " + parameters.version() + " was trained on different comparisons");
    }
    this.parameters = parameters;
    this.comparisons = comparisons;
    this.frequencies = frequencies;
    this.thresholds = thresholds;
    this.householdGuard = householdGuard;
    this.rules = new DecisiveRules(comparisons);
    this.weights = new double[comparisons.size()][];
    for (int k = 0; k < comparisons.size(); k++) {
      weights[k] = new double[comparisons.get(k).levelCount()];
      for (int level = 0; level < weights[k].length; level++) {
        weights[k][level] = parameters.weight(k, level);
      }
    }
    this.priorWeight = parameters.priorWeight();
    this.termFrequencyLevel = new int[comparisons.size()];
    for (int k = 0; k < comparisons.size(); k++) {
      termFrequencyLevel[k] =
          frequencies.appliesTo(k) ? comparisons.get(k).termFrequencyLevel() : -1;
    }
    this.residence = comparisons.indexOf("residence");
    this.forename = comparisons.indexOf("forename");
    this.dateOfBirth = comparisons.indexOf("date_of_birth");
    this.forenameElse = comparisons.get(forename).elseLevel();
    this.residenceElse = comparisons.get(residence).elseLevel();
    this.corroborating =
        java.util.stream.Stream.of("nhs_number", "upn", "pnc_id", "phone", "email")
            .mapToInt(comparisons::indexOf)
            .toArray();
    this.personal =
        java.util.stream.Stream.of(
                "forename", "date_of_birth", "sex", "nhs_number", "upn", "pnc_id", "middle_names")
            .mapToInt(comparisons::indexOf)
            .toArray();
  }

  /** A model trained before a comparison gained a level cannot score with it: re-train. */
  /**
   * Whether a model was trained on these comparisons, each with the same levels: a model stored
   * before a comparison gained a level cannot weigh it.
   */
  public static boolean fits(ModelParameters parameters, ComparisonSet comparisons) {
    return parameters
            .comparisons()
            .equals(comparisons.comparisons().stream().map(Comparison::name).toList())
        && sameLevelCounts(parameters, comparisons);
  }

  private static boolean sameLevelCounts(ModelParameters parameters, ComparisonSet comparisons) {
    for (int k = 0; k < comparisons.size(); k++) {
      if (parameters.m()[k].length != comparisons.get(k).levelCount()) {
        return false;
      }
    }
    return true;
  }

  public ModelParameters parameters() {
    return parameters;
  }

  public ComparisonSet comparisons() {
    return comparisons;
  }

  public Thresholds thresholds() {
    return thresholds;
  }

  public double priorWeight() {
    return priorWeight;
  }

  public double levelWeight(int comparison, int level) {
    return weights[comparison][level];
  }

  /** The term-frequency adjustment a pair earns on one comparison (0 unless exact agreement). */
  public double termFrequencyAdjustment(int comparison, StandardisedRecord left, int level) {
    if (level != termFrequencyLevel[comparison]) {
      return 0;
    }
    return frequencies.adjustment(
        comparison,
        comparisons.get(comparison).termFrequencyValue(left),
        parameters.u()[comparison][level]);
  }

  /** Fills {@code levels} and returns the Bayes factor in bits: the match weight less the prior. */
  public double bayesWeight(StandardisedRecord left, StandardisedRecord right, int[] levels) {
    comparisons.compare(left, right, levels);
    double total = 0;
    for (int k = 0; k < levels.length; k++) {
      total += weights[k][levels[k]] + termFrequencyAdjustment(k, left, levels[k]);
    }
    return interaction.applies(levels, left, right) ? total + household(left, levels) : total;
  }

  /**
   * The decisive rules, then the corroboration rule, then (when the population has households) the
   * household guard.
   */
  public RuleOutcome rules(StandardisedRecord left, StandardisedRecord right, int[] levels) {
    RuleOutcome outcome = decisiveRules(left, right, levels);
    if (corroboration && outcome instanceof RuleOutcome.NoRule && uncorroborated(levels)) {
      return levels[dateOfBirth] == 0 ? NAMES_ONLY : UNCORROBORATED;
    }
    if (householdGuard && outcome instanceof RuleOutcome.NoRule && weakPersonal(left, levels)) {
      return HOUSEHOLD_ONLY;
    }
    return outcome;
  }

  public RuleOutcome decisiveRules(
      StandardisedRecord left, StandardisedRecord right, int[] levels) {
    return rules.apply(left, right, levels);
  }

  public boolean householdGuard() {
    return householdGuard;
  }

  /** A copy with the household guard switched on or off. */
  public PairScorer withHouseholdGuard(boolean on) {
    return new PairScorer(
        parameters, comparisons, frequencies, thresholds, on, corroboration, interaction);
  }

  /** A copy with the corroboration rule switched on or off (see {@link #corroborationPossible}). */
  public PairScorer withCorroboration(boolean on) {
    return new PairScorer(
        parameters, comparisons, frequencies, thresholds, householdGuard, on, interaction);
  }

  /** A copy that scores pairs at one address with the household correction (see there). */
  public PairScorer withHouseholdInteraction(HouseholdInteraction household) {
    return new PairScorer(
        parameters, comparisons, frequencies, thresholds, householdGuard, corroboration, household);
  }

  public HouseholdInteraction householdInteraction() {
    return interaction;
  }

  /**
   * The household correction's bits for a pair, in place of the term-frequency adjustments of its
   * surname and date of birth (how rare a surname is says nothing about two people at one address).
   */
  private double household(StandardisedRecord left, int[] levels) {
    return interaction.correction(levels)
        - termFrequencyAdjustment(interaction.surname(), left, levels[interaction.surname()])
        - termFrequencyAdjustment(
            interaction.dateOfBirth(), left, levels[interaction.dateOfBirth()]);
  }

  public boolean corroboration() {
    return corroboration;
  }

  /**
   * Whether records of this population can corroborate each other beyond name, date of birth and
   * address: at least {@link #CORROBORATING_SHARE} of them carry an identifier, phone or email.
   * Where none does (some benchmark sets), demanding corroboration would demand the impossible, so
   * the rule is off; every partner's extract carries them.
   */
  public static boolean corroborationPossible(List<StandardisedRecord> records) {
    long carrying =
        records.parallelStream()
            .filter(
                r ->
                    r.nhsNumber() != null
                        || r.upn() != null
                        || r.pncId() != null
                        || r.phone() != null
                        || r.email() != null)
            .count();
    return records.isEmpty() || carrying >= CORROBORATING_SHARE * records.size();
  }

  static final double CORROBORATING_SHARE = 0.10;

  public boolean weakPersonal(StandardisedRecord left, int[] levels) {
    return personalEvidence(left, levels) < MINIMUM_PERSONAL_EVIDENCE;
  }

  /**
   * Whether a pair looks like two members of one household: they share an address or postcode but
   * have clearly different forenames and dates of birth. How common such pairs are among the
   * candidates tells whether this population has households at all (see {@code Linker}).
   */
  public boolean looksLikeHousehold(int[] levels) {
    return levels[residence] >= 1
        && levels[residence] <= 2
        && levels[forename] == forenameElse
        && levels[dateOfBirth] >= 4;
  }

  /** Whether a pair shares an address and has forenames and dates of birth. */
  public boolean sharesResidence(int[] levels) {
    return levels[residence] >= 1
        && levels[residence] <= 2
        && levels[forename] != 0
        && levels[dateOfBirth] != 0;
  }

  /**
   * Relatives share a surname, an address, a postcode and a phone; a pair whose agreement rests on
   * those alone is a family, not a person, however high the weight. So the person's own details
   * (forename, middle names, date of birth, sex, identifiers) must, taken together, clearly support
   * the link.
   */
  double personalEvidence(StandardisedRecord left, int[] levels) {
    double total = 0;
    for (int k : personal) {
      total += weights[k][levels[k]] + termFrequencyAdjustment(k, left, levels[k]);
    }
    return total;
  }

  /**
   * This scorer bound to one population, with every record's term-frequency adjustments looked up
   * once: a million records have tens of millions of candidate pairs, and a hash lookup and a
   * logarithm per pair and comparison cost more than the comparison itself. Gives exactly the
   * weights {@link #bayesWeight} and {@link #weakPersonal} give.
   */
  public Prepared prepare(List<StandardisedRecord> records) {
    double[][] adjustment = new double[comparisons.size()][];
    for (int k = 0; k < comparisons.size(); k++) {
      int level = termFrequencyLevel[k];
      if (level < 0) {
        continue;
      }
      int comparison = k;
      double uExact = parameters.u()[k][level];
      Comparison c = comparisons.get(k);
      double[] byRecord = new double[records.size()];
      IntStream.range(0, records.size())
          .parallel()
          .forEach(
              i ->
                  byRecord[i] =
                      frequencies.adjustment(
                          comparison, c.termFrequencyValue(records.get(i)), uExact));
      adjustment[k] = byRecord;
    }
    int[][] codes = new int[comparisons.size()][];
    IntStream.range(0, comparisons.size())
        .parallel()
        .forEach(
            k -> {
              Comparison c = comparisons.get(k);
              codes[k] = c.comparesCodes() || c.decidesSomeByCodes() ? c.codes(records) : null;
            });
    return new Prepared(records, adjustment, codes);
  }

  /**
   * The coded comparisons' values of every record side by side (record-major), so that one pair's
   * codes are read from two places in memory rather than from one array per comparison: at a
   * million records each array read is a cache miss, and those misses were most of scoring's time.
   */
  private static int[] packed(int[][] codes, int[] slot, int stride, int size) {
    int[] packed = new int[Math.multiplyExact(size, Math.max(stride, 1))];
    for (int k = 0; k < codes.length; k++) {
      if (slot[k] >= 0) {
        int[] code = codes[k];
        for (int i = 0; i < size; i++) {
          packed[i * stride + slot[k]] = code[i];
        }
      }
    }
    return packed;
  }

  /**
   * For a comparison that {@link Comparison#decidesSomeByCodes()}: the first record carrying each
   * code, to compare in place of the pair's own records when the codes do not decide (see there);
   * null for other comparisons.
   */
  private static StandardisedRecord @Nullable [] representatives(
      Comparison comparison, int @Nullable [] codes, List<StandardisedRecord> records) {
    if (codes == null || !comparison.decidesSomeByCodes()) {
      return null;
    }
    int max = 0;
    for (int code : codes) {
      max = Math.max(max, code);
    }
    StandardisedRecord[] first = new StandardisedRecord[max + 1];
    for (int i = codes.length - 1; i >= 0; i--) {
      first[codes[i]] = records.get(i);
    }
    return first;
  }

  /** A {@link PairScorer} for pairs given by record position in one population. Thread-safe. */
  public final class Prepared {

    private final List<StandardisedRecord> records;
    private final double[][] adjustment;
    private final Comparison[] comparison;
    private final int[] slot;
    private final int stride;
    private final int[] packed;
    private final StandardisedRecord[] @Nullable [] representative;

    private Prepared(List<StandardisedRecord> records, double[][] adjustment, int[][] codes) {
      this.records = records;
      this.adjustment = adjustment;
      this.comparison = comparisons.comparisons().toArray(Comparison[]::new);
      this.slot = new int[codes.length];
      int slots = 0;
      for (int k = 0; k < codes.length; k++) {
        slot[k] = codes[k] != null ? slots++ : -1;
      }
      this.stride = slots;
      this.packed = packed(codes, slot, slots, records.size());
      this.representative = new StandardisedRecord[codes.length][];
      for (int k = 0; k < codes.length; k++) {
        representative[k] = representatives(comparison[k], codes[k], records);
      }
    }

    public PairScorer scorer() {
      return PairScorer.this;
    }

    /** As {@link PairScorer#bayesWeight}, for the records at two positions. */
    public double bayesWeight(int left, int right, int[] levels) {
      StandardisedRecord l = records.get(left);
      StandardisedRecord r = records.get(right);
      int leftCodes = left * stride;
      int rightCodes = right * stride;
      for (int k = 0; k < levels.length; k++) {
        int at = slot[k];
        levels[k] =
            at >= 0
                ? level(k, packed[leftCodes + at], packed[rightCodes + at])
                : comparison[k].level(l, r);
      }
      double total = 0;
      for (int k = 0; k < levels.length; k++) {
        total += weights[k][levels[k]] + adjustment(k, left, levels[k]);
      }
      if (interaction.applies(levels, l, r)) {
        int s = interaction.surname();
        int d = interaction.dateOfBirth();
        total +=
            interaction.correction(levels)
                - adjustment(s, left, levels[s])
                - adjustment(d, left, levels[d]);
      }
      return total;
    }

    private int level(int k, int left, int right) {
      int level = comparison[k].level(left, right);
      return level != Comparison.UNDECIDED
          ? level
          : comparison[k].level(representative[k][left], representative[k][right]);
    }

    /** As {@link PairScorer#weakPersonal}, for the record at a position. */
    public boolean weakPersonal(int left, int[] levels) {
      return personalEvidence(left, levels) < MINIMUM_PERSONAL_EVIDENCE;
    }

    /** The bits the person's own details add (see {@link PairScorer#weakPersonal}). */
    public double personalEvidence(int left, int[] levels) {
      double total = 0;
      for (int k : personal) {
        total += weights[k][levels[k]] + adjustment(k, left, levels[k]);
      }
      return total;
    }

    private double adjustment(int k, int record, int level) {
      return level != termFrequencyLevel[k] ? 0 : adjustment[k][record];
    }
  }

  /**
   * In a county, namesakes sharing a birthday exist: name and date of birth alone are not enough to
   * link automatically. A pair whose addresses differ beyond the postcode district and that shares
   * no identifier, phone or email has nothing else for it.
   */
  public boolean uncorroborated(int[] levels) {
    if (levels[residence] != residenceElse) {
      return false;
    }
    for (int k : corroborating) {
      if (levels[k] == Comparison.EXACT) {
        return false;
      }
    }
    return true;
  }

  /**
   * An uncorroborated pair still links when its match weight reaches this (odds of 64 to 1 with the
   * prior of its population, which falls as the population grows, so a namesake is likelier in a
   * county than in a town). Chosen where the share of true pairs is high at every size measured:
   * with the date of birth's m from anchors (issue 13), review pairs between 6 and 8 bits were
   * 96.5% true at 141,697 records and 95.1% and 87.6% at 1 M (seeds 13 and 11); between 4 and 6
   * bits, 63% and 89–90% (not stable: left to review). It was 8 bits before the anchors, when the
   * model's dates of birth were softer.
   */
  public static final double UNCORROBORATED_AUTO_LINK = 6.0;

  /**
   * The corroboration rule's outcome: at most a review task below {@link
   * #UNCORROBORATED_AUTO_LINK}.
   */
  public static final RuleOutcome UNCORROBORATED =
      new RuleOutcome.AtMostReview(
          "no corroboration: addresses differ beyond the district and no identifier, phone or"
              + " email in common");

  /**
   * Below this, the person's own details argue against the link (a different forename, a birth date
   * years apart): a pair held up only by its household is then not worth a steward's time.
   */
  public static final double CONTRARY_PERSONAL_EVIDENCE = 0.0;

  /** Bits the person's own details must add: about 16 to 1 on their own. */
  public static final double MINIMUM_PERSONAL_EVIDENCE = 4.0;

  /** The household guard's outcome: at most a review task. */
  public static final RuleOutcome HOUSEHOLD_ONLY =
      new RuleOutcome.AtMostReview(
          "the person's own details (forename, middle names, date of birth, sex, identifiers) do not"
              + " clearly agree");

  /**
   * The corroboration rule's outcome when not even a date of birth is there to compare: the name is
   * all the pair has (often a forename and surname swapped), and at a million records such pairs
   * were almost all different people (issue 13: 2,313 of 2,319 review pairs of this kind false at
   * seed 11). Not worth a steward's time: no link, whatever the weight.
   */
  public static final RuleOutcome NAMES_ONLY =
      new RuleOutcome.AtMostReview(
          "names only: no date of birth to compare, addresses differ beyond the district and no"
              + " identifier, phone or email in common");

  /** The full verdict on a pair. */
  public Score score(StandardisedRecord left, StandardisedRecord right) {
    int[] levels = new int[comparisons.size()];
    double weight = priorWeight + bayesWeight(left, right, levels);
    RuleOutcome rule = rules(left, right, levels);
    return new Score(levels, weight, probability(weight), decide(weight, rule), rule);
  }

  public LinkDecision decide(double matchWeight, RuleOutcome rule) {
    return switch (rule) {
      case RuleOutcome.MustLink m -> LinkDecision.LINK;
      case RuleOutcome.CannotLink c -> LinkDecision.NO_LINK;
      case RuleOutcome.NoRule n -> thresholds.decide(matchWeight);
      case RuleOutcome.AtMostReview r
          when r == UNCORROBORATED && matchWeight >= UNCORROBORATED_AUTO_LINK ->
          LinkDecision.LINK;
      case RuleOutcome.AtMostReview r when r == NAMES_ONLY -> LinkDecision.NO_LINK;
      case RuleOutcome.AtMostReview r ->
          thresholds.decide(matchWeight) == LinkDecision.NO_LINK
              ? LinkDecision.NO_LINK
              : LinkDecision.REVIEW;
    };
  }

  /** Converts a match weight (log2 odds) to a probability. */
  public static double probability(double matchWeight) {
    double odds = Math.pow(2, matchWeight);
    return Double.isInfinite(odds) ? 1.0 : odds / (1 + odds);
  }

  /** One pair's levels, weight, probability, decision and the rule that decided it, if any. */
  public record Score(
      int[] levels,
      double matchWeight,
      double matchProbability,
      LinkDecision decision,
      RuleOutcome rule) {}
}
