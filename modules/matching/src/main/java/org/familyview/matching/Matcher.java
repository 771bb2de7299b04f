package org.familyview.matching;

import java.util.List;
import java.util.Map;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.estimate.ModelParameters;
import org.familyview.matching.estimate.TermFrequencies;
import org.familyview.matching.evaluate.BlockingRecall;
import org.familyview.matching.evaluate.Calibration;
import org.familyview.matching.evaluate.Coherence;
import org.familyview.matching.evaluate.LinkageMetrics;
import org.familyview.matching.explain.Explainer;
import org.familyview.matching.explain.Explanation;
import org.familyview.matching.incremental.IncrementalMatcher;
import org.familyview.matching.score.PairScorer;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * The matcher as its callers use it: standardise, link, score and explain with one configuration.
 * The nightly pipeline, the steward's workbench and the command line hold a {@code Matcher} rather
 * than assembling the library's parts (standardiser, comparisons, term frequencies, thresholds)
 * themselves, so that a change inside the library does not ripple into them, and the same
 * configuration gives the same scores wherever a pair is looked at.
 *
 * <p>What it takes and gives are the library's values: {@link SourceRecord} in, {@link Linkage}
 * (person ids, kept pairs, the scorer and a trained model) out, {@link ModelParameters} as the
 * model, {@link Explanation} as a pair's evidence and, against labelled truth, an {@link
 * Evaluation} (what the command line reports). The parts it assembles stay behind it.
 */
public final class Matcher {

  private final Linker linker;

  private Matcher(Linker linker) {
    this.linker = linker;
  }

  /** The matcher with the standard standardiser and comparisons, under this configuration. */
  public static Matcher of(MatchingConfig config) {
    return new Matcher(new Linker(config));
  }

  public MatchingConfig config() {
    return linker.config();
  }

  /** The comparisons a model is trained on and a pair is scored by, in order. */
  public ComparisonSet comparisons() {
    return linker.comparisons();
  }

  /**
   * Whether a stored model can weigh this matcher's comparisons: one trained before a comparison
   * gained a level cannot, and a night should then train anew rather than fail.
   */
  public boolean fits(ModelParameters model) {
    return PairScorer.fits(model, comparisons());
  }

  /** One record as the matcher compares it (names cleaned, dates and identifiers parsed). */
  public StandardisedRecord standardise(SourceRecord record) {
    return linker.standardiser().standardise(record);
  }

  /**
   * A batch run: standardise, block, train a model unless one is given, score, cluster under the
   * constraints.
   */
  public Linkage link(
      List<SourceRecord> records,
      @Nullable ModelParameters model,
      Constraints constraints,
      Progress progress) {
    return linker.link(records, model, constraints, progress);
  }

  /** As {@link #link} for records already standardised (each as it was read). */
  public Linkage linkStandardised(
      List<StandardisedRecord> records,
      @Nullable ModelParameters model,
      Constraints constraints,
      Progress progress) {
    return linker.linkStandardised(records, model, constraints, progress);
  }

  /** Explicit re-training: blocking and m, u and the prior, as a batch run would train them. */
  public Linker.TrainingRun train(List<StandardisedRecord> records, Progress progress) {
    return linker.trainingRun(records, progress);
  }

  /**
   * A model's scorer over a population, as a batch run scores it: the population's term
   * frequencies, the configured thresholds, corroboration where the population allows it.
   */
  public PairScorer scorer(ModelParameters model, List<StandardisedRecord> population) {
    return new PairScorer(
            model,
            linker.comparisons(),
            TermFrequencies.of(linker.comparisons(), population),
            linker.config().thresholds(),
            false)
        .withCorroboration(PairScorer.corroborationPossible(population));
  }

  /**
   * The evidence for one pair under a model, looked at on its own (as a steward does): no
   * population, so no term-frequency adjustment; the household guard on.
   */
  public Explanation explain(SourceRecord left, SourceRecord right, ModelParameters model) {
    PairScorer scorer =
        new PairScorer(
            model,
            linker.comparisons(),
            TermFrequencies.of(linker.comparisons(), List.of()),
            linker.config().thresholds(),
            true);
    return new Explainer(scorer).explain(standardise(left), standardise(right));
  }

  /** Single-record matching against a batch run's result, kept up to date as records change. */
  public IncrementalMatcher incremental(Linkage linkage, Constraints constraints) {
    return IncrementalMatcher.from(linker, linkage, constraints);
  }

  /**
   * A batch run scored against labelled truth.
   *
   * @param blockingRecall the share of true pairs that blocking proposed
   * @param keptRecall the share of true pairs among the pairs the run kept (linked or for review)
   * @param metrics pairwise precision, recall and F-measure of the people formed
   * @param calibration the kept pairs' predicted probabilities against how often they are true
   */
  public record Evaluation(
      double blockingRecall, double keptRecall, LinkageMetrics metrics, Calibration calibration) {}

  /**
   * A batch run against truth: {@code truthCluster} is each record's true cluster by position, as
   * {@link Linkage} numbers the records (negative: the truth does not name the record).
   */
  public static Evaluation evaluate(Linkage linkage, int[] truthCluster) {
    return new Evaluation(
        BlockingRecall.of(truthCluster, linkage::isCandidate),
        BlockingRecall.of(truthCluster, linkage::isKeptPair),
        LinkageMetrics.of(linkage.clustering().clusterOf(), truthCluster),
        Calibration.ofKeptPairs(linkage, truthCluster));
  }

  /** Accuracy of person ids against truth, both by record key (e.g. an incremental matcher's). */
  public static LinkageMetrics metrics(
      Map<RecordKey, String> personIds, Map<RecordKey, String> truth) {
    return LinkageMetrics.of(personIds, truth);
  }

  /** Whether each person a run formed holds together (no two different valid identifiers). */
  public static Coherence coherence(Linkage linkage) {
    return Coherence.of(linkage.records(), linkage::personId);
  }

  /**
   * A training run's candidate pairs scored with the model it trained, over this population,
   * against truth (by record position, as for {@link #evaluate}).
   */
  public Calibration calibration(
      Linker.TrainingRun run, List<StandardisedRecord> records, int[] truthCluster) {
    PairScorer scorer = scorer(run.report().parameters(), records);
    return Calibration.ofCandidates(scorer, records, run.candidates().pairs(), truthCluster);
  }

  /** The share of true pairs a training run's blocking proposed, all rules together. */
  public static double blockingRecall(Linker.TrainingRun run, int[] truthCluster) {
    return BlockingRecall.of(truthCluster, run.candidates().pairs());
  }

  /** The share of true pairs one blocking rule of a training run proposes on its own. */
  public static double blockingRecall(Linker.TrainingRun run, String rule, int[] truthCluster) {
    return BlockingRecall.of(truthCluster, run.index().pairsOfRule(rule));
  }

  /** The person id the matcher gives the n-th person ({@code P0000042}). */
  public static String personId(long number) {
    return Linker.personId(number);
  }
}
