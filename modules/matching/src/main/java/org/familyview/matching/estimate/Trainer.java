package org.familyview.matching.estimate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.familyview.matching.compare.Comparison;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * Trains a model without labels. u comes from random pairs, which are almost all non-matches. m
 * comes from EM on pairs that share a training key (date of birth; forename and surname), leaving
 * out the comparisons the key conditions on, because within a block those agree by construction —
 * the approach Splink takes. Each comparison's m is the average over the runs that estimated it.
 */
public final class Trainer {

  private final ComparisonSet comparisons;
  private final TrainingConfig config;

  public Trainer(ComparisonSet comparisons, TrainingConfig config) {
    this.comparisons = comparisons;
    this.config = config;
  }

  /** A training block: its key, and the comparisons that key conditions on. */
  private record TrainingBlock(
      String name, Function<StandardisedRecord, @Nullable String> key, List<String> conditioned) {}

  private static final TrainingBlock BIRTH_DATE =
      new TrainingBlock(
          "date_of_birth",
          r -> r.dateOfBirth() == null ? null : Integer.toString(r.dateOfBirth().digits()),
          List.of("date_of_birth"));

  // Sex is conditioned on too: a forename nearly fixes it, so among pairs sharing a name it agrees
  // far more often than among random pairs, and EM would read that as evidence of matches.
  private static final TrainingBlock NAMES =
      new TrainingBlock(
          "forename+surname",
          r ->
              r.canonicalForename() == null || r.surname() == null
                  ? null
                  : r.canonicalForename() + "|" + r.surname(),
          List.of("forename", "surname", "sex"));

  /**
   * Most records have at most a few others of the same person (one per agency holding them, and the
   * odd duplicate); a prior implying more than this many matching pairs per record is a failed
   * estimate, not a population.
   */
  static final double MAX_MATCHING_PAIRS_PER_RECORD = 4.0;

  /**
   * Below this many pairs sharing a valid identifier (and both dated), the date of birth's m is
   * estimated by EM in the name block instead, as it was before anchors.
   */
  static final int MIN_ANCHOR_PAIRS = 500;

  /** A shared identifier held by more records than this is a mistake, not one person. */
  static final int MAX_ANCHOR_GROUP = 8;

  public TrainingReport train(List<StandardisedRecord> records) {
    if (records.size() < 2) {
      throw new IllegalArgumentException("training needs at least two records");
    }
    long sampled = Math.min(config.randomPairs(), (long) records.size() * (records.size() - 1) / 2);
    double[][] u = estimateU(records, (int) sampled);
    double[][] m = initialM();
    List<TrainingReport.RuleRun> runs = new ArrayList<>();
    // 1. Pairs sharing an exact date of birth: EM estimates their share of matches (names,
    //    residence and identifiers tell them apart). That share, scaled by the sampling fraction,
    //    is how many matching pairs share a birth date in the whole population.
    PatternCounts byBirth = patternsOf(records, BIRTH_DATE);
    double matchesSharingBirthDate = -1;
    double[][] birthM = null;
    if (byBirth.pairs() > 0) {
      ExpectationMaximisation.Result result = em(byBirth, BIRTH_DATE, m, u, 0.1, false, null);
      birthM = result.m();
      matchesSharingBirthDate = result.lambda() * byBirth.pairs() / byBirth.fraction();
      runs.add(run(BIRTH_DATE, byBirth, result));
    }
    // 2. How often one person's records agree on the date of birth, from pairs that share a valid
    //    NHS number, UPN or PNC id (the anchors: practically all the same person, and whether two
    //    records share an identifier does not depend on a typo in the date).
    Anchors anchors = anchors(records);
    if (anchors.dateOfBirthM() != null) {
      m[comparisons.indexOf("date_of_birth")] = anchors.dateOfBirthM();
      runs.add(new TrainingReport.RuleRun(ANCHOR_RULE, IDENTIFIERS, anchors.pairs(), 1.0, 1));
    }
    NameRun names = nameRun(records, m, u, birthM, matchesSharingBirthDate, anchors);
    if (names.result() != null) {
      runs.add(run(NAMES, names.counts(), names.result()));
    }
    double[][] nameM = names.result() == null ? null : names.result().m();
    double[][] combined = combine(m, birthM, BIRTH_DATE, nameM, NAMES);
    ModelParameters parameters =
        ModelParameters.of(
            Instant.now().toString(),
            comparisons.comparisons().stream().map(c -> c.name()).toList(),
            combined,
            u,
            names.prior());
    return new TrainingReport(parameters, sampled, runs);
  }

  private record NameRun(
      PatternCounts counts, ExpectationMaximisation.@Nullable Result result, double prior) {}

  /**
   * 3. The prior follows from the matches sharing a birth date: they are m(date of birth exact) of
   * all matches. 4. Pairs sharing forename and surname: their share of matches is not estimated (EM
   * on a name block converges to "all the same person" in a big population, where namesakes are
   * many and look alike) but follows from the prior by Bayes' rule, with u of the names from random
   * pairs; EM then estimates only m.
   *
   * <p>With anchors, m of the date of birth is theirs and held fixed, so the prior is computed
   * once. Without (FEBRL has no identifiers), m(date of birth exact) comes from this same EM run,
   * and the two are iterated. That loop can feed on itself: a prior too high forces EM to call
   * namesakes with different dates of birth matches, which lowers m(date of birth exact), which
   * raises the prior (on the generator at 1 M records, seed 13: m 0.78 where the truth is 0.99,
   * prior 27% high, precision 0.979).
   */
  private NameRun nameRun(
      List<StandardisedRecord> records,
      double[][] m,
      double[][] u,
      double[] @Nullable [] birthM,
      double matchesSharingBirthDate,
      Anchors anchors) {
    PatternCounts byName = patternsOf(records, NAMES);
    int dob = comparisons.indexOf("date_of_birth");
    boolean[] frozen = new boolean[comparisons.size()];
    frozen[dob] = anchors.dateOfBirthM() != null;
    double totalPairs = (double) records.size() * (records.size() - 1) / 2;
    double prior = fallbackPrior(records.size());
    ExpectationMaximisation.Result result = null;
    for (int round = 0; round < (frozen[dob] ? 1 : 3); round++) {
      double exactDob = frozen[dob] ? m[dob][1] : result == null ? 0.85 : result.m()[dob][1];
      if (matchesSharingBirthDate > 0) {
        prior = matchesSharingBirthDate / Math.max(exactDob, 0.05) / totalPairs;
      }
      prior = boundedPrior(prior, records.size());
      if (byName.pairs() == 0) {
        break;
      }
      double blockShare = nameBlockMatchShare(prior, birthM == null ? m : birthM, u);
      result = em(byName, NAMES, m, u, blockShare, true, frozen);
    }
    return new NameRun(byName, result, prior);
  }

  private static final String ANCHOR_RULE = "shared valid identifier";
  private static final List<String> IDENTIFIERS = List.of("nhs_number", "upn", "pnc_id");

  /** m of the date of birth among anchor pairs, or null when there are too few of them. */
  private record Anchors(double @Nullable [] dateOfBirthM, long pairs) {}

  private Anchors anchors(List<StandardisedRecord> records) {
    List<Function<StandardisedRecord, @Nullable String>> keys =
        List.of(StandardisedRecord::nhsNumber, StandardisedRecord::upn, StandardisedRecord::pncId);
    java.util.Set<Long> pairs = new java.util.HashSet<>();
    for (Function<StandardisedRecord, @Nullable String> key : keys) {
      Map<String, List<Integer>> groups = new HashMap<>();
      for (int i = 0; i < records.size(); i++) {
        String value = key.apply(records.get(i));
        if (value != null && records.get(i).dateOfBirth() != null) {
          groups.computeIfAbsent(value, x -> new ArrayList<>(2)).add(i);
        }
      }
      for (List<Integer> group : groups.values()) {
        if (group.size() <= MAX_ANCHOR_GROUP) {
          for (int a = 0; a < group.size(); a++) {
            for (int b = a + 1; b < group.size(); b++) {
              pairs.add(((long) group.get(a) << 32) | group.get(b));
            }
          }
        }
      }
    }
    if (pairs.size() < MIN_ANCHOR_PAIRS) {
      return new Anchors(null, pairs.size());
    }
    int dob = comparisons.indexOf("date_of_birth");
    Comparison comparison = comparisons.get(dob);
    double[] counts = new double[comparison.levelCount()];
    for (long pair : pairs) {
      counts[comparison.level(records.get((int) (pair >>> 32)), records.get((int) pair))]++;
    }
    double[] m = new double[counts.length];
    double nonMissing = pairs.size() - counts[0];
    for (int level = 1; level < counts.length; level++) {
      // One pair of smoothing, as in EM: a level no anchor showed is rare, not impossible.
      m[level] = (counts[level] + 1) / (nonMissing + counts.length - 1);
    }
    return new Anchors(m, pairs.size());
  }

  private ExpectationMaximisation.Result em(
      PatternCounts counts,
      TrainingBlock block,
      double[][] m,
      double[][] u,
      double lambda,
      boolean fixLambda,
      boolean @Nullable [] frozen) {
    boolean[] active = new boolean[comparisons.size()];
    Arrays.fill(active, true);
    block.conditioned().forEach(name -> active[comparisons.indexOf(name)] = false);
    return ExpectationMaximisation.run(
        counts.patterns(),
        counts.counts(),
        m,
        u,
        active,
        frozen == null ? new boolean[comparisons.size()] : frozen,
        lambda,
        config.maxIterations(),
        fixLambda);
  }

  private static TrainingReport.RuleRun run(
      TrainingBlock block, PatternCounts counts, ExpectationMaximisation.Result result) {
    return new TrainingReport.RuleRun(
        block.name(), block.conditioned(), counts.pairs(), result.lambda(), result.iterations());
  }

  /**
   * P(same person | same forename and surname) by Bayes' rule: the prior odds times how much more
   * often matches than random pairs agree on both names (forename exact or by nickname).
   */
  private double nameBlockMatchShare(double prior, double[][] m, double[][] u) {
    int f = comparisons.indexOf("forename");
    int s = comparisons.indexOf("surname");
    double mNames = (m[f][1] + m[f][2]) * m[s][1];
    double uNames = (u[f][1] + u[f][2]) * u[s][1];
    double odds = prior / (1 - prior) * mNames / Math.max(uNames, 1e-12);
    return Math.min(0.99, Math.max(1e-6, odds / (1 + odds)));
  }

  /** Each comparison's m from the runs that estimated it (averaged where both did). */
  private double[][] combine(
      double[][] initial,
      double[] @Nullable [] first,
      TrainingBlock firstBlock,
      double[] @Nullable [] second,
      TrainingBlock secondBlock) {
    double[][] m = new double[initial.length][];
    for (int k = 0; k < initial.length; k++) {
      String name = comparisons.get(k).name();
      boolean inFirst = first != null && !firstBlock.conditioned().contains(name);
      boolean inSecond = second != null && !secondBlock.conditioned().contains(name);
      m[k] = initial[k].clone();
      for (int level = 0; level < m[k].length; level++) {
        if (inFirst && inSecond) {
          m[k][level] = (first[k][level] + second[k][level]) / 2;
        } else if (inFirst) {
          m[k][level] = first[k][level];
        } else if (inSecond) {
          m[k][level] = second[k][level];
        }
      }
    }
    return m;
  }

  /** With no pairs sharing a birth date to learn from: about one other record per record. */
  private static double fallbackPrior(int records) {
    return records / ((double) records * (records - 1) / 2);
  }

  static double boundedPrior(double prior, int records) {
    double totalPairs = (double) records * (records - 1) / 2;
    double cap = Math.min(0.5, MAX_MATCHING_PAIRS_PER_RECORD * records / totalPairs);
    return Math.min(cap, Math.max(1e-12, prior));
  }

  double[][] initialM() {
    double[][] m = new double[comparisons.size()][];
    for (int k = 0; k < comparisons.size(); k++) {
      int levels = comparisons.get(k).levelCount();
      m[k] = new double[levels];
      m[k][1] = 0.85;
      double rest = 0.15;
      double share = 0;
      for (int level = 2; level < levels; level++) {
        share += Math.pow(0.5, level - 1);
      }
      for (int level = 2; level < levels; level++) {
        m[k][level] = rest * Math.pow(0.5, level - 1) / share;
      }
    }
    return m;
  }

  private double[][] estimateU(List<StandardisedRecord> records, int pairs) {
    int n = comparisons.size();
    int size = records.size();
    long seed = config.seed();
    int[] codes =
        IntStream.range(0, pairs)
            .parallel()
            .map(
                i -> {
                  SplittableRandom random = new SplittableRandom(seed * 31 + i);
                  int a = random.nextInt(size);
                  int b = random.nextInt(size - 1);
                  if (b >= a) {
                    b++;
                  }
                  int[] levels = new int[n];
                  comparisons.compare(records.get(a), records.get(b), levels);
                  return comparisons.encode(levels);
                })
            .toArray();
    double[][] u = new double[n][];
    long[][] counts = new long[n][];
    for (int k = 0; k < n; k++) {
      counts[k] = new long[comparisons.get(k).levelCount()];
    }
    int[] levels = new int[n];
    for (int code : codes) {
      comparisons.decode(code, levels);
      for (int k = 0; k < n; k++) {
        counts[k][levels[k]]++;
      }
    }
    for (int k = 0; k < n; k++) {
      int nonMissingLevels = counts[k].length - 1;
      long nonMissing = 0;
      for (int level = 1; level < counts[k].length; level++) {
        nonMissing += counts[k][level];
      }
      u[k] = new double[counts[k].length];
      for (int level = 1; level < counts[k].length; level++) {
        // Half a pair of smoothing: a level never seen among random pairs is rare, not impossible.
        u[k][level] = (counts[k][level] + 0.5) / (nonMissing + 0.5 * nonMissingLevels);
      }
    }
    return u;
  }

  private record PatternCounts(int[][] patterns, long[] counts, long pairs, double fraction) {}

  private PatternCounts patternsOf(List<StandardisedRecord> records, TrainingBlock block) {
    double fraction = Math.min(1.0, (double) config.trainingRecords() / records.size());
    long threshold = (long) (fraction * (1L << 32));
    Map<String, List<Integer>> blocks = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      String key = block.key().apply(records.get(i));
      if (key != null && (Integer.toUnsignedLong(mix(key.hashCode())) < threshold)) {
        blocks.computeIfAbsent(key, x -> new ArrayList<>(4)).add(i);
      }
    }
    List<long[]> pairLists = new ArrayList<>();
    long[] buffer = new long[1024];
    int size = 0;
    for (List<Integer> members : blocks.values()) {
      if (members.size() < 2 || members.size() > config.maxBlockSize()) {
        continue;
      }
      for (int a = 0; a < members.size(); a++) {
        for (int b = a + 1; b < members.size(); b++) {
          if (size == buffer.length) {
            pairLists.add(buffer);
            buffer = new long[buffer.length * 2];
            size = 0;
          }
          buffer[size++] = ((long) members.get(a) << 32) | members.get(b);
        }
      }
    }
    pairLists.add(Arrays.copyOf(buffer, size));
    long[] pairs = pairLists.stream().flatMapToLong(Arrays::stream).toArray();
    int n = comparisons.size();
    int[] codes =
        Arrays.stream(pairs)
            .parallel()
            .mapToInt(
                pair -> {
                  int[] levels = new int[n];
                  comparisons.compare(
                      records.get((int) (pair >>> 32)), records.get((int) pair), levels);
                  return comparisons.encode(levels);
                })
            .toArray();
    Map<Integer, long[]> counted = new HashMap<>();
    for (int code : codes) {
      counted.computeIfAbsent(code, c -> new long[1])[0]++;
    }
    int[][] patterns = new int[counted.size()][];
    long[] counts = new long[counted.size()];
    int p = 0;
    for (Map.Entry<Integer, long[]> e : counted.entrySet()) {
      patterns[p] = new int[n];
      comparisons.decode(e.getKey(), patterns[p]);
      counts[p++] = e.getValue()[0];
    }
    return new PatternCounts(patterns, counts, pairs.length, fraction);
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ (h >>> 16);
  }
}
