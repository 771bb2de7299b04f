package org.familyview.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.familyview.matching.block.CandidatePairs;
import org.familyview.matching.cluster.Clustering;
import org.familyview.matching.estimate.TrainingReport;
import org.familyview.matching.explain.Explainer;
import org.familyview.matching.explain.Explanation;
import org.familyview.matching.score.LinkDecision;
import org.familyview.matching.score.PairScorer;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * The result of a batch run: a person id for every record, the pairs worth keeping (links, review
 * tasks and rule decisions) with their weights, the clusters' reasons and alarms, and the model.
 * Pairs below the review threshold are counted but not kept.
 */
public final class Linkage {

  private final List<StandardisedRecord> records;
  private final String[] personIds;
  private final KeptPairs pairs;
  private final String[] ruleReasons;
  private final Clustering clustering;
  private final PairScorer scorer;
  private final CandidatePairs.RuleCount[] blocking;
  private final long candidatePairs;
  private final @Nullable TrainingReport training;
  private final Map<String, Long> timingsMillis;
  private final org.familyview.matching.block.BlockIndex blockIndex;

  Linkage(
      List<StandardisedRecord> records,
      String[] personIds,
      KeptPairs pairs,
      String[] ruleReasons,
      Clustering clustering,
      PairScorer scorer,
      List<CandidatePairs.RuleCount> blocking,
      long candidatePairs,
      @Nullable TrainingReport training,
      Map<String, Long> timingsMillis,
      org.familyview.matching.block.BlockIndex blockIndex) {
    this.records = records;
    this.personIds = personIds;
    this.pairs = pairs;
    this.ruleReasons = ruleReasons;
    this.clustering = clustering;
    this.scorer = scorer;
    this.blocking = blocking.toArray(CandidatePairs.RuleCount[]::new);
    this.candidatePairs = candidatePairs;
    this.training = training;
    this.timingsMillis =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timingsMillis));
    this.blockIndex = blockIndex;
  }

  /** The blocking index of this run, which an incremental matcher keeps extending. */
  public org.familyview.matching.block.BlockIndex blockIndex() {
    return blockIndex;
  }

  public int recordCount() {
    return records.size();
  }

  public RecordKey key(int position) {
    return records.get(position).key();
  }

  public String personId(int position) {
    return personIds[position];
  }

  public Map<RecordKey, String> personIds() {
    Map<RecordKey, String> ids = new HashMap<>(records.size() * 2);
    for (int i = 0; i < records.size(); i++) {
      ids.put(records.get(i).key(), personIds[i]);
    }
    return ids;
  }

  public int personCount() {
    return clustering.clusters();
  }

  /** Kept pairs: positions packed as in {@link CandidatePairs}. */
  public int keptPairCount() {
    return pairs.size();
  }

  public KeptPair keptPair(int i) {
    long pair = pairs.pair(i);
    int left = CandidatePairs.left(pair);
    int right = CandidatePairs.right(pair);
    double weight = pairs.weight(i);
    return new KeptPair(
        records.get(left).key(),
        records.get(right).key(),
        weight,
        PairScorer.probability(weight),
        keptPairDecision(i),
        ruleReasons[pairs.rule(i)]);
  }

  /**
   * Kept pair {@code i}'s positions (packed as in {@link CandidatePairs}), weight and decision,
   * without building its record keys: for writing tens of millions of them.
   */
  public long keptPairPosition(int i) {
    return pairs.pair(i);
  }

  public double keptPairWeight(int i) {
    return pairs.weight(i);
  }

  public LinkDecision keptPairDecision(int i) {
    return DECISIONS[pairs.mark(i)];
  }

  /** Whether the pair of these two record positions (either order) was kept. */
  public boolean isKeptPair(int leftPosition, int rightPosition) {
    return pairs.contains(CandidatePairs.pair(leftPosition, rightPosition));
  }

  private static final LinkDecision[] DECISIONS = LinkDecision.values();

  /** A pair that made it into pairs.csv. */
  public record KeptPair(
      RecordKey left,
      RecordKey right,
      double matchWeight,
      double matchProbability,
      LinkDecision decision,
      String rule) {}

  public long candidatePairs() {
    return candidatePairs;
  }

  /**
   * Whether blocking proposed the pair of these two records. The candidates are streamed, not held
   * (docs/matching.md), so this asks the blocking index.
   */
  public boolean isCandidate(int leftPosition, int rightPosition) {
    return blockIndex.isCandidate(records.get(leftPosition), leftPosition, rightPosition);
  }

  /**
   * Kept pairs' positions, sorted, packed as in {@link CandidatePairs}: one array as big as the
   * kept pairs (for tests and small populations; {@link #isKeptPair} asks without it).
   */
  public long[] keptPairPositions() {
    return pairs.pairs();
  }

  /**
   * Every candidate pair blocking proposed, sorted, packed as in {@link CandidatePairs}: generated
   * again from the blocking index, so as big as the candidates (for tests and small populations).
   */
  public long[] candidatePairPositions() {
    return blockIndex.allPairs().pairs();
  }

  /** Explains any two records of this run, candidate or not (for error analysis). */
  public Explanation explain(int leftPosition, int rightPosition) {
    return new Explainer(scorer).explain(records.get(leftPosition), records.get(rightPosition));
  }

  public List<CandidatePairs.RuleCount> blocking() {
    return List.of(blocking);
  }

  public @Nullable TrainingReport training() {
    return training;
  }

  public PairScorer scorer() {
    return scorer;
  }

  public List<StandardisedRecord> records() {
    return records;
  }

  public Clustering clustering() {
    return clustering;
  }

  public Map<String, Long> timingsMillis() {
    return timingsMillis;
  }

  public long count(LinkDecision decision) {
    long count = 0;
    for (int i = 0; i < pairs.size(); i++) {
      if (pairs.mark(i) == decision.ordinal()) {
        count++;
      }
    }
    return count;
  }

  public Explanation explain(int keptPair) {
    long pair = pairs.pair(keptPair);
    return new Explainer(scorer)
        .explain(records.get(CandidatePairs.left(pair)), records.get(CandidatePairs.right(pair)));
  }

  /** People with their records and reasons, in person-id order. */
  public List<Person> persons() {
    Map<String, List<RecordKey>> members = new HashMap<>();
    Map<String, List<Person.Reason>> reasons = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      members.computeIfAbsent(personIds[i], k -> new ArrayList<>()).add(records.get(i).key());
    }
    for (Clustering.Join join : clustering.joins()) {
      reasons
          .computeIfAbsent(personIds[join.left()], k -> new ArrayList<>())
          .add(
              new Person.Reason(
                  records.get(join.left()).key(),
                  records.get(join.right()).key(),
                  join.matchWeight(),
                  join.reason()));
    }
    return members.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> new Person(e.getKey(), e.getValue(), reasons.getOrDefault(e.getKey(), List.of())))
        .toList();
  }
}
