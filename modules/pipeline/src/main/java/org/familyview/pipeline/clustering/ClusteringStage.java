package org.familyview.pipeline.clustering;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.familyview.matching.Constraints;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.RecordKey;
import org.familyview.matching.cluster.Clusterer;
import org.familyview.matching.cluster.Clustering;
import org.familyview.matching.cluster.LinkGraph;
import org.familyview.matching.score.LinkDecision;
import org.familyview.pipeline.PipelineStage;
import org.familyview.pipeline.matching.MatchOutput;
import org.familyview.pipeline.matching.StewardDecisions;
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
  private final StewardDecisions decisions;
  private final People people;
  private final ReviewTasks reviews;
  private final JdbcClient jdbc;
  private final Clock clock = Clock.systemUTC();
  private final Clusterer clusterer;

  ClusteringStage(
      MatchOutput output,
      StewardDecisions decisions,
      People people,
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
    List<RecordKey> keys =
        new ArrayList<>(output.records(runId).stream().map(MatchOutput.StagedRecord::key).toList());
    Map<RecordKey, String> nhs = new HashMap<>();
    output.records(runId).forEach(r -> nhs.put(r.key(), r.nhsNumber()));
    if (keys.isEmpty() && anyCurrentRecord()) {
      // Without the matching output every record would seem unlinked: refuse rather than unlink.
      throw new IllegalStateException("run " + runId + " has no matching output; start a new run");
    }
    keys.sort(Comparator.naturalOrder());
    Map<RecordKey, Integer> position = new HashMap<>(keys.size() * 2);
    for (int i = 0; i < keys.size(); i++) {
      position.put(keys.get(i), i);
    }
    // Pairs are streamed, not held: only links (which placement explains) and pairs for review
    // (which become tasks) are kept; cannot-links go straight into the graph.
    Map<PairKey, MatchOutput.StagedPair> staged = new HashMap<>();
    List<MatchOutput.StagedPair> forReview = new ArrayList<>();
    LinkGraph graph = new LinkGraph(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      graph.identity(i, nhs.get(keys.get(i)));
    }
    String[] lastModelVersion = {null};
    output.forEachPair(
        runId,
        pair -> {
          lastModelVersion[0] = pair.modelVersion();
          Integer a = position.get(pair.left());
          Integer b = position.get(pair.right());
          if (a == null || b == null) {
            return;
          }
          switch (pair.decision()) {
            case LINK -> staged.put(PairKey.of(pair.left(), pair.right()), pair);
            case REVIEW -> forReview.add(pair);
            case NO_LINK -> {}
          }
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
        });
    String modelVersion = lastModelVersion[0];
    if (modelVersion == null) {
      modelVersion = runModelVersion(runId);
    }
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
    Clustering clustering = clusterer.cluster(graph);
    Placement[] placements = Placement.of(keys, clustering, staged, reviews.mustLinkDeciders());

    List<List<RecordKey>> clusters = new ArrayList<>(clustering.clusters());
    for (int c = 0; c < clustering.clusters(); c++) {
      clusters.add(new ArrayList<>());
    }
    for (int i = 0; i < keys.size(); i++) {
      clusters.get(clustering.clusterOf()[i]).add(keys.get(i));
    }
    Map<RecordKey, People.Held> held = people.held();
    Map<RecordKey, String> previous = new HashMap<>(held.size() * 2);
    held.forEach((k, h) -> previous.put(k, h.personId()));
    StableIds.Assignment ids = StableIds.assign(clusters, previous, people.highestIssued());
    Instant now = clock.instant();
    People.Written written =
        people.write(runId, keys, placements, ids.ids(), held, modelVersion, now);

    List<ReviewTasks.Task> tasks =
        new ArrayList<>(ReviewTasks.possibleMatches(forReview, reviews.ruledOn()));
    for (Clustering.Alarm alarm : clustering.alarms()) {
      switch (alarm) {
        case Clustering.ConstraintConflict c ->
            tasks.add(
                ReviewTasks.alarm(
                    "CANNOT_LINK_CONFLICT", keys.get(c.left()), keys.get(c.right()), c.describe()));
        case Clustering.SizeCapReached s ->
            tasks.add(
                ReviewTasks.alarm(
                    "OVERSIZED_CLUSTER", keys.get(s.left()), keys.get(s.right()), s.describe()));
        case Clustering.BridgeCut b -> {}
      }
    }
    long raised =
        reviews.raise(
            runId,
            tasks,
            key -> {
              Integer i = position.get(key);
              return i == null ? null : ids.ids().get(placements[i].cluster());
            },
            modelVersion,
            now);
    people.matched(runId);
    output.clearCompletedRunsOtherThan(runId);
    log.info(
        "Pipeline run {}: {} people from {} records; {} records changed person or link,"
            + " {} merges, {} splits, {} ids retired, {} review tasks raised",
        runId,
        clustering.clusters(),
        keys.size(),
        written.recordsChanged(),
        written.merges(),
        written.splits(),
        written.retired(),
        raised);
    return new Counts(keys.size(), written.recordsChanged());
  }

  private boolean anyCurrentRecord() {
    return jdbc.sql("select exists (select 1 from source_person where current)")
        .query(Boolean.class)
        .single();
  }

  private String runModelVersion(UUID runId) {
    return jdbc.sql("select model_version from pipeline_run where id = ?")
        .param(runId)
        .query(String.class)
        .optional()
        .orElse(null);
  }
}
