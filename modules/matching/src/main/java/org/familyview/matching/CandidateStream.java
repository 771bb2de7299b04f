package org.familyview.matching;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.familyview.matching.block.BlockIndex;
import org.familyview.matching.block.CandidatePairs;
import org.familyview.matching.score.LinkDecision;
import org.familyview.matching.score.PairScorer;
import org.familyview.matching.score.RuleOutcome;
import org.familyview.matching.standardise.StandardisedRecord;

/**
 * Scores candidate pairs batch by batch as blocking streams them, and keeps only the pairs that can
 * still matter: those that {@link Linker#decide} would keep or put into the link graph. Whether a
 * pair matters can depend on the household guard, which is only known once every pair has been
 * scored, so a pair is kept if it matters with the guard on or with it off; deciding on the kept
 * pairs then gives exactly what deciding on all of them would. What is held grows with the pairs
 * kept (links, review pairs, rule decisions), not with the candidates.
 */
final class CandidateStream {

  private final PairScorer scorer;
  private final List<StandardisedRecord> records;
  private final PairScorer.Prepared prepared;
  private final PairScorer guardOn;
  private final PairScorer guardOff;
  private final boolean[] tolerance;
  private final int[] births;
  private final List<RuleOutcome> outcomes = new CopyOnWriteArrayList<>(List.of(RuleOutcome.NONE));
  private final Progress progress;

  /** The kept pairs and their scores, in chunks never joined (see {@link KeptPairs}). */
  private final KeptPairs kept = new KeptPairs();

  private long householdLike;
  private long sharingResidence;
  private long candidates;
  private long scoreNanos;

  private CandidateStream(PairScorer scorer, List<StandardisedRecord> records, Progress progress) {
    this.scorer = scorer;
    this.records = records;
    this.prepared = scorer.prepare(records);
    this.guardOn = scorer.withHouseholdGuard(true);
    this.guardOff = scorer.withHouseholdGuard(false);
    this.tolerance = Linker.birthDateTolerance(scorer);
    this.births = Linker.births(records);
    this.progress = progress;
  }

  /**
   * The pairs that can matter, in candidate order, with their scores (the weight a Bayes factor in
   * bits, the rule an outcome's number in {@code outcomes}, the mark the personal-evidence code);
   * the household statistic over every candidate; and what blocking found.
   */
  record Result(
      KeptPairs kept,
      List<RuleOutcome> outcomes,
      long householdLike,
      long sharingResidence,
      CandidatePairs.Summary blocking,
      long generateMillis,
      long scoreMillis) {

    double householdShare() {
      return sharingResidence == 0 ? 0 : (double) householdLike / sharingResidence;
    }
  }

  static Result score(
      PairScorer scorer, List<StandardisedRecord> records, BlockIndex index, Progress progress) {
    CandidateStream stream = new CandidateStream(scorer, records, progress);
    long start = System.nanoTime();
    CandidatePairs.Summary blocking = index.streamPairs(stream::accept);
    long total = System.nanoTime() - start;
    return new Result(
        stream.kept,
        stream.outcomes,
        stream.householdLike,
        stream.sharingResidence,
        blocking,
        (total - stream.scoreNanos) / 1_000_000,
        stream.scoreNanos / 1_000_000);
  }

  private void accept(long[] batch, int count) {
    long start = System.nanoTime();
    long[] candidatePairs = Arrays.copyOf(batch, count);
    Linker.Scored scored =
        Linker.score(scorer, prepared, records, candidatePairs, outcomes, Progress.SILENT);
    householdLike += scored.householdLike();
    sharingResidence += scored.sharingResidence();
    boolean[] matters = matters(candidatePairs, scored);
    for (int i = 0; i < count; i++) {
      if (matters[i]) {
        kept.add(candidatePairs[i], scored.bayes()[i], scored.rule()[i], scored.personal()[i]);
      }
    }
    candidates += count;
    scoreNanos += System.nanoTime() - start;
    progress.report("  scored " + candidates + " candidate pairs, " + kept.size() + " kept");
  }

  /**
   * Whether each pair is kept under either setting of the household guard. What {@link Linker#keep}
   * keeps is all that deciding reads: the graph takes only links, must-links and cannot-links, and
   * family corroboration only links and review pairs. A pair no rule settles and the weight rejects
   * is dropped even when an "at most review" outcome (the household guard, the corroboration rule)
   * applies to it: at a million records most candidates are such pairs, and keeping them (as this
   * did) made the kept pairs grow with the candidates.
   */
  private boolean[] matters(long[] candidatePairs, Linker.Scored scored) {
    boolean[] matters = new boolean[candidatePairs.length];
    for (PairScorer guarded : List.of(guardOff, guardOn)) {
      LinkDecision[] decisions =
          Linker.decisions(guarded, births, candidatePairs, scored, tolerance);
      for (int i = 0; i < decisions.length; i++) {
        RuleOutcome outcome = Linker.outcomeOf(guarded, scored, i);
        matters[i] |= Linker.keep(decisions[i], outcome);
      }
    }
    return matters;
  }
}
