package org.familyview.matching;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.familyview.matching.block.BlockIndex;
import org.familyview.matching.block.CandidatePairs;
import org.familyview.matching.cluster.Clusterer;
import org.familyview.matching.cluster.Clustering;
import org.familyview.matching.cluster.LinkGraph;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.compare.DateOfBirthComparison;
import org.familyview.matching.estimate.DefaultModel;
import org.familyview.matching.estimate.HouseholdInteraction;
import org.familyview.matching.estimate.ModelParameters;
import org.familyview.matching.estimate.TermFrequencies;
import org.familyview.matching.estimate.Trainer;
import org.familyview.matching.estimate.TrainingReport;
import org.familyview.matching.score.LinkDecision;
import org.familyview.matching.score.PairScorer;
import org.familyview.matching.score.RuleOutcome;
import org.familyview.matching.standardise.StandardisedRecord;
import org.familyview.matching.standardise.Standardiser;
import org.jspecify.annotations.Nullable;

/**
 * The batch matcher: standardise, block, train (unless a model is given), score, decide, cluster.
 * This is the entry point for the nightly full run and for the offline {@code link} command.
 */
public final class Linker {

  private static final int CHUNK = 1 << 15;

  private final MatchingConfig config;
  private final Standardiser standardiser;
  private final ComparisonSet comparisons;

  public Linker(MatchingConfig config) {
    this(config, Standardiser.standard(), ComparisonSet.standard());
  }

  public Linker(MatchingConfig config, Standardiser standardiser, ComparisonSet comparisons) {
    this.config = config;
    this.standardiser = standardiser;
    this.comparisons = comparisons;
  }

  public MatchingConfig config() {
    return config;
  }

  public ComparisonSet comparisons() {
    return comparisons;
  }

  public Standardiser standardiser() {
    return standardiser;
  }

  public List<StandardisedRecord> standardise(List<SourceRecord> records) {
    return records.parallelStream().map(standardiser::standardise).toList();
  }

  /** Trains a model on a population (explicit re-training; the report shows m, u and EM runs). */
  public TrainingReport train(List<StandardisedRecord> records) {
    return new Trainer(comparisons, config.training()).train(records);
  }

  public Linkage link(
      List<SourceRecord> sources,
      @Nullable ModelParameters model,
      Constraints constraints,
      Progress progress) {
    Map<String, Long> timings = new LinkedHashMap<>();
    long start = System.nanoTime();
    List<StandardisedRecord> records = standardise(sources);
    start = lap(timings, "standardise", start, progress, records.size() + " records standardised");
    return link(records, model, constraints, progress, timings, start);
  }

  /**
   * As {@link #link(List, ModelParameters, Constraints, Progress)} for records already
   * standardised, so that a caller holding a million source records can let them go first.
   */
  public Linkage linkStandardised(
      List<StandardisedRecord> records,
      @Nullable ModelParameters model,
      Constraints constraints,
      Progress progress) {
    return link(records, model, constraints, progress, new LinkedHashMap<>(), System.nanoTime());
  }

  /**
   * Explicit re-training, the step a data steward runs before a model is used for nightly runs:
   * blocks the population (for the report's blocking figures) and trains m, u and the prior without
   * labels exactly as {@link #link} does when it trains, so that a model stored from this run links
   * the same population as the link run would have.
   */
  public TrainingRun trainingRun(List<StandardisedRecord> records, Progress progress) {
    Map<String, Long> timings = new LinkedHashMap<>();
    long start = System.nanoTime();
    BlockIndex index = BlockIndex.build(config.blocking(), records);
    CandidatePairs candidates = index.allPairs();
    start = lap(timings, "block", start, progress, candidates.size() + " candidate pairs");
    TrainingReport training = train(records);
    lap(timings, "train", start, progress, "m, u and the prior trained");
    return new TrainingRun(training, index, candidates, timings);
  }

  /** What {@link #trainingRun} found: the report (with the model) and the blocking it used. */
  public record TrainingRun(
      TrainingReport report,
      BlockIndex index,
      CandidatePairs candidates,
      Map<String, Long> timingsMillis) {}

  private Linkage link(
      List<StandardisedRecord> records,
      @Nullable ModelParameters model,
      Constraints constraints,
      Progress progress,
      Map<String, Long> timings,
      long start) {
    BlockIndex index = BlockIndex.build(config.blocking(), records);
    start = lap(timings, "block", start, progress, "blocking keys indexed");
    TrainingReport training = null;
    if (model == null && records.size() >= DefaultModel.SMALL_POPULATION) {
      training = train(records);
      start = lap(timings, "train", start, progress, "model trained");
    }
    PairScorer scorer = scorer(records, modelOf(model, training, records, progress));
    // Candidate pairs are generated and scored a batch at a time; only those that can matter stay.
    CandidateStream.Result candidates = CandidateStream.score(scorer, records, index, progress);
    scorer = withHouseholdGuard(scorer, candidates.householdShare(), progress);
    timings.put("pairs", candidates.generateMillis());
    start =
        lap(
            timings,
            "score",
            start + candidates.generateMillis() * 1_000_000,
            progress,
            candidates.blocking().pairs()
                + " candidate pairs scored, "
                + candidates.kept().size()
                + " kept");

    CandidatePairs.Summary blocking = candidates.blocking();
    // Deciding lets go of the scored pairs' chunks as it copies the decided ones.
    Decided decided =
        decide(scorer, records, candidates.kept(), candidates.outcomes(), constraints);
    candidates = null;
    Clustering clustering = new Clusterer(config.clustering()).cluster(decided.graph());
    String[] personIds = personIds(records, clustering);
    lap(timings, "cluster", start, progress, clustering.clusters() + " people");
    return new Linkage(
        records,
        personIds,
        decided.pairs(),
        decided.ruleReasons(),
        clustering,
        scorer,
        blocking.rules(),
        blocking.pairs(),
        training,
        timings,
        index);
  }

  /** The model given, else the one trained, else (for a small population) the shipped default. */
  private static ModelParameters modelOf(
      @Nullable ModelParameters model,
      @Nullable TrainingReport training,
      List<StandardisedRecord> records,
      Progress progress) {
    if (model != null) {
      return model;
    }
    if (training != null) {
      return training.parameters();
    }
    ModelParameters shipped = DefaultModel.forPopulation(records.size());
    progress.report(
        "default model "
            + shipped.version()
            + " (shipped with the library; prior rescaled): "
            + records.size()
            + " records are too few to train on");
    return shipped;
  }

  private PairScorer scorer(List<StandardisedRecord> records, ModelParameters model) {
    TermFrequencies frequencies = TermFrequencies.of(comparisons, records);
    return new PairScorer(model, comparisons, frequencies, config.thresholds(), false)
        .withCorroboration(PairScorer.corroborationPossible(records))
        .withHouseholdInteraction(
            HouseholdInteraction.of(comparisons, model, records, HOUSEHOLD_SHARE));
  }

  /** The household guard set from the share of household-like pairs among all candidates. */
  private static PairScorer withHouseholdGuard(
      PairScorer scorer, double householdShare, Progress progress) {
    PairScorer guarded = scorer.withHouseholdGuard(householdShare >= HOUSEHOLD_SHARE);
    progress.report(
        String.format(
            "households: %.1f%% of candidates sharing an address differ in forename and birth date;"
                + " household guard %s; corroboration rule %s; household correction from %d pairs"
                + " at one address, same surname and birth date %.1f bits",
            100 * householdShare,
            guarded.householdGuard() ? "on" : "off",
            guarded.corroboration() ? "on" : "off",
            guarded.householdInteraction().householdPairs(),
            guarded.householdInteraction().sameSurnameAndBirth()));
    return guarded;
  }

  private static long lap(
      Map<String, Long> timings, String step, long start, Progress progress, String message) {
    long now = System.nanoTime();
    long millis = (now - start) / 1_000_000;
    timings.put(step, millis);
    progress.report(String.format("%-12s %7d ms  %s", step, millis, message));
    return now;
  }

  /** Bayes factors (bits) of every candidate pair, and the rule outcome of each (0 = none). */
  record Scored(
      float[] bayes,
      byte[] rule,
      List<RuleOutcome> outcomes,
      byte[] personal,
      long householdLike,
      long sharingResidence) {}

  /**
   * Populations with households (real extracts) need the household guard; populations without (some
   * benchmark sets, where everyone at an address is one person) would only lose links to it. Above
   * this share of household-like pairs among pairs sharing an address, the guard is on.
   */
  static final double HOUSEHOLD_SHARE = 0.10;

  static Scored score(
      PairScorer scorer, List<StandardisedRecord> records, long[] pairs, Progress progress) {
    return score(
        scorer,
        scorer.prepare(records),
        records,
        pairs,
        new CopyOnWriteArrayList<>(List.of(RuleOutcome.NONE)),
        progress);
  }

  /**
   * As {@link #score(PairScorer, List, long[], Progress)} for one batch of a stream of pairs: the
   * records prepared once, and the rule outcomes numbered in one list shared by every batch.
   */
  static Scored score(
      PairScorer scorer,
      PairScorer.Prepared prepared,
      List<StandardisedRecord> records,
      long[] pairs,
      List<RuleOutcome> outcomes,
      Progress progress) {
    float[] bayes = new float[pairs.length];
    byte[] rule = new byte[pairs.length];
    byte[] personal = new byte[pairs.length];
    long[] householdLike = new long[1];
    long[] sharing = new long[1];
    int chunks = (pairs.length + CHUNK - 1) / CHUNK;
    int n = scorer.comparisons().size();
    java.util.concurrent.atomic.AtomicInteger done =
        new java.util.concurrent.atomic.AtomicInteger();
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              int[] levels = new int[n];
              long chunkHouseholdLike = 0;
              long chunkSharing = 0;
              int end = Math.min(pairs.length, (c + 1) * CHUNK);
              for (int i = c * CHUNK; i < end; i++) {
                int l = CandidatePairs.left(pairs[i]);
                int r = CandidatePairs.right(pairs[i]);
                bayes[i] = (float) prepared.bayesWeight(l, r, levels);
                RuleOutcome outcome = scorer.rules(records.get(l), records.get(r), levels);
                if (!(outcome instanceof RuleOutcome.NoRule)) {
                  rule[i] = code(outcomes, outcome);
                }
                personal[i] = personalCode(prepared.personalEvidence(l, levels));
                if (scorer.sharesResidence(levels)) {
                  chunkSharing++;
                  if (scorer.looksLikeHousehold(levels)) {
                    chunkHouseholdLike++;
                  }
                }
              }
              synchronized (sharing) {
                sharing[0] += chunkSharing;
                householdLike[0] += chunkHouseholdLike;
              }
              if (done.incrementAndGet() % 64 == 0) {
                progress.report(
                    "  scored " + (long) done.get() * CHUNK + " of " + pairs.length + " pairs");
              }
            });
    return new Scored(bayes, rule, outcomes, personal, householdLike[0], sharing[0]);
  }

  /** Every record's date of birth as {@link DateOfBirthComparison#code} gives it. */
  static int[] births(List<StandardisedRecord> records) {
    int[] births = new int[records.size()];
    for (int i = 0; i < births.length; i++) {
      births[i] = DateOfBirthComparison.code(records.get(i).dateOfBirth());
    }
    return births;
  }

  /**
   * Each candidate's decision (see {@link #decision}), the records' dates of birth coded once by
   * the caller: a stream of batches would otherwise code every record's twice per batch. Decisions
   * are independent per pair, so they are made in parallel; the graph is then built in candidate
   * order, which keeps clustering (and so person ids) independent of threads.
   */
  static LinkDecision[] decisions(
      PairScorer scorer, int[] births, long[] candidates, Scored scored, boolean[] tolerance) {
    double prior = scorer.priorWeight();
    LinkDecision[] decisionOf = new LinkDecision[candidates.length];
    IntStream.range(0, (candidates.length + CHUNK - 1) / CHUNK)
        .parallel()
        .forEach(
            c -> {
              int end = Math.min(candidates.length, (c + 1) * CHUNK);
              for (int i = c * CHUNK; i < end; i++) {
                decisionOf[i] =
                    decision(
                        scorer,
                        prior,
                        outcomeOf(scorer, scored, i),
                        scored.personal()[i],
                        scored.bayes()[i],
                        births[CandidatePairs.left(candidates[i])],
                        births[CandidatePairs.right(candidates[i])],
                        tolerance);
              }
            });
    return decisionOf;
  }

  /**
   * Each kept pair's decision as a {@link LinkDecision} ordinal, in chunks as the pairs are held (a
   * byte a pair, where an array of references took four and one piece).
   */
  static byte[][] decisions(
      PairScorer scorer,
      int[] births,
      KeptPairs pairs,
      List<RuleOutcome> outcomes,
      boolean[] tolerance) {
    double prior = scorer.priorWeight();
    byte[][] decisions = new byte[pairs.chunks()][];
    IntStream.range(0, decisions.length)
        .parallel()
        .forEach(
            c -> {
              int from = pairs.chunkStart(c);
              byte[] chunk = new byte[pairs.chunkLength(c)];
              for (int i = from; i < from + chunk.length; i++) {
                long pair = pairs.pair(i);
                byte personal = pairs.mark(i);
                chunk[i - from] =
                    (byte)
                        decision(
                                scorer,
                                prior,
                                outcomeOf(scorer, outcomes, pairs.rule(i), personal),
                                personal,
                                pairs.weight(i),
                                births[CandidatePairs.left(pair)],
                                births[CandidatePairs.right(pair)],
                                tolerance)
                            .ordinal();
              }
              decisions[c] = chunk;
            });
    return decisions;
  }

  /**
   * One pair's decision. Two records whose dates of birth cannot both be right are never one person
   * by score alone: a link becomes a review task, a review pair nothing.
   */
  private static LinkDecision decision(
      PairScorer scorer,
      double prior,
      RuleOutcome outcome,
      byte personal,
      float bayes,
      int leftBirth,
      int rightBirth,
      boolean[] tolerance) {
    LinkDecision decision =
        outcome == PairScorer.HOUSEHOLD_ONLY && personal == PERSONAL_CONTRARY
            ? LinkDecision.NO_LINK
            : scorer.decide(prior + bayes, outcome);
    if (outcome instanceof RuleOutcome.NoRule
        && !DateOfBirthComparison.compatible(leftBirth, rightBirth, tolerance)) {
      decision = oneStepDown(decision);
    }
    return decision;
  }

  private static LinkDecision oneStepDown(LinkDecision decision) {
    return decision == LinkDecision.LINK ? LinkDecision.REVIEW : LinkDecision.NO_LINK;
  }

  static final byte PERSONAL_CLEAR = 0;
  static final byte PERSONAL_WEAK = 1;
  static final byte PERSONAL_CONTRARY = 2;

  /** How the person's own details read: clearly for, weakly for, or against the link. */
  private static byte personalCode(double evidence) {
    if (evidence >= PairScorer.MINIMUM_PERSONAL_EVIDENCE) {
      return PERSONAL_CLEAR;
    }
    return evidence < PairScorer.CONTRARY_PERSONAL_EVIDENCE ? PERSONAL_CONTRARY : PERSONAL_WEAK;
  }

  /**
   * The outcome's number in {@code outcomes} (a copy-on-write list, so reading it needs no lock):
   * tens of millions of pairs are rule-decided, and taking a lock for each kept the second core
   * waiting.
   */
  private static byte code(List<RuleOutcome> outcomes, RuleOutcome outcome) {
    // The rules return shared instances: found by identity first, before comparing reasons.
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) == outcome) {
        return (byte) i;
      }
    }
    int i = outcomes.indexOf(outcome);
    return i >= 0 ? (byte) i : added(outcomes, outcome);
  }

  private static synchronized byte added(List<RuleOutcome> outcomes, RuleOutcome outcome) {
    int i = outcomes.indexOf(outcome);
    if (i < 0) {
      outcomes.add(outcome);
      i = outcomes.size() - 1;
    }
    return (byte) i;
  }

  /**
   * The kept pairs (the weight the match weight, the rule a number into {@code ruleReasons}, the
   * mark a {@link LinkDecision} ordinal) and the graph to cluster. At a million records some 24 M
   * pairs are kept (mostly rule-decided cannot-links), so in chunks of primitives.
   */
  record Decided(KeptPairs pairs, String[] ruleReasons, LinkGraph graph) {

    LinkDecision decision(int i) {
      return DECISIONS[pairs.mark(i)];
    }

    String rule(int i) {
      return ruleReasons[pairs.rule(i)];
    }

    float weight(int i) {
      return pairs.weight(i);
    }
  }

  private static final LinkDecision[] DECISIONS = LinkDecision.values();

  /**
   * Decides the pairs a stream kept (scores as {@link CandidateStream} holds them) and builds the
   * graph. The scored pairs' chunks are let go as the decided pairs are copied out, so the pairs
   * are held about once throughout.
   */
  static Decided decide(
      PairScorer scorer,
      List<StandardisedRecord> records,
      KeptPairs candidates,
      List<RuleOutcome> outcomes,
      Constraints constraints) {
    LinkGraph graph = new LinkGraph(records.size());
    for (int i = 0; i < records.size(); i++) {
      graph.attributes(i, records.get(i));
    }
    boolean[] tolerance = birthDateTolerance(scorer);
    graph.birthDateTolerance(tolerance);
    byte[][] decisions = decisions(scorer, births(records), candidates, outcomes, tolerance);
    if (scorer.corroboration()) {
      corroborate(scorer, records, candidates, outcomes, decisions);
    }
    graph(scorer, candidates, outcomes, decisions, graph);
    applyConstraints(records, constraints, graph);
    return kept(scorer, candidates, outcomes, decisions, graph);
  }

  private static LinkDecision decisionOf(KeptPairs pairs, byte[][] decisions, int i) {
    return DECISIONS[decisions[pairs.chunkOf(i)][pairs.offset(i)]];
  }

  /**
   * Family corroboration over the links and review pairs only: it reads and changes no other pair,
   * and they are a few per cent of the kept pairs, so they are handed over as small arrays in
   * candidate order (the order it reads them in).
   */
  private static void corroborate(
      PairScorer scorer,
      List<StandardisedRecord> records,
      KeptPairs candidates,
      List<RuleOutcome> outcomes,
      byte[][] decisions) {
    int[] at = new int[1024];
    int n = 0;
    for (int i = 0; i < candidates.size(); i++) {
      if (decisionOf(candidates, decisions, i) != LinkDecision.NO_LINK) {
        if (n == at.length) {
          at = java.util.Arrays.copyOf(at, n * 2);
        }
        at[n++] = i;
      }
    }
    int[] index = java.util.Arrays.copyOf(at, n);
    long[] pairs = new long[n];
    LinkDecision[] decided = new LinkDecision[n];
    for (int j = 0; j < n; j++) {
      pairs[j] = candidates.pair(index[j]);
      decided[j] = decisionOf(candidates, decisions, index[j]);
    }
    FamilyCorroboration.promote(
        records,
        pairs,
        decided,
        j -> outcomeOf(scorer, outcomes, candidates.rule(index[j]), candidates.mark(index[j])));
    for (int j = 0; j < n; j++) {
      int i = index[j];
      decisions[candidates.chunkOf(i)][candidates.offset(i)] = (byte) decided[j].ordinal();
    }
  }

  /** Puts links, must-links and cannot-links into the graph. */
  private static void graph(
      PairScorer scorer,
      KeptPairs candidates,
      List<RuleOutcome> outcomes,
      byte[][] decisions,
      LinkGraph graph) {
    double prior = scorer.priorWeight();
    for (int i = 0; i < candidates.size(); i++) {
      RuleOutcome outcome = outcomeOf(scorer, outcomes, candidates.rule(i), candidates.mark(i));
      LinkDecision decision = decisionOf(candidates, decisions, i);
      if (decision == LinkDecision.NO_LINK && outcome instanceof RuleOutcome.NoRule) {
        continue;
      }
      double weight = prior + candidates.weight(i);
      int a = CandidatePairs.left(candidates.pair(i));
      int b = CandidatePairs.right(candidates.pair(i));
      switch (outcome) {
        case RuleOutcome.MustLink m -> graph.mustLink(a, b, m.reason());
        case RuleOutcome.CannotLink c -> graph.cannotLink(a, b, c.reason());
        case RuleOutcome.AtMostReview r -> {
          if (decision == LinkDecision.LINK) {
            graph.link(a, b, weight, r.reason());
          }
        }
        case RuleOutcome.NoRule none -> {
          if (decision == LinkDecision.LINK) {
            graph.link(a, b, weight, "match weight");
          }
        }
      }
    }
  }

  /**
   * The pairs {@link #keep} keeps, in candidate order, copied into new chunks while the scored
   * pairs' chunks and their decisions are let go behind the copy.
   */
  private static Decided kept(
      PairScorer scorer,
      KeptPairs candidates,
      List<RuleOutcome> outcomes,
      byte[][] decisions,
      LinkGraph graph) {
    double prior = scorer.priorWeight();
    KeptPairs kept = new KeptPairs();
    List<String> reasons = new java.util.ArrayList<>();
    Map<String, Byte> reasonCode = new HashMap<>();
    @Nullable RuleOutcome last = null;
    byte rule = 0;
    for (int i = 0; i < candidates.size(); i++) {
      RuleOutcome outcome = outcomeOf(scorer, outcomes, candidates.rule(i), candidates.mark(i));
      LinkDecision decision = decisionOf(candidates, decisions, i);
      if (keep(decision, outcome)) {
        // Runs of one outcome (the rules' shared instances) skip the lookup by reason.
        if (outcome != last) {
          rule =
              reasonCode.computeIfAbsent(
                  outcome.reason(),
                  reason -> {
                    reasons.add(reason);
                    return (byte) (reasons.size() - 1);
                  });
          last = outcome;
        }
        kept.add(
            candidates.pair(i),
            (float) (prior + candidates.weight(i)),
            rule,
            (byte) decision.ordinal());
      }
      if (candidates.endsChunk(i)) {
        candidates.releaseBefore(i + 1);
        decisions[candidates.chunkOf(i)] = null;
      }
    }
    return new Decided(kept, reasons.toArray(String[]::new), graph);
  }

  /**
   * A person's records may differ in date of birth as much as the model has seen the same person's
   * records differ: beyond "two of year, month and day equal" only where at least 3% of matching
   * pairs do (in some benchmark sets whole dates are corrupted, and there the date cannot tell
   * people apart; in the generator's world and in real extracts they rarely are).
   */
  public static boolean[] birthDateTolerance(PairScorer scorer) {
    int k = scorer.comparisons().indexOf("date_of_birth");
    return DateOfBirthComparison.tolerance(scorer.parameters().m()[k], BIRTH_DATE_TOLERANCE);
  }

  static final double BIRTH_DATE_TOLERANCE = 0.03;

  static RuleOutcome outcomeOf(PairScorer scorer, Scored scored, int i) {
    return outcomeOf(scorer, scored.outcomes(), scored.rule()[i], scored.personal()[i]);
  }

  /** The pair's rule outcome (numbered in {@code outcomes}), the household guard applied. */
  static RuleOutcome outcomeOf(
      PairScorer scorer, List<RuleOutcome> outcomes, byte rule, byte personal) {
    RuleOutcome outcome = outcomes.get(rule);
    if (scorer.householdGuard()
        && outcome instanceof RuleOutcome.NoRule
        && personal != PERSONAL_CLEAR) {
      return PairScorer.HOUSEHOLD_ONLY;
    }
    return outcome;
  }

  /** Links, review tasks and decisive rule outcomes are kept; plain non-links are only counted. */
  static boolean keep(LinkDecision decision, RuleOutcome outcome) {
    return decision != LinkDecision.NO_LINK
        || outcome instanceof RuleOutcome.MustLink
        || outcome instanceof RuleOutcome.CannotLink;
  }

  static void applyConstraints(
      List<StandardisedRecord> records, Constraints constraints, LinkGraph graph) {
    if (constraints.mustLink().isEmpty() && constraints.cannotLink().isEmpty()) {
      return;
    }
    Map<RecordKey, Integer> position = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      position.put(records.get(i).key(), i);
    }
    for (Constraints.Pair pair : constraints.cannotLink()) {
      Integer a = position.get(pair.left());
      Integer b = position.get(pair.right());
      if (a != null && b != null) {
        graph.cannotLink(a, b, "steward decision: not the same person");
      }
    }
    for (Constraints.Pair pair : constraints.mustLink()) {
      Integer a = position.get(pair.left());
      Integer b = position.get(pair.right());
      if (a != null && b != null) {
        graph.mustLink(a, b, LinkGraph.STEWARD_SAME);
      }
    }
  }

  /** Person ids numbered in order of each person's first record key, so a rerun gives the same. */
  static String[] personIds(List<StandardisedRecord> records, Clustering clustering) {
    RecordKey[] first = new RecordKey[clustering.clusters()];
    for (int i = 0; i < records.size(); i++) {
      int c = clustering.clusterOf()[i];
      RecordKey key = records.get(i).key();
      if (first[c] == null || key.compareTo(first[c]) < 0) {
        first[c] = key;
      }
    }
    Integer[] order = IntStream.range(0, first.length).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, (x, y) -> first[x].compareTo(first[y]));
    String[] idOfCluster = new String[first.length];
    for (int rank = 0; rank < order.length; rank++) {
      idOfCluster[order[rank]] = personId(rank + 1);
    }
    String[] ids = new String[records.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = idOfCluster[clustering.clusterOf()[i]];
    }
    return ids;
  }

  public static String personId(long number) {
    if (number < 0) {
      return String.format("P%07d", number);
    }
    // As String.format("P%07d"), which costs a visible share of a million records' run.
    String digits = Long.toString(number);
    return digits.length() >= 7 ? "P" + digits : "P" + "0".repeat(7 - digits.length()) + digits;
  }
}
