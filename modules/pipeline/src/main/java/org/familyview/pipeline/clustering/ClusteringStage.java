package org.familyview.pipeline.clustering;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.familyview.linkage.MatchDecisions;
import org.familyview.linkage.PairKey;
import org.familyview.linkage.PersonLinks;
import org.familyview.linkage.ReviewTasks;
import org.familyview.matching.Constraints;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.RecordKey;
import org.familyview.matching.cluster.Clusterer;
import org.familyview.matching.cluster.Clustering;
import org.familyview.matching.cluster.LinkGraph;
import org.familyview.matching.compare.DateOfBirthComparison;
import org.familyview.matching.score.LinkDecision;
import org.familyview.matching.standardise.DateOfBirth;
import org.familyview.matching.standardise.Standardiser;
import org.familyview.pipeline.PipelineStage;
import org.familyview.pipeline.matching.MatchOutput;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * People from the matching step's pairs: the matcher's clusterer over the kept links, the decisive
 * rules and the stewards' decisions (read again now, so a decision made since matching counts),
 * then stable ids, the people tables, and review tasks.
 */
@Component
class ClusteringStage implements PipelineStage {

  private static final Logger log = LoggerFactory.getLogger(ClusteringStage.class);

  private final MatchOutput output;
  private final MatchDecisions decisions;
  private final PersonLinks people;
  private final ReviewTasks reviews;
  private final JdbcClient jdbc;
  private final Clock clock = Clock.systemUTC();
  private final Clusterer clusterer;

  ClusteringStage(
      MatchOutput output,
      MatchDecisions decisions,
      PersonLinks people,
      ReviewTasks reviews,
      JdbcClient jdbc,
      MatchingConfig config) {
    this.clusterer = new Clusterer(config.clustering());
    this.output = output;
    this.decisions = decisions;
    this.people = people;
    this.reviews = reviews;
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "clustering";
  }

  @Override
  public Counts run(UUID runId) {
    Records records = records(runId);
    Streamed streamed = stream(runId, records);
    String modelVersion = streamed.modelVersion();
    if (modelVersion == null) {
      modelVersion = runModelVersion(runId);
    }
    addStewardRulings(streamed.graph(), records.position());
    Clustering clustering = clusterer.cluster(streamed.graph());
    Placement[] placements =
        Placement.of(records.keys(), clustering, streamed.staged(), decisions.mustLinkDeciders());
    Map<RecordKey, PersonLinks.Held> held = people.held();
    StableIds.Assignment ids =
        StableIds.assign(
            clusters(records.keys(), clustering), previous(held), people.highestIssued());
    Instant now = clock.instant();
    PersonLinks.Written written =
        writePeople(runId, records.keys(), placements, ids, held, modelVersion, now);
    long raised =
        raiseTasks(
            runId, records, streamed.forReview(), clustering, placements, ids, modelVersion, now);
    markMatched(runId);
    output.clearCompletedRunsOtherThan(runId);
    log.info(
        "Pipeline run {}: {} people from {} records; {} records changed person or link,"
            + " {} merges, {} splits, {} ids retired, {} review tasks raised",
        runId,
        clustering.clusters(),
        records.keys().size(),
        written.recordsChanged(),
        written.merges(),
        written.splits(),
        written.retired(),
        raised);
    return new Counts(records.keys().size(), written.recordsChanged());
  }

  /** The run's records in key order, each one's position, and what coherence checks of it. */
  private record Records(
      List<RecordKey> keys,
      Map<RecordKey, Integer> position,
      Map<RecordKey, MatchOutput.StagedRecord> staged) {}

  private Records records(UUID runId) {
    List<MatchOutput.StagedRecord> rows = output.records(runId);
    List<RecordKey> keys =
        new ArrayList<>(rows.stream().map(MatchOutput.StagedRecord::key).toList());
    Map<RecordKey, MatchOutput.StagedRecord> staged = new HashMap<>(rows.size() * 2);
    rows.forEach(r -> staged.put(r.key(), r));
    if (keys.isEmpty() && anyCurrentRecord()) {
      // Without the matching output every record would seem unlinked: refuse rather than unlink.
      throw new IllegalStateException("run " + runId + " has no matching output; start a new run");
    }
    keys.sort(Comparator.naturalOrder());
    Map<RecordKey, Integer> position = new HashMap<>(keys.size() * 2);
    for (int i = 0; i < keys.size(); i++) {
      position.put(keys.get(i), i);
    }
    return new Records(keys, position, staged);
  }

  /** The link graph from the matching output, the links placement explains, pairs for review. */
  private record Streamed(
      LinkGraph graph,
      Map<PairKey, MatchOutput.StagedPair> staged,
      List<MatchOutput.StagedPair> forReview,
      @Nullable String modelVersion) {}

  /**
   * Pairs are streamed, not held: only links (which placement explains) and pairs for review (which
   * become tasks) are kept; cannot-links go straight into the graph.
   */
  private Streamed stream(UUID runId, Records records) {
    Map<PairKey, MatchOutput.StagedPair> staged = new HashMap<>();
    List<MatchOutput.StagedPair> forReview = new ArrayList<>();
    LinkGraph graph = new LinkGraph(records.keys().size());
    for (int i = 0; i < records.keys().size(); i++) {
      coherence(graph, i, records.staged().get(records.keys().get(i)));
    }
    String[] lastModelVersion = {null};
    output.forEachPair(
        runId,
        pair -> {
          lastModelVersion[0] = pair.modelVersion();
          Integer a = records.position().get(pair.left());
          Integer b = records.position().get(pair.right());
          if (a != null && b != null) {
            keep(pair, staged, forReview);
            addToGraph(graph, pair, a, b);
          }
        });
    return new Streamed(graph, staged, forReview, lastModelVersion[0]);
  }

  /**
   * What keeps one person's records coherent (docs/matching.md, cluster coherence): no person is
   * made of records with different valid NHS numbers, UPNs or PNC ids, or dates of birth that
   * cannot both be right, unless a steward joined them. The library's default date tolerance
   * applies (two of year, month and day equal).
   */
  private static void coherence(LinkGraph graph, int i, MatchOutput.StagedRecord record) {
    graph.identity(i, record.nhsNumber());
    graph.identifiers(
        i, Standardiser.validUpn(record.upn()), Standardiser.validPncId(record.pncId()));
    graph.birthDate(i, DateOfBirthComparison.code(DateOfBirth.parse(record.dateOfBirth())));
  }

  private static void keep(
      MatchOutput.StagedPair pair,
      Map<PairKey, MatchOutput.StagedPair> staged,
      List<MatchOutput.StagedPair> forReview) {
    switch (pair.decision()) {
      case LINK -> staged.put(PairKey.of(pair.left(), pair.right()), pair);
      case REVIEW -> forReview.add(pair);
      case NO_LINK -> {}
    }
  }

  private static void addToGraph(LinkGraph graph, MatchOutput.StagedPair pair, int a, int b) {
    switch (pair.ruleKind()) {
      case MUST_LINK -> graph.mustLink(a, b, pair.rule());
      case CANNOT_LINK -> graph.cannotLink(a, b, pair.rule());
      case AT_MOST_REVIEW -> {}
      case NONE -> {
        if (pair.decision() == LinkDecision.LINK) {
          graph.link(a, b, pair.matchWeight(), "match weight");
        }
      }
    }
  }

  /** The stewards' rulings, read again now so that a decision made since matching counts. */
  private void addStewardRulings(LinkGraph graph, Map<RecordKey, Integer> position) {
    Constraints constraints = decisions.constraints();
    // As the matcher does: cannot-links first, and a cannot-link wins over a must-link.
    for (Constraints.Pair pair : constraints.cannotLink()) {
      Integer a = position.get(pair.left());
      Integer b = position.get(pair.right());
      if (a != null && b != null) {
        graph.cannotLink(a, b, Placement.STEWARD_APART);
      }
    }
    for (Constraints.Pair pair : constraints.mustLink()) {
      Integer a = position.get(pair.left());
      Integer b = position.get(pair.right());
      if (a != null && b != null) {
        graph.mustLink(a, b, Placement.STEWARD_SAME);
      }
    }
  }

  private static List<List<RecordKey>> clusters(List<RecordKey> keys, Clustering clustering) {
    List<List<RecordKey>> clusters = new ArrayList<>(clustering.clusters());
    for (int c = 0; c < clustering.clusters(); c++) {
      clusters.add(new ArrayList<>());
    }
    for (int i = 0; i < keys.size(); i++) {
      clusters.get(clustering.clusterOf()[i]).add(keys.get(i));
    }
    return clusters;
  }

  private static Map<RecordKey, String> previous(Map<RecordKey, PersonLinks.Held> held) {
    Map<RecordKey, String> previous = new HashMap<>(held.size() * 2);
    held.forEach((k, h) -> previous.put(k, h.personId()));
    return previous;
  }

  private PersonLinks.Written writePeople(
      UUID runId,
      List<RecordKey> keys,
      Placement[] placements,
      StableIds.Assignment ids,
      Map<RecordKey, PersonLinks.Held> held,
      @Nullable String modelVersion,
      Instant now) {
    return people.writeRun(
        runId,
        keys.size(),
        i -> placed(keys.get(i), placements[i], ids.ids().get(placements[i].cluster())),
        ids.ids(),
        held,
        modelVersion,
        now);
  }

  private static PersonLinks.Placed placed(RecordKey key, Placement p, String personId) {
    return new PersonLinks.Placed(
        key,
        personId,
        p.linkType(),
        p.linkedTo(),
        p.matchWeight(),
        p.matchProbability(),
        p.reason(),
        p.decidedBy());
  }

  private long raiseTasks(
      UUID runId,
      Records records,
      List<MatchOutput.StagedPair> forReview,
      Clustering clustering,
      Placement[] placements,
      StableIds.Assignment ids,
      @Nullable String modelVersion,
      Instant now) {
    Function<RecordKey, @Nullable String> personOf =
        key -> {
          Integer i = records.position().get(key);
          return i == null ? null : ids.ids().get(placements[i].cluster());
        };
    PairTasks.PossibleMatches possible =
        PairTasks.possibleMatches(
            forReview, decisions.ruledOn(), reviews.openPossibleMatches(), personOf);
    log.info(
        "Pipeline run {}: {} review pairs, {} inside one person, {} pairs of people"
            + " ({} ruled on or with a task open)",
        runId,
        possible.reviewPairs(),
        possible.withinOnePerson(),
        possible.pairsOfPeople(),
        possible.settled());
    List<ReviewTasks.PairTask> tasks = new ArrayList<>(possible.tasks());
    tasks.addAll(alarms(records.keys(), clustering));
    return reviews.raise(runId, tasks, personOf, modelVersion, now);
  }

  private static List<ReviewTasks.PairTask> alarms(List<RecordKey> keys, Clustering clustering) {
    List<ReviewTasks.PairTask> tasks = new ArrayList<>();
    for (Clustering.Alarm alarm : clustering.alarms()) {
      switch (alarm) {
        case Clustering.ConstraintConflict c ->
            tasks.add(
                PairTasks.alarm(
                    "CANNOT_LINK_CONFLICT", keys.get(c.left()), keys.get(c.right()), c.describe()));
        case Clustering.SizeCapReached s ->
            tasks.add(
                PairTasks.alarm(
                    "OVERSIZED_CLUSTER", keys.get(s.left()), keys.get(s.right()), s.describe()));
        case Clustering.BridgeCut b -> {}
      }
    }
    return tasks;
  }

  /** The records of this run are matched: they no longer wait for the next run. */
  private long markMatched(UUID runId) {
    return jdbc.sql(
            "update source_person s set needs_matching = false from pipeline_match_record m"
                + " where m.run_id = ? and s.agency = m.agency and s.record_id = m.record_id"
                + " and s.needs_matching")
        .param(runId)
        .update();
  }

  private boolean anyCurrentRecord() {
    return jdbc.sql("select exists (select 1 from source_person where current)")
        .query(Boolean.class)
        .single();
  }

  private @Nullable String runModelVersion(UUID runId) {
    return jdbc.sql("select model_version from pipeline_run where id = ?")
        .param(runId)
        .query(String.class)
        .optional()
        .orElse(null);
  }
}
