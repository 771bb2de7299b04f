package org.familyview.eligibility;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.familyview.criteria.Evaluation;
import org.familyview.criteria.NeedResult;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored results of the criteria stage (V17): written a run at a time, read from the latest
 * finished run.
 */
@Component
class CriteriaResults {

  /** A finished run: what the views and the pack report on. */
  record Run(UUID runId, LocalDate evaluatedOn, Instant finishedAt) {}

  /** A family's eligibility under one framework, with every need. */
  record FamilyResult(
      String familyId,
      String framework,
      String version,
      int needsMet,
      int eligibleWith,
      boolean eligible,
      String why,
      LocalDate evaluatedOn,
      List<NeedRow> needs) {}

  record NeedRow(String id, String label, boolean met, List<String> evidence, String why) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  CriteriaResults(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Starts (or restarts) a run and gives its evaluation date: the first attempt's, so that a
   * restart the next morning evaluates the same day and writes the same rows.
   */
  LocalDate begin(UUID runId, LocalDate today, String rulesetsJson, Instant now) {
    return jdbc.sql(
            """
            insert into criteria_run (run_id, evaluated_on, started_at, rulesets)
            values (?, ?, ?, ?::jsonb)
            on conflict (run_id) do update
              set started_at = excluded.started_at, finished_at = null, families = null,
                  rulesets = excluded.rulesets
            returning evaluated_on
            """)
        .params(runId, Date.valueOf(today), Timestamp.from(now), rulesetsJson)
        .query((rs, n) -> rs.getDate(1).toLocalDate())
        .single();
  }

  /** Removes what an earlier attempt of this run wrote. */
  void clear(UUID runId) {
    jdbc.sql("delete from criteria_result where run_id = ?").param(runId).update();
    jdbc.sql("delete from criteria_eligibility where run_id = ?").param(runId).update();
  }

  /** Writes a batch of evaluations; returns the rows written. */
  long write(UUID runId, List<Evaluation> evaluations, Map<String, Integer> eligibleWith) {
    List<Object[]> eligibility = new ArrayList<>();
    List<Object[]> needs = new ArrayList<>();
    for (Evaluation e : evaluations) {
      eligibility.add(
          new Object[] {
            runId,
            e.familyId(),
            e.framework(),
            e.version(),
            e.met().size(),
            eligibleWith.get(e.framework()),
            e.eligible(),
            e.why(),
            Date.valueOf(e.evaluatedOn())
          });
      int position = 0;
      for (NeedResult n : e.needs()) {
        needs.add(
            new Object[] {
              runId,
              e.familyId(),
              e.framework(),
              e.version(),
              n.needId(),
              n.label(),
              position++,
              n.met(),
              n.evidence().toArray(String[]::new),
              n.why(),
              Date.valueOf(e.evaluatedOn())
            });
      }
    }
    template.batchUpdate(
        """
        insert into criteria_eligibility (run_id, family_id, framework, ruleset_version, needs_met,
          eligible_with, eligible, why, evaluated_on)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        eligibility);
    template.batchUpdate(
        """
        insert into criteria_result (run_id, family_id, framework, ruleset_version, need_id,
          need_label, position, met, evidence, why, evaluated_on)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        needs);
    return eligibility.size() + needs.size();
  }

  void finish(UUID runId, long families, Instant now) {
    jdbc.sql("update criteria_run set finished_at = ?, families = ? where run_id = ?")
        .params(Timestamp.from(now), families, runId)
        .update();
  }

  /** Keeps the newest {@code keep} finished runs (and any unfinished one); removes the rest. */
  int prune(int keep) {
    return jdbc.sql(
            """
            delete from criteria_run where run_id in (
              select run_id from criteria_run where finished_at is not null
              order by finished_at desc offset ?)
            """)
        .param(keep)
        .update();
  }

  Optional<Run> latest() {
    return jdbc.sql(
            """
            select run_id, evaluated_on, finished_at from criteria_run
            where finished_at is not null order by finished_at desc limit 1
            """)
        .query(
            (rs, n) ->
                new Run(
                    rs.getObject(1, UUID.class),
                    rs.getDate(2).toLocalDate(),
                    rs.getTimestamp(3).toInstant()))
        .optional();
  }

  /** A family's results in a run, newest framework first. */
  List<FamilyResult> family(UUID runId, String familyId) {
    return results(
        "e.run_id = ? and e.family_id = ?", new Object[] {runId, familyId}, "e.framework desc");
  }

  long eligibleCount(UUID runId, String framework, @Nullable Set<String> within) {
    return jdbc.sql(
            "select count(*) from criteria_eligibility where run_id = ? and framework = ? and eligible"
                + " and (cast(? as text[]) is null or family_id = any(?))")
        .params(runId, framework, array(within), array(within))
        .query(Long.class)
        .single();
  }

  /** A family filter as a SQL array; null: no filter (a single-authority deployment). */
  private static String @Nullable [] array(@Nullable Set<String> within) {
    return within == null ? null : within.toArray(String[]::new);
  }

  /** The eligible families of a framework in a run, a page at a time, by family id. */
  List<FamilyResult> eligible(
      UUID runId, String framework, int page, int size, @Nullable Set<String> within) {
    List<String> ids =
        jdbc.sql(
                """
                select family_id from criteria_eligibility
                where run_id = ? and framework = ? and eligible
                  and (cast(? as text[]) is null or family_id = any(?))
                order by family_id collate "C" limit ? offset ?
                """)
            .params(runId, framework, array(within), array(within), size, (long) page * size)
            .query(String.class)
            .list();
    if (ids.isEmpty()) {
      return List.of();
    }
    return results(
        "e.run_id = ? and e.framework = ? and e.family_id = any(?)",
        new Object[] {runId, framework, ids.toArray(String[]::new)},
        "e.family_id collate \"C\"");
  }

  /** Every eligible family of a framework, one at a time, for the evidence pack. */
  void eachEligible(
      UUID runId, String framework, @Nullable Set<String> within, Consumer<FamilyResult> each) {
    List<String> ids =
        jdbc.sql(
                """
                select family_id from criteria_eligibility
                where run_id = ? and framework = ? and eligible
                  and (cast(? as text[]) is null or family_id = any(?))
                order by family_id collate "C"
                """)
            .params(runId, framework, array(within), array(within))
            .query(String.class)
            .list();
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + 500));
      results(
              "e.run_id = ? and e.framework = ? and e.family_id = any(?)",
              new Object[] {runId, framework, batch.toArray(String[]::new)},
              "e.family_id collate \"C\"")
          .forEach(each);
    }
  }

  private List<FamilyResult> results(String where, Object[] params, String order) {
    Map<String, FamilyResult> out = new LinkedHashMap<>();
    template.query(
        "select e.family_id, e.framework, e.ruleset_version, e.needs_met, e.eligible_with,"
            + " e.eligible, e.why, e.evaluated_on, r.need_id, r.need_label, r.met, r.evidence,"
            + " r.why from criteria_eligibility e join criteria_result r on r.run_id = e.run_id"
            + " and r.family_id = e.family_id and r.framework = e.framework where "
            + where
            + " order by "
            + order
            + ", r.position",
        rs -> {
          String key = rs.getString(1) + "|" + rs.getString(2);
          FamilyResult result =
              out.computeIfAbsent(
                  key,
                  k -> {
                    try {
                      return new FamilyResult(
                          rs.getString(1),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getInt(4),
                          rs.getInt(5),
                          rs.getBoolean(6),
                          rs.getString(7),
                          rs.getDate(8).toLocalDate(),
                          new ArrayList<>());
                    } catch (SQLException e) {
                      throw new IllegalStateException(e);
                    }
                  });
          result
              .needs()
              .add(
                  new NeedRow(
                      rs.getString(9),
                      rs.getString(10),
                      rs.getBoolean(11),
                      strings(rs, 12),
                      rs.getString(13)));
        },
        params);
    return List.copyOf(out.values());
  }

  private static List<String> strings(ResultSet rs, int column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return List.of();
    }
    return List.of((String[]) array.getArray());
  }
}
