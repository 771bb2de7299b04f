package org.familyview.pipeline.clustering;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.familyview.matching.RecordKey;
import org.familyview.matching.score.LinkDecision;
import org.familyview.pipeline.matching.MatchOutput;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raises what a steward must decide as {@code review_task} rows: possible matches (pairs between
 * the thresholds no steward has ruled on), must-links that could not be honoured, and merges
 * refused by the size cap. A task still open from an earlier run is not raised again (its dedupe
 * key is the kind and the two records).
 *
 * <p>Priority, highest first: children and police-held records, then uncertainty (a probability
 * nearest one half is the one a steward's look settles most).
 */
@Component
class ReviewTasks {

  static final String RAISED_BY = "pipeline";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  ReviewTasks(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** One task to raise. */
  record Task(
      String kind,
      RecordKey left,
      RecordKey right,
      @Nullable Double matchWeight,
      @Nullable Double matchProbability,
      String detail) {}

  static Task possibleMatch(MatchOutput.StagedPair pair) {
    String detail = pair.explanation();
    if (detail == null) {
      detail = JSON.writeValueAsString(Map.of("matchWeight", pair.matchWeight()));
    }
    return new Task(
        "POSSIBLE_MATCH",
        pair.left(),
        pair.right(),
        pair.matchWeight(),
        pair.matchProbability(),
        detail);
  }

  static Task alarm(String kind, RecordKey left, RecordKey right, String reason) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("reason", reason);
    return new Task(kind, left, right, null, null, JSON.writeValueAsString(detail));
  }

  /** Review pairs not already ruled on by a steward. */
  static List<Task> possibleMatches(List<MatchOutput.StagedPair> pairs, Set<PairKey> ruledOn) {
    List<Task> tasks = new ArrayList<>();
    for (MatchOutput.StagedPair pair : pairs) {
      if (pair.decision() == LinkDecision.REVIEW
          && !ruledOn.contains(PairKey.of(pair.left(), pair.right()))) {
        tasks.add(possibleMatch(pair));
      }
    }
    return tasks;
  }

  /** Pairs a steward has ruled on, either way, and not withdrawn. */
  Set<PairKey> ruledOn() {
    Set<PairKey> ruled = new HashSet<>();
    jdbc.sql(
            "select left_agency, left_record_id, right_agency, right_record_id"
                + " from match_decision where withdrawn_at is null")
        .query(
            rs -> {
              ruled.add(
                  PairKey.of(
                      new RecordKey(rs.getString(1), rs.getString(2)),
                      new RecordKey(rs.getString(3), rs.getString(4))));
            });
    return ruled;
  }

  /** Who decided each steward's must-link in force (the latest, if several name one pair). */
  Map<PairKey, String> mustLinkDeciders() {
    Map<PairKey, String> deciders = new java.util.HashMap<>();
    jdbc.sql(
            "select left_agency, left_record_id, right_agency, right_record_id, decided_by"
                + " from match_decision where withdrawn_at is null and kind = 'MUST_LINK'"
                + " order by decided_at")
        .query(
            rs -> {
              deciders.put(
                  PairKey.of(
                      new RecordKey(rs.getString(1), rs.getString(2)),
                      new RecordKey(rs.getString(3), rs.getString(4))),
                  rs.getString(5));
            });
    return deciders;
  }

  /** Raises the tasks not already open; returns how many were raised. */
  long raise(
      UUID runId,
      List<Task> tasks,
      Function<RecordKey, @Nullable String> personOf,
      @Nullable String modelVersion,
      Instant now) {
    if (tasks.isEmpty()) {
      return 0;
    }
    Set<RecordKey> children = children(now);
    Timestamp at = Timestamp.from(now);
    List<Object[]> rows = new ArrayList<>();
    for (Task task : tasks) {
      boolean child = children.contains(task.left()) || children.contains(task.right());
      boolean police = isPolice(task.left()) || isPolice(task.right());
      Set<String> people = new TreeSet<>();
      for (RecordKey key : List.of(task.left(), task.right())) {
        String person = personOf.apply(key);
        if (person != null) {
          people.add(person);
        }
      }
      Set<String> agencies = new TreeSet<>(List.of(task.left().agency(), task.right().agency()));
      PairKey pair = PairKey.of(task.left(), task.right());
      rows.add(
          new Object[] {
            UUID.randomUUID(),
            task.kind(),
            priority(child, police, task.matchProbability()),
            child,
            police,
            task.matchWeight(),
            task.matchProbability(),
            records(pair),
            array(people),
            array(agencies),
            task.detail(),
            modelVersion,
            task.kind() + ":" + pair.text(),
            RAISED_BY,
            at,
            runId
          });
    }
    long raised = 0;
    for (int[] counts :
        template.batchUpdate(
            "insert into review_task (id, kind, status, priority, involves_child,"
                + " involves_police, match_weight, match_probability, records, person_ids,"
                + " agencies, detail, model_version, dedupe_key, raised_by, raised_at, run_id)"
                + " values (?, ?, 'OPEN', ?, ?, ?, ?, ?, ?::jsonb, ?::text[], ?::text[],"
                + " ?::jsonb, ?, ?, ?, ?, ?)"
                + " on conflict (dedupe_key) where status in ('OPEN', 'AWAITING_APPROVAL')"
                + " and dedupe_key is not null do nothing",
            rows,
            5_000,
            (ps, row) -> {
              for (int i = 0; i < row.length; i++) {
                org.springframework.jdbc.core.StatementCreatorUtils.setParameterValue(
                    ps, i + 1, org.springframework.jdbc.core.SqlTypeValue.TYPE_UNKNOWN, row[i]);
              }
            })) {
      for (int c : counts) {
        raised += Math.max(c, 0);
      }
    }
    return raised;
  }

  /**
   * Children under 18 (2000) and police-held records (1000) first; then uncertainty, from 999 at a
   * probability of one half down to 0 at certainty either way. Conflicts have no probability and
   * rank as the most uncertain.
   */
  static int priority(boolean child, boolean police, @Nullable Double probability) {
    double uncertainty = probability == null ? 1 : 1 - Math.abs(probability - 0.5) * 2;
    return (child ? 2000 : 0)
        + (police ? 1000 : 0)
        + (int) Math.round(Math.max(0, Math.min(1, uncertainty)) * 999);
  }

  private Set<RecordKey> children(Instant now) {
    LocalDate eighteenYearsAgo = LocalDate.ofInstant(now, UK).minusYears(18);
    Set<RecordKey> children = new HashSet<>();
    jdbc.sql("select agency, record_id from source_person where current and date_of_birth > ?")
        .param(java.sql.Date.valueOf(eighteenYearsAgo))
        .query(
            rs -> {
              children.add(new RecordKey(rs.getString(1), rs.getString(2)));
            });
    return children;
  }

  private static boolean isPolice(RecordKey key) {
    return key.agency().equalsIgnoreCase("POLICE");
  }

  private static String records(PairKey pair) {
    return JSON.writeValueAsString(
        List.of(
            Map.of("agency", pair.low().agency(), "recordId", pair.low().recordId()),
            Map.of("agency", pair.high().agency(), "recordId", pair.high().recordId())));
  }

  /** A PostgreSQL array literal; ids and agency names are plain tokens, quoted all the same. */
  private static String array(Set<String> values) {
    StringBuilder s = new StringBuilder("{");
    for (String v : values) {
      if (s.length() > 1) {
        s.append(',');
      }
      s.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return s.append('}').toString();
  }
}
