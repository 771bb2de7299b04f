package org.familyview.matching;

import java.util.List;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.estimate.ModelParameters;
import org.familyview.matching.estimate.TermFrequencies;
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
 * model, {@link Explanation} as a pair's evidence. The parts it assembles stay behind it.
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

  /** The person id the matcher gives the n-th person ({@code P0000042}). */
  public static String personId(long number) {
    return Linker.personId(number);
  }
}
