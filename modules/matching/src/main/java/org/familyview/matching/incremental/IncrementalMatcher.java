package org.familyview.matching.incremental;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.familyview.matching.Constraints;
import org.familyview.matching.Linkage;
import org.familyview.matching.Linker;
import org.familyview.matching.Progress;
import org.familyview.matching.RecordKey;
import org.familyview.matching.SourceRecord;
import org.familyview.matching.block.BlockIndex;
import org.familyview.matching.cluster.Clusterer;
import org.familyview.matching.cluster.Clustering;
import org.familyview.matching.cluster.LinkGraph;
import org.familyview.matching.estimate.ModelParameters;
import org.familyview.matching.score.LinkDecision;
import org.familyview.matching.score.PairScorer;
import org.familyview.matching.score.RuleOutcome;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * A linked population kept in memory so that a nightly run scores only new and changed records
 * against the people already known, re-clusters only the people those records touch, keeps every
 * other person id as it was, and records merges and splits as lineage. One record can also be
 * matched against everyone on demand without changing anything.
 *
 * <p>Id stability: after re-clustering, each new cluster takes the old id it shares most records
 * with (each old id goes to at most one cluster); clusters left without one get fresh ids. The
 * model and term frequencies are those of the starting run; re-training is an explicit step.
 *
 * <p>Not thread-safe: one nightly run at a time ({@link #matchOne} may run alongside others).
 */
public final class IncrementalMatcher {

  private static final byte LINK = 0;
  private static final byte MUST = 1;
  private static final byte CANNOT = 2;

  /** A kept edge from one record to another. */
  private record Edge(int other, float weight, byte kind, String reason) {}

  private final Linker linker;
  private final PairScorer scorer;
  private final BlockIndex index;
  private final Constraints constraints;
  private final List<@Nullable StandardisedRecord> records;
  private final Map<RecordKey, Integer> positions;
  private final List<@Nullable String> personOf;
  private final Map<String, Set<Integer>> members;
  private final List<@Nullable List<Edge>> edges;
  private long nextPersonNumber;

  private IncrementalMatcher(Linker linker, Linkage linkage, Constraints constraints) {
    this.linker = linker;
    this.scorer = linkage.scorer();
    this.index = linkage.blockIndex();
    this.constraints = constraints;
    int n = linkage.recordCount();
    this.records = new ArrayList<>(linkage.records());
    this.positions = new HashMap<>(n * 2);
    this.personOf = new ArrayList<>(n);
    this.members = new HashMap<>();
    this.edges = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      positions.put(linkage.key(i), i);
      personOf.add(linkage.personId(i));
      members.computeIfAbsent(linkage.personId(i), p -> new HashSet<>()).add(i);
      edges.add(null);
    }
    for (int i = 0; i < linkage.keptPairCount(); i++) {
      Linkage.KeptPair pair = linkage.keptPair(i);
      byte kind = kindOf(pair.decision(), pair.rule());
      if (kind >= 0) {
        addEdge(
            positions.get(pair.left()),
            positions.get(pair.right()),
            (float) pair.matchWeight(),
            kind,
            pair.rule());
      }
    }
    this.nextPersonNumber = linkage.personCount() + 1L;
  }

  /** Links a population in full and keeps it for incremental runs. */
  public static IncrementalMatcher start(
      Linker linker,
      List<SourceRecord> records,
      ModelParameters model,
      Constraints constraints,
      Progress progress) {
    Linkage linkage = linker.link(records, model, constraints, progress);
    return new IncrementalMatcher(linker, linkage, constraints);
  }

  /** Keeps the population of a batch run that has already been done. */
  public static IncrementalMatcher from(Linker linker, Linkage linkage, Constraints constraints) {
    return new IncrementalMatcher(linker, linkage, constraints);
  }

  private static byte kindOf(LinkDecision decision, String rule) {
    if (!rule.isEmpty() && decision == LinkDecision.LINK) {
      return MUST;
    }
    if (!rule.isEmpty() && decision == LinkDecision.NO_LINK) {
      return CANNOT;
    }
    return decision == LinkDecision.LINK ? LINK : -1;
  }

  public int recordCount() {
    return positions.size();
  }

  public @Nullable String personId(RecordKey key) {
    Integer position = positions.get(key);
    return position == null ? null : personOf.get(position);
  }

  public Map<RecordKey, String> personIds() {
    Map<RecordKey, String> ids = new HashMap<>(positions.size() * 2);
    positions.forEach((key, position) -> ids.put(key, personOf.get(position)));
    return ids;
  }

  /**
   * Applies new and changed records (matched by agency and record id) and withdrawn ones, and
   * re-links what they touch.
   */
  public IncrementalRun apply(List<SourceRecord> upserts, List<RecordKey> removals) {
    Set<String> affectedPeople = new LinkedHashSet<>();
    Set<Integer> touched = new LinkedHashSet<>();
    Map<String, Set<Integer>> before = new HashMap<>();
    withdraw(removals, before, affectedPeople);
    List<StandardisedRecord> standardised = linker.standardise(upserts);
    List<Integer> changed = new ArrayList<>();
    for (StandardisedRecord record : standardised) {
      Integer position = positions.get(record.key());
      if (position == null) {
        position = records.size();
        records.add(record);
        personOf.add(null);
        edges.add(null);
        positions.put(record.key(), position);
      } else {
        remember(before, affectedPeople, position);
        dropEdges(position);
        records.set(position, record);
      }
      index.add(position, record);
      changed.add(position);
      touched.add(position);
    }
    long scored = scoreChanged(changed, before, affectedPeople);
    for (String person : affectedPeople) {
      touched.addAll(members.getOrDefault(person, Set.of()));
    }
    touched.removeIf(p -> records.get(p) == null);
    List<LineageEvent> lineage = new ArrayList<>();
    Map<RecordKey, String> assignments = recluster(new ArrayList<>(touched), before, lineage);
    return new IncrementalRun(
        changed.size() + removals.size(), scored, touched.size(), assignments, lineage);
  }

  /** Takes withdrawn records out, remembering the people they belonged to. */
  private void withdraw(
      List<RecordKey> removals, Map<String, Set<Integer>> before, Set<String> affectedPeople) {
    for (RecordKey key : removals) {
      Integer position = positions.remove(key);
      if (position != null) {
        remember(before, affectedPeople, position);
        dropEdges(position);
        records.set(position, null);
        members.get(personOf.get(position)).remove(position);
        personOf.set(position, null);
      }
    }
  }

  /**
   * Scores each changed record against its candidates and adds the edges that count, remembering
   * the people on the other side; returns how many pairs were scored.
   */
  private long scoreChanged(
      List<Integer> changed, Map<String, Set<Integer>> before, Set<String> affectedPeople) {
    long scored = 0;
    for (int position : changed) {
      StandardisedRecord record = records.get(position);
      for (int other : candidatesOf(record, position)) {
        PairScorer.Score score = scorer.score(record, records.get(other));
        scored++;
        byte kind = kindOf(score.decision(), score.rule().reason());
        if (score.rule() instanceof RuleOutcome.AtMostReview) {
          kind = -1;
        }
        if (kind >= 0 && !hasEdge(position, other)) {
          addEdge(position, other, (float) score.matchWeight(), kind, score.rule().reason());
          if (kind != CANNOT && personOf.get(other) != null) {
            remember(before, affectedPeople, other);
          }
        }
      }
    }
    return scored;
  }

  private void remember(Map<String, Set<Integer>> before, Set<String> affected, int position) {
    String person = personOf.get(position);
    if (person != null && affected.add(person)) {
      before.put(person, new HashSet<>(members.get(person)));
    }
  }

  private Set<Integer> candidatesOf(StandardisedRecord record, int self) {
    Set<Integer> candidates = new LinkedHashSet<>();
    index.forEachCandidate(
        record,
        other -> {
          if (other != self && other < records.size() && records.get(other) != null) {
            candidates.add(other);
          }
        });
    return candidates;
  }

  private void addEdge(int a, int b, float weight, byte kind, String reason) {
    edgesOf(a).add(new Edge(b, weight, kind, reason));
    edgesOf(b).add(new Edge(a, weight, kind, reason));
  }

  private boolean hasEdge(int a, int b) {
    List<Edge> list = edges.get(a);
    return list != null && list.stream().anyMatch(e -> e.other() == b);
  }

  private List<Edge> edgesOf(int position) {
    List<Edge> list = edges.get(position);
    if (list == null) {
      list = new ArrayList<>(2);
      edges.set(position, list);
    }
    return list;
  }

  private void dropEdges(int position) {
    List<Edge> list = edges.get(position);
    if (list == null) {
      return;
    }
    for (Edge e : list) {
      List<Edge> back = edges.get(e.other());
      if (back != null) {
        back.removeIf(x -> x.other() == position);
      }
    }
    edges.set(position, null);
  }

  private Map<RecordKey, String> recluster(
      List<Integer> touched, Map<String, Set<Integer>> before, List<LineageEvent> lineage) {
    Map<Integer, Integer> local = new HashMap<>();
    for (int i = 0; i < touched.size(); i++) {
      local.put(touched.get(i), i);
    }
    LinkGraph graph = new LinkGraph(touched.size());
    graph.birthDateTolerance(Linker.birthDateTolerance(scorer));
    for (int i = 0; i < touched.size(); i++) {
      int position = touched.get(i);
      graph.attributes(i, records.get(position));
      List<Edge> list = edges.get(position);
      if (list == null) {
        continue;
      }
      for (Edge e : list) {
        Integer j = local.get(e.other());
        if (j == null || j <= i) {
          continue;
        }
        switch (e.kind()) {
          case MUST -> graph.mustLink(i, j, e.reason());
          case CANNOT -> graph.cannotLink(i, j, e.reason());
          default -> graph.link(i, j, e.weight(), "match weight");
        }
      }
    }
    addStewardConstraints(local, graph);
    Clustering clustering = new Clusterer(linker.config().clustering()).cluster(graph);
    List<List<Integer>> clusters = new ArrayList<>();
    for (int c = 0; c < clustering.clusters(); c++) {
      clusters.add(new ArrayList<>());
    }
    for (int i = 0; i < touched.size(); i++) {
      clusters.get(clustering.clusterOf()[i]).add(touched.get(i));
    }
    String[] ids = assignIds(clusters, before, lineage);
    Map<RecordKey, String> assignments = new LinkedHashMap<>();
    for (String old : before.keySet()) {
      members.remove(old);
    }
    for (int c = 0; c < clusters.size(); c++) {
      Set<Integer> set = members.computeIfAbsent(ids[c], x -> new HashSet<>());
      for (int position : clusters.get(c)) {
        personOf.set(position, ids[c]);
        set.add(position);
        assignments.put(records.get(position).key(), ids[c]);
      }
    }
    return assignments;
  }

  private void addStewardConstraints(Map<Integer, Integer> local, LinkGraph graph) {
    for (Constraints.Pair pair : constraints.cannotLink()) {
      Integer a = localOf(local, pair.left());
      Integer b = localOf(local, pair.right());
      if (a != null && b != null) {
        graph.cannotLink(a, b, "steward decision: not the same person");
      }
    }
    for (Constraints.Pair pair : constraints.mustLink()) {
      Integer a = localOf(local, pair.left());
      Integer b = localOf(local, pair.right());
      if (a != null && b != null) {
        graph.mustLink(a, b, LinkGraph.STEWARD_SAME);
      }
    }
  }

  private @Nullable Integer localOf(Map<Integer, Integer> local, RecordKey key) {
    Integer position = positions.get(key);
    return position == null ? null : local.get(position);
  }

  /** Greedy by overlap: the largest overlaps claim their old ids first. */
  private String[] assignIds(
      List<List<Integer>> clusters, Map<String, Set<Integer>> before, List<LineageEvent> lineage) {
    record Overlap(int cluster, String oldId, int shared) {}
    List<Overlap> overlaps = new ArrayList<>();
    List<List<String>> oldIdsOf = new ArrayList<>();
    Map<Integer, String> oldPersonOf = new HashMap<>();
    before.forEach((id, positions) -> positions.forEach(p -> oldPersonOf.put(p, id)));
    for (int c = 0; c < clusters.size(); c++) {
      Map<String, Integer> counts = new HashMap<>();
      for (int position : clusters.get(c)) {
        String old = oldPersonOf.get(position);
        if (old != null) {
          counts.merge(old, 1, Integer::sum);
        }
      }
      int cluster = c;
      counts.forEach((id, shared) -> overlaps.add(new Overlap(cluster, id, shared)));
      oldIdsOf.add(counts.keySet().stream().sorted().toList());
    }
    overlaps.sort(
        Comparator.comparingInt(Overlap::shared).reversed().thenComparing(Overlap::oldId));
    String[] ids = new String[clusters.size()];
    Set<String> used = new HashSet<>();
    for (Overlap o : overlaps) {
      if (ids[o.cluster()] == null && used.add(o.oldId())) {
        ids[o.cluster()] = o.oldId();
      }
    }
    for (int c = 0; c < ids.length; c++) {
      if (ids[c] == null) {
        ids[c] = Linker.personId(nextPersonNumber++);
      }
      List<String> olds = oldIdsOf.get(c);
      if (olds.isEmpty()) {
        lineage.add(new LineageEvent.PersonCreated(ids[c]));
      } else if (olds.size() > 1) {
        String into = ids[c];
        lineage.add(
            new LineageEvent.PersonsMerged(
                olds.stream().filter(id -> !id.equals(into)).toList(), into));
      }
    }
    Map<String, List<String>> partsOf = new HashMap<>();
    for (int c = 0; c < ids.length; c++) {
      for (String old : oldIdsOf.get(c)) {
        partsOf.computeIfAbsent(old, x -> new ArrayList<>()).add(ids[c]);
      }
    }
    for (String old : before.keySet().stream().sorted().toList()) {
      List<String> parts = partsOf.getOrDefault(old, List.of());
      if (parts.isEmpty()) {
        lineage.add(new LineageEvent.PersonRetired(old));
      } else if (parts.size() > 1) {
        lineage.add(new LineageEvent.PersonSplit(old, parts));
      }
    }
    return ids;
  }

  /**
   * Matches one record against everyone, best person first, without changing anything: for a front
   * desk asking "do we know this person?".
   */
  public List<Candidate> matchOne(SourceRecord source, int limit) {
    StandardisedRecord record = linker.standardise(List.of(source)).getFirst();
    Map<String, Candidate> best = new HashMap<>();
    Integer self = positions.get(record.key());
    for (int other : candidatesOf(record, self == null ? -1 : self)) {
      StandardisedRecord known = records.get(other);
      PairScorer.Score score = scorer.score(record, known);
      String person = personOf.get(other);
      Candidate candidate =
          new Candidate(
              person, known.key(), score.matchWeight(), score.matchProbability(), score.decision());
      best.merge(person, candidate, (a, b) -> a.matchWeight() >= b.matchWeight() ? a : b);
    }
    return best.values().stream()
        .sorted(Comparator.comparingDouble(Candidate::matchWeight).reversed())
        .limit(limit)
        .toList();
  }
}
