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

  private static List<TrainingBlock> trainingBlocks() {
    return List.of(
        new TrainingBlock(
            "date_of_birth",
            r -> r.dateOfBirth() == null ? null : Integer.toString(r.dateOfBirth().digits()),
            List.of("date_of_birth")),
        new TrainingBlock(
            "forename+surname",
            r ->
                r.canonicalForename() == null || r.surname() == null
                    ? null
                    : r.canonicalForename() + "|" + r.surname(),
            List.of("forename", "surname")));
  }

  public TrainingReport train(List<StandardisedRecord> records) {
    if (records.size() < 2) {
      throw new IllegalArgumentException("training needs at least two records");
    }
    int n = comparisons.size();
    long sampled = Math.min(config.randomPairs(), (long) records.size() * (records.size() - 1) / 2);
    double[][] u = estimateU(records, (int) sampled);
    double[][] sumM = new double[n][];
    int[] runsPerComparison = new int[n];
    for (int k = 0; k < n; k++) {
      sumM[k] = new double[comparisons.get(k).levelCount()];
    }
    List<TrainingReport.RuleRun> runs = new ArrayList<>();
    double matchesSharingBirthDate = -1;
    for (TrainingBlock block : trainingBlocks()) {
      boolean[] active = new boolean[n];
      Arrays.fill(active, true);
      block.conditioned().forEach(name -> active[comparisons.indexOf(name)] = false);
      PatternCounts counts = patternsOf(records, block);
      if (counts.pairs() == 0) {
        continue;
      }
      ExpectationMaximisation.Result result =
          ExpectationMaximisation.run(
              counts.patterns(),
              counts.counts(),
              initialM(),
              u,
              active,
              0.1,
              config.maxIterations());
      for (int k = 0; k < n; k++) {
        if (active[k]) {
          runsPerComparison[k]++;
          for (int level = 0; level < sumM[k].length; level++) {
            sumM[k][level] += result.m()[k][level];
          }
        }
      }
      if (block.name().equals("date_of_birth")) {
        matchesSharingBirthDate = result.lambda() * counts.pairs() / counts.fraction();
      }
      runs.add(
          new TrainingReport.RuleRun(
              block.name(),
              block.conditioned(),
              counts.pairs(),
              result.lambda(),
              result.iterations()));
    }
    double[][] m = initialM();
    for (int k = 0; k < n; k++) {
      if (runsPerComparison[k] > 0) {
        for (int level = 0; level < m[k].length; level++) {
          m[k][level] = sumM[k][level] / runsPerComparison[k];
        }
      }
    }
    double prior = initialPrior(records.size(), matchesSharingBirthDate, m);
    ModelParameters parameters =
        ModelParameters.of(
            Instant.now().toString(),
            comparisons.comparisons().stream().map(c -> c.name()).toList(),
            m,
            u,
            prior);
    return new TrainingReport(parameters, sampled, runs);
  }

  // Matches sharing an exact birth date are m(dob exact) of all matches; a refinement on the
  // candidate pairs follows at link time.
  private double initialPrior(int records, double matchesSharingBirthDate, double[][] m) {
    double totalPairs = (double) records * (records - 1) / 2;
    if (matchesSharingBirthDate <= 0) {
      return Math.min(0.5, records / totalPairs);
    }
    double exactDob = m[comparisons.indexOf("date_of_birth")][1];
    return Math.min(0.5, Math.max(1e-12, matchesSharingBirthDate / exactDob / totalPairs));
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
