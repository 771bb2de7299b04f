package org.familyview.matching.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.familyview.matching.Linkage;
import org.familyview.matching.RecordKey;
import org.familyview.matching.block.CandidatePairs;
import org.familyview.matching.score.LinkDecision;
import org.familyview.matching.score.PairScorer;
import org.familyview.matching.standardise.StandardisedRecord;

/**
 * Whether the model's probabilities mean what they say, measured against labelled truth: pairs are
 * put in bands of predicted match probability, and each band's observed share of true pairs is set
 * beside it. A calibrated model's pairs at p ≥ 0.99 are at least 99% true. Also the share of true
 * pairs among those linked and among those sent for review: a review queue whose pairs are nearly
 * all true (or nearly all false) should have been decided automatically.
 *
 * @param bands the probability bands, lowest first
 * @param linked pairs decided LINK, and how many of them are true
 * @param review pairs decided REVIEW, and how many of them are true
 */
public record Calibration(List<Band> bands, Count linked, Count review) {

  /** Lower edges of the bands; each band runs to the next edge (the last to 1 inclusive). */
  static final double[] EDGES = {0, 0.1, 0.5, 0.7, 0.9, 0.99, 0.999, 0.9999};

  public Calibration {
    bands = List.copyOf(bands);
  }

  /** One band: [from, to), its pairs, how many are true, and the mean predicted probability. */
  public record Band(double from, double to, long pairs, long truePairs, double meanPredicted) {

    /** The observed share of true pairs, NaN for an empty band. */
    public double observed() {
      return pairs == 0 ? Double.NaN : (double) truePairs / pairs;
    }
  }

  /** A count of pairs and of true pairs among them. */
  public record Count(long pairs, long truePairs) {

    public double share() {
      return pairs == 0 ? Double.NaN : (double) truePairs / pairs;
    }
  }

  /** Accumulates pairs one by one (not thread-safe). */
  public static final class Builder {
    private final long[] pairs = new long[EDGES.length];
    private final long[] truePairs = new long[EDGES.length];
    private final double[] predicted = new double[EDGES.length];
    private final long[] linked = new long[2];
    private final long[] review = new long[2];

    /** Adds a pair with its predicted probability, whether it is truly one person, and decision. */
    public Builder add(double probability, boolean same, LinkDecision decision) {
      int band = band(probability);
      pairs[band]++;
      predicted[band] += probability;
      if (same) {
        truePairs[band]++;
      }
      long[] count =
          decision == LinkDecision.LINK ? linked : decision == LinkDecision.REVIEW ? review : null;
      if (count != null) {
        count[0]++;
        count[1] += same ? 1 : 0;
      }
      return this;
    }

    public Calibration build() {
      List<Band> bands = new ArrayList<>();
      for (int b = 0; b < EDGES.length; b++) {
        double to = b + 1 < EDGES.length ? EDGES[b + 1] : 1.0;
        bands.add(
            new Band(
                EDGES[b], to, pairs[b], truePairs[b], pairs[b] == 0 ? 0 : predicted[b] / pairs[b]));
      }
      return new Calibration(
          bands, new Count(linked[0], linked[1]), new Count(review[0], review[1]));
    }
  }

  static int band(double probability) {
    for (int b = EDGES.length - 1; b > 0; b--) {
      if (probability >= EDGES[b]) {
        return b;
      }
    }
    return 0;
  }

  /**
   * The pairs a link run kept (links, review pairs and pairs a rule settled), against truth (a
   * cluster number per record position, -1 for none; pairs with an unlabelled record are left out).
   * Plain non-links are not kept, so bands below the review threshold are incomplete.
   */
  public static Calibration ofKeptPairs(Linkage linkage, int[] truthCluster) {
    Builder builder = new Builder();
    for (int i = 0; i < linkage.keptPairCount(); i++) {
      long position = linkage.keptPairPosition(i);
      int a = truthCluster[CandidatePairs.left(position)];
      int b = truthCluster[CandidatePairs.right(position)];
      if (a < 0 || b < 0) {
        continue;
      }
      // Weight and decision only: a KeptPair record each (with its keys) for 24 M pairs costs more.
      builder.add(
          PairScorer.probability(linkage.keptPairWeight(i)), a == b, linkage.keptPairDecision(i));
    }
    return builder.build();
  }

  /**
   * Every candidate pair scored by {@code scorer} (its decision by the scorer's thresholds and
   * rules), against truth as in {@link #ofKeptPairs}: the full picture, at the cost of scoring all
   * candidates once more.
   */
  public static Calibration ofCandidates(
      PairScorer scorer, List<StandardisedRecord> records, long[] pairs, int[] truthCluster) {
    PairScorer.Prepared prepared = scorer.prepare(records);
    int n = scorer.comparisons().size();
    int chunk = 1 << 15;
    return IntStream.range(0, (pairs.length + chunk - 1) / chunk)
        .parallel()
        .mapToObj(
            c -> {
              Builder builder = new Builder();
              int[] levels = new int[n];
              for (int i = c * chunk; i < Math.min(pairs.length, (c + 1) * chunk); i++) {
                int l = CandidatePairs.left(pairs[i]);
                int r = CandidatePairs.right(pairs[i]);
                if (truthCluster[l] < 0 || truthCluster[r] < 0) {
                  continue;
                }
                double weight = scorer.priorWeight() + prepared.bayesWeight(l, r, levels);
                LinkDecision decision =
                    scorer.decide(weight, scorer.rules(records.get(l), records.get(r), levels));
                builder.add(
                    PairScorer.probability(weight), truthCluster[l] == truthCluster[r], decision);
              }
              return builder;
            })
        .reduce(new Builder(), Calibration::merge)
        .build();
  }

  private static Builder merge(Builder a, Builder b) {
    Builder sum = new Builder();
    for (int i = 0; i < EDGES.length; i++) {
      sum.pairs[i] = a.pairs[i] + b.pairs[i];
      sum.truePairs[i] = a.truePairs[i] + b.truePairs[i];
      sum.predicted[i] = a.predicted[i] + b.predicted[i];
    }
    for (int i = 0; i < 2; i++) {
      sum.linked[i] = a.linked[i] + b.linked[i];
      sum.review[i] = a.review[i] + b.review[i];
    }
    return sum;
  }

  /** As {@link #ofKeptPairs(Linkage, int[])} with truth as agency-record keys to cluster labels. */
  public static Calibration ofKeptPairs(Linkage linkage, Map<RecordKey, String> truth) {
    return ofKeptPairs(linkage, clusters(linkage.recordCount(), linkage::key, truth));
  }

  /** Truth labels as cluster numbers per record position, -1 where a record has none. */
  public static int[] clusters(
      int records, java.util.function.IntFunction<RecordKey> key, Map<RecordKey, String> truth) {
    int[] cluster = new int[records];
    Map<String, Integer> numbers = new java.util.HashMap<>();
    for (int i = 0; i < records; i++) {
      String label = truth.get(key.apply(i));
      cluster[i] = label == null ? -1 : numbers.computeIfAbsent(label, c -> numbers.size());
    }
    return cluster;
  }

  /** The table printed by {@code link} and {@code link train} with {@code --truth}. */
  public String table() {
    StringBuilder s = new StringBuilder();
    s.append("Calibration (predicted match probability -> observed share of true pairs):\n");
    s.append(
        String.format(
            Locale.ROOT,
            "  %-17s %12s %12s %10s %10s%n",
            "band",
            "pairs",
            "true",
            "predicted",
            "observed"));
    for (Band band : bands) {
      if (band.pairs() == 0) {
        continue;
      }
      s.append(
          String.format(
              Locale.ROOT,
              "  [%.4f, %.4f%s %,12d %,12d %10.4f %10.4f%n",
              band.from(),
              band.to(),
              band.to() >= 1.0 ? "]" : ")",
              band.pairs(),
              band.truePairs(),
              band.meanPredicted(),
              band.observed()));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "  linked pairs %,d, %.4f true; review pairs %,d, %.4f true%n",
            linked.pairs(),
            linked.share(),
            review.pairs(),
            review.share()));
    return s.toString();
  }
}
