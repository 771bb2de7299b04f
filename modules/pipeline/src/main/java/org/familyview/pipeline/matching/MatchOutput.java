package org.familyview.pipeline.matching;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.familyview.matching.Linkage;
import org.familyview.matching.RecordKey;
import org.familyview.matching.block.CandidatePairs;
import org.familyview.matching.explain.Explanation;
import org.familyview.matching.score.LinkDecision;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the matching step of a run hands to the clustering step ({@code pipeline_match_record} and
 * {@code pipeline_match_pair}, keyed by run id): the records it saw and the pairs it kept, so that
 * clustering can run, and be restarted, on its own.
 */
@Component
public class MatchOutput {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int BATCH = 5_000;

  // Without a fetch size the driver holds the whole result in memory before the first row is
  // mapped: at a million records that is gigabytes of pairs and waterfalls, twice over (the
  // first 1 M run's clustering step died of it). The step's transaction keeps the cursor open.
  private static final int FETCH = 10_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  MatchOutput(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** How a decisive rule ruled on a pair, if one did. */
  public enum RuleKind {
    MUST_LINK,
    CANNOT_LINK,
    AT_MOST_REVIEW,
    NONE
  }

  /** A record the run saw, with the standardised NHS number that keeps two people apart. */
  /**
   * A record of the run, with what clustering checks one person's records against: the NHS number
   * staged by the matching step, and the UPN, PNC id and date of birth as the partner delivered
   * them (read from {@code source_person}; the clustering step validates them).
   */
  public record StagedRecord(
      RecordKey key,
      @Nullable String nhsNumber,
      @Nullable String upn,
      @Nullable String pncId,
      @Nullable String dateOfBirth) {

    public StagedRecord(RecordKey key, @Nullable String nhsNumber) {
      this(key, nhsNumber, null, null, null);
    }
  }

  /** A pair the run kept. */
  public record StagedPair(
      RecordKey left,
      RecordKey right,
      double matchWeight,
      double matchProbability,
      LinkDecision decision,
      RuleKind ruleKind,
      String rule,
      @Nullable String explanation,
      String modelVersion) {}

  /**
   * Replaces the run's output: running the step again leaves one copy. Rows are made and sent a
   * batch at a time: at a million records the kept pairs, with a waterfall for every pair sent to
   * review, do not fit in memory all at once (the first 1 M pipeline run died here). Only the pairs
   * clustering reads are written ({@link #clusteringReads}); returns how many.
   */
  long write(UUID runId, Linkage linkage, String modelVersion) {
    clear(runId);
    try (Batches records =
        new Batches(
            "insert into pipeline_match_record (run_id, agency, record_id, nhs_number)"
                + " values (?, ?, ?, ?)")) {
      for (StandardisedRecord r : linkage.records()) {
        records.add(new Object[] {runId, r.key().agency(), r.key().recordId(), r.nhsNumber()});
      }
    }
    try (Batches pairs =
        new Batches(
            "insert into pipeline_match_pair (run_id, left_agency, left_record_id, right_agency,"
                + " right_record_id, match_weight, match_probability, decision, rule_kind, rule,"
                + " explanation, model_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)")) {
      for (int i = 0; i < linkage.keptPairCount(); i++) {
        if (!clusteringReads(linkage, i)) {
          continue;
        }
        Linkage.KeptPair pair = linkage.keptPair(i);
        String explanation =
            pair.decision() == LinkDecision.REVIEW ? waterfall(linkage.explain(i)) : null;
        pairs.add(
            new Object[] {
              runId,
              pair.left().agency(),
              pair.left().recordId(),
              pair.right().agency(),
              pair.right().recordId(),
              finite(pair.matchWeight()),
              finite(pair.matchProbability()),
              pair.decision().name(),
              kind(pair.decision(), pair.rule()).name(),
              pair.rule(),
              explanation,
              modelVersion
            });
      }
      return pairs.sent();
    }
  }

  /**
   * Whether the clustering step can do anything with kept pair {@code i}. A pair ruled apart
   * (NO_LINK: among kept pairs only rule cannot-links are) between two records with different NHS
   * numbers cannot: clustering refuses to join such records before it reads any cannot-link, even
   * for a steward's must-link, and its graph drops the edge (LinkGraph.cannotLink). At a million
   * records "different valid NHS numbers" settles some 24 M pairs, most of the kept ones: written,
   * they made the hand-off gigabytes (docs/benchmarks.md, the nightly run at a million).
   */
  static boolean clusteringReads(Linkage linkage, int i) {
    if (linkage.keptPairDecision(i) != LinkDecision.NO_LINK) {
      return true;
    }
    long pair = linkage.keptPairPosition(i);
    return !differentNhsNumbers(
        linkage.records().get(CandidatePairs.left(pair)).nhsNumber(),
        linkage.records().get(CandidatePairs.right(pair)).nhsNumber());
  }

  /** As LinkGraph compares them: the standardised numbers, null for none (or not valid). */
  static boolean differentNhsNumbers(@Nullable String left, @Nullable String right) {
    return left != null && right != null && !left.equals(right);
  }

  /** Rows for one statement, sent whenever a batch is full and once more at the end. */
  private final class Batches implements AutoCloseable {
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>(BATCH);
    private long sent;

    Batches(String sql) {
      this.sql = sql;
    }

    void add(Object[] row) {
      rows.add(row);
      if (rows.size() == BATCH) {
        flush();
      }
    }

    long sent() {
      flush();
      return sent;
    }

    private void flush() {
      if (!rows.isEmpty()) {
        template.batchUpdate(sql, rows);
        sent += rows.size();
        rows.clear();
      }
    }

    @Override
    public void close() {
      flush();
    }
  }

  /** Records with no pairs: too few to train a model on, so each stands alone. */
  void writeUnpaired(UUID runId, List<org.familyview.matching.SourceRecord> sources) {
    clear(runId);
    List<Object[]> records = new ArrayList<>(sources.size());
    for (org.familyview.matching.SourceRecord r : sources) {
      records.add(new Object[] {runId, r.key().agency(), r.key().recordId(), r.nhsNumber()});
    }
    batch(
        "insert into pipeline_match_record (run_id, agency, record_id, nhs_number)"
            + " values (?, ?, ?, ?)",
        records);
  }

  /**
   * Among kept pairs the rule kind follows from the decision: a decisive must-link is always LINK,
   * a cannot-link always NO_LINK (the only NO_LINK pairs kept), an at-most-review rule REVIEW.
   */
  static RuleKind kind(LinkDecision decision, String rule) {
    if (rule.isEmpty()) {
      return RuleKind.NONE;
    }
    return switch (decision) {
      case LINK -> RuleKind.MUST_LINK;
      case NO_LINK -> RuleKind.CANNOT_LINK;
      case REVIEW -> RuleKind.AT_MOST_REVIEW;
    };
  }

  public void clear(UUID runId) {
    jdbc.sql("delete from pipeline_match_pair where run_id = ?").param(runId).update();
    jdbc.sql("delete from pipeline_match_record where run_id = ?").param(runId).update();
  }

  /** Output of earlier runs whose people are written is of no further use. */
  public void clearCompletedRunsOtherThan(UUID runId) {
    String completed =
        " where run_id <> ? and run_id in (select id from pipeline_run where status = 'COMPLETED')";
    jdbc.sql("delete from pipeline_match_pair" + completed).param(runId).update();
    jdbc.sql("delete from pipeline_match_record" + completed).param(runId).update();
  }

  public List<StagedRecord> records(UUID runId) {
    return jdbc.sql(
            """
            select r.agency, r.record_id, r.nhs_number, s.upn, s.pnc_id, s.date_of_birth::text
              from pipeline_match_record r
              left join source_person s on s.agency = r.agency and s.record_id = r.record_id
             where r.run_id = ?
             order by r.agency, r.record_id
            """)
        .param(runId)
        .withFetchSize(FETCH)
        .query(
            (rs, n) ->
                new StagedRecord(
                    new RecordKey(rs.getString(1), rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)))
        .list();
  }

  /**
   * Hands each kept pair of the run to {@code each}, in key order, without holding them all: at a
   * million records a run keeps tens of millions of pairs (most of them cannot-links), far more
   * than the clustering step needs to keep at once. Agencies, rules, decisions and model versions
   * repeat on every row and are shared rather than read afresh each time.
   */
  public void forEachPair(UUID runId, Consumer<StagedPair> each) {
    Map<String, String> shared = new HashMap<>();
    jdbc.sql(
            "select left_agency, left_record_id, right_agency, right_record_id, match_weight,"
                + " match_probability, decision, rule_kind, rule, explanation::text, model_version"
                + " from pipeline_match_pair where run_id = ?"
                + " order by left_agency, left_record_id, right_agency, right_record_id")
        .param(runId)
        .withFetchSize(FETCH)
        .query(
            (ResultSet rs) -> {
              each.accept(
                  new StagedPair(
                      new RecordKey(shared(shared, rs.getString(1)), rs.getString(2)),
                      new RecordKey(shared(shared, rs.getString(3)), rs.getString(4)),
                      rs.getDouble(5),
                      rs.getDouble(6),
                      LinkDecision.valueOf(rs.getString(7)),
                      RuleKind.valueOf(rs.getString(8)),
                      shared(shared, rs.getString(9)),
                      rs.getString(10),
                      shared(shared, rs.getString(11))));
            });
  }

  public List<StagedPair> pairs(UUID runId) {
    List<StagedPair> pairs = new ArrayList<>();
    forEachPair(runId, pairs::add);
    return pairs;
  }

  private static String shared(Map<String, String> shared, String value) {
    return shared.computeIfAbsent(value, v -> v);
  }

  private void batch(String sql, List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += BATCH) {
      template.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
    }
  }

  private static double finite(double value) {
    if (Double.isNaN(value)) {
      return 0;
    }
    return Math.max(-1e9, Math.min(1e9, value));
  }

  /** The explanation as the review task's detail: the waterfall, step by step and as text. */
  static String waterfall(Explanation e) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("left", Map.of("agency", e.left().agency(), "recordId", e.left().recordId()));
    detail.put("right", Map.of("agency", e.right().agency(), "recordId", e.right().recordId()));
    detail.put("modelVersion", e.modelVersion());
    detail.put("priorWeight", number(e.priorWeight()));
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Explanation.Contribution c : e.contributions()) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("comparison", c.comparison());
      step.put("level", c.level());
      step.put("levelDescription", c.levelDescription());
      step.put("m", number(c.m()));
      step.put("u", number(c.u()));
      step.put("weight", number(c.weight()));
      step.put("termFrequencyAdjustment", number(c.termFrequencyAdjustment()));
      steps.add(step);
    }
    detail.put("contributions", steps);
    detail.put("matchWeight", number(e.matchWeight()));
    detail.put("matchProbability", number(e.matchProbability()));
    detail.put("decision", e.decision().name());
    detail.put("rule", e.rule());
    detail.put("text", e.toText());
    return JSON.writeValueAsString(detail);
  }

  private static @Nullable Double number(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
