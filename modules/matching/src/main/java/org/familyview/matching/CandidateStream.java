package org.familyview.matching;

import java.util.ArrayList;
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

  /**
   * The kept pairs and their scores in chunks of {@link #CHUNK}: a growing array would hold up to
   * three times the kept pairs at its last copy (old, doubled, trimmed), chunks one time and one
   * chunk.
   */
  private static final int CHUNK_BITS = 20;

  private static final int CHUNK = 1 << CHUNK_BITS;

  private final List<long[]> pairs = new ArrayList<>();
  private final List<float[]> bayes = new ArrayList<>();
  private final List<byte[]> rule = new ArrayList<>();
  private final List<byte[]> personal = new ArrayList<>();
  private int kept;
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

  /** The pairs that can matter, in candidate order, with their scores; and what blocking found. */
  record Result(
      long[] pairs,
      Linker.Scored scored,
      CandidatePairs.Summary blocking,
      long generateMillis,
      long scoreMillis) {}

  static Result score(
      PairScorer scorer, List<StandardisedRecord> records, BlockIndex index, Progress progress) {
    CandidateStream stream = new CandidateStream(scorer, records, progress);
    long start = System.nanoTime();
    CandidatePairs.Summary blocking = index.streamPairs(stream::accept);
    long total = System.nanoTime() - start;
    int kept = stream.kept;
    return new Result(
        stream.pairs(),
        new Linker.Scored(
            joined(stream.bayes, new float[kept], kept),
            joined(stream.rule, new byte[kept], kept),
            stream.outcomes,
            joined(stream.personal, new byte[kept], kept),
            stream.householdLike,
            stream.sharingResidence),
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
        keep(candidatePairs[i], scored, i);
      }
    }
    candidates += count;
    scoreNanos += System.nanoTime() - start;
    progress.report("  scored " + candidates + " candidate pairs, " + kept + " kept");
  }

  /** Whether each pair is kept or enters the graph under either setting of the household guard. */
  private boolean[] matters(long[] candidatePairs, Linker.Scored scored) {
    boolean[] matters = new boolean[candidatePairs.length];
    for (PairScorer guarded : List.of(guardOff, guardOn)) {
      LinkDecision[] decisions =
          Linker.decisions(guarded, births, candidatePairs, scored, tolerance);
      for (int i = 0; i < decisions.length; i++) {
        RuleOutcome outcome = Linker.outcomeOf(guarded, scored, i);
        matters[i] |=
            Linker.keep(decisions[i], outcome)
                || decisions[i] != LinkDecision.NO_LINK
                || !(outcome instanceof RuleOutcome.NoRule);
      }
    }
    return matters;
  }

  private void keep(long pair, Linker.Scored scored, int i) {
    int at = kept & (CHUNK - 1);
    if (at == 0) {
      pairs.add(new long[CHUNK]);
      bayes.add(new float[CHUNK]);
      rule.add(new byte[CHUNK]);
      personal.add(new byte[CHUNK]);
    }
    int chunk = kept >>> CHUNK_BITS;
    pairs.get(chunk)[at] = pair;
    bayes.get(chunk)[at] = scored.bayes()[i];
    rule.get(chunk)[at] = scored.rule()[i];
    personal.get(chunk)[at] = scored.personal()[i];
    kept = Math.addExact(kept, 1);
  }

  private long[] pairs() {
    return joined(pairs, new long[kept], kept);
  }

  /** The chunks copied into {@code into}, each let go as soon as it is copied. */
  private static <T> T joined(List<T> chunks, T into, int count) {
    for (int c = 0; c < chunks.size(); c++) {
      int from = c * CHUNK;
      System.arraycopy(chunks.get(c), 0, into, from, Math.min(CHUNK, count - from));
      chunks.set(c, null);
    }
    return into;
  }
}
