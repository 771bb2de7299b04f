package org.familyview.linkage;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.familyview.matching.RecordKey;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review queue in PostgreSQL ({@code review_task}): the nightly run raises tasks here, the
 * steward's workbench reads and settles them. The order is the workbench's priority rule: tasks
 * about children first, then those with police-held records, then the most uncertain (a match
 * probability nearest one half; conflicts and disputes, which have none, count as wholly
 * uncertain), then the nightly run's own priority, oldest first.
 *
 * <p>A run raises what a steward must decide: possible matches (pairs between the thresholds no
 * steward has ruled on), must-links that could not be honoured, merges refused by the size cap, and
 * the families step's household conflicts. A task still open from an earlier run is not raised
 * again (its dedupe key is the kind and the two records; a possible match is one task per pair of
 * people, and the run raises none for two people an open task is already about: see {@link
 * #openPossibleMatches}); a household conflict is raised once. Priority, highest first: children
 * and police-held records, then uncertainty (a probability nearest one half is the one a steward's
 * look settles most).
 */
@Component
public class ReviewTasks {

  public static final int MAX_PAGE_SIZE = 200;

  /** Who raises the tasks of a nightly run. */
  public static final String RAISED_BY = "pipeline";

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private static final String COLUMNS =
      """
      id, kind, status, priority, involves_child, involves_police, match_weight,
      match_probability, records, person_ids, family_id, agencies, model_version, raised_by,
      raised_at
      """;

  static final String QUEUE_ORDER =
      """
       order by involves_child desc, involves_police desc,
                abs(coalesce(match_probability, 0.5) - 0.5), priority desc, raised_at, id
      """;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final PartnerKinds partners;

  @Autowired
  ReviewTasks(JdbcClient jdbc, JdbcTemplate template, ObjectProvider<PartnerKinds> partners) {
    this(jdbc, template, partners.getIfAvailable(() -> PartnerKinds.V1));
  }

  ReviewTasks(JdbcClient jdbc, JdbcTemplate template) {
    this(jdbc, template, PartnerKinds.V1);
  }

  private ReviewTasks(JdbcClient jdbc, JdbcTemplate template, PartnerKinds partners) {
    this.jdbc = jdbc;
    this.template = template;
    this.partners = partners;
  }

  /** Whether a partner is a police force (by its configured kind), as task priority counts it. */
  public boolean isPolice(String agency) {
    return partners.isPolice(agency);
  }

  /** A task a run raises about two records. */
  public record PairTask(
      String kind,
      RecordKey left,
      RecordKey right,
      @Nullable Double matchWeight,
      @Nullable Double matchProbability,
      String detail) {}

  /** A household conflict the families step raises, its JSON written by the step. */
  public record HouseholdConflictTask(
      int priority,
      boolean involvesChild,
      boolean involvesPolice,
      String recordsJson,
      String[] personIds,
      @Nullable String familyId,
      String[] agencies,
      String detailJson,
      String dedupeKey) {}

  /** One page of the queue and how many tasks match in all. */
  public record Page(List<ReviewTask> tasks, long total, int page, int size) {}

  public Page find(TaskFilter filter, int page, int size) {
    StringBuilder where = new StringBuilder(" where status = ?");
    List<Object> params = new ArrayList<>();
    params.add(filter.status());
    if (filter.kind() != null) {
      where.append(" and kind = ?");
      params.add(filter.kind());
    }
    if (filter.agency() != null) {
      // agencies is filled by the run; the records say it too, should it not be. Agencies are
      // stored by their enum name (POLICE); a filter may name them in any case.
      where.append(
          " and (exists (select 1 from unnest(agencies) a where upper(a) = upper(?))"
              + " or exists (select 1 from jsonb_array_elements(records) r"
              + " where upper(r->>'agency') = upper(?)))");
      params.add(filter.agency());
      params.add(filter.agency());
    }
    long total =
        jdbc.sql("select count(*) from review_task" + where)
            .params(params)
            .query(Long.class)
            .single();
    int limit = Math.clamp(size, 1, MAX_PAGE_SIZE);
    int current = Math.max(page, 0);
    List<Object> paged = new ArrayList<>(params);
    paged.add(limit);
    paged.add((long) current * limit);
    List<ReviewTask> tasks =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from review_task"
                    + where
                    + QUEUE_ORDER
                    + " limit ? offset ?")
            .params(paged)
            .query((rs, n) -> task(rs))
            .list();
    return new Page(tasks, total, current, limit);
  }

  public Optional<ReviewTask> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from review_task where id = ?")
        .param(id)
        .query((rs, n) -> task(rs))
        .optional();
  }

  /** How long a decided task still lets a steward read its people (to check or undo it). */
  public static final int DECIDED_TASK_READABLE_DAYS = 90;

  /**
   * Whether a review task names the person: by id, or through one of the task's records the person
   * holds now (after a split, the records name the new person). Open tasks, tasks awaiting a second
   * steward, and decided ones for {@link #DECIDED_TASK_READABLE_DAYS} days count; a withdrawn task
   * does not. A data steward reads a person only through such a task.
   */
  public boolean namesPerson(String personId) {
    return jdbc.sql(
            """
            select exists (
              select 1 from review_task t
               where (t.status in ('OPEN', 'AWAITING_APPROVAL')
                      or (t.status = 'DECIDED'
                          and t.raised_at > now() - make_interval(days => :days)))
                 and (:person = any (t.person_ids)
                      or exists (select 1
                                   from jsonb_array_elements(t.records) r
                                   join person_record pr
                                     on pr.agency = r ->> 'agency'
                                    and pr.record_id = r ->> 'recordId'
                                  where pr.person_id = :person)))
            """)
        .param("person", personId)
        .param("days", DECIDED_TASK_READABLE_DAYS)
        .query(Boolean.class)
        .single();
  }

  /** What the run kept for the task's kind: the waterfall, the conflicting identifiers... */
  public Optional<JsonNode> detail(UUID id) {
    return jdbc.sql("select detail::text from review_task where id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .map(JSON::readTree);
  }

  /** OPEN to another status; false when the task was not open (decided meanwhile). */
  public boolean leaveOpen(UUID id, String status) {
    return jdbc.sql("update review_task set status = ? where id = ? and status = 'OPEN'")
            .param(status)
            .param(id)
            .update()
        == 1;
  }

  /** AWAITING_APPROVAL to DECIDED (approved) or back to OPEN (rejected). */
  public boolean settleApproval(UUID id, String status) {
    return jdbc.sql(
                "update review_task set status = ? where id = ? and status = 'AWAITING_APPROVAL'")
            .param(status)
            .param(id)
            .update()
        == 1;
  }

  /**
   * The records of each possible-match task still open or awaiting approval: a run raises no new
   * task for two people such a task is already about, whichever record pair it names.
   */
  public List<List<RecordKey>> openPossibleMatches() {
    return jdbc.sql(
            "select records::text from review_task where kind = 'POSSIBLE_MATCH'"
                + " and status in ('OPEN', 'AWAITING_APPROVAL')")
        .query((rs, n) -> records(rs.getString(1)))
        .list();
  }

  /** Raises the pair tasks not already open; returns how many were raised. */
  public long raise(
      UUID runId,
      List<PairTask> tasks,
      Function<RecordKey, @Nullable String> personOf,
      @Nullable String modelVersion,
      Instant now) {
    if (tasks.isEmpty()) {
      return 0;
    }
    Set<RecordKey> children = children(now);
    Timestamp at = Timestamp.from(now);
    List<Object[]> rows = new ArrayList<>();
    for (PairTask task : tasks) {
      rows.add(row(runId, task, children, personOf, modelVersion, at, partners));
    }
    return insertPairTasks(rows);
  }

  private static Object[] row(
      UUID runId,
      PairTask task,
      Set<RecordKey> children,
      Function<RecordKey, @Nullable String> personOf,
      @Nullable String modelVersion,
      Timestamp at,
      PartnerKinds partners) {
    boolean child = children.contains(task.left()) || children.contains(task.right());
    boolean police =
        partners.isPolice(task.left().agency()) || partners.isPolice(task.right().agency());
    Set<String> people = new TreeSet<>();
    for (RecordKey key : List.of(task.left(), task.right())) {
      String person = personOf.apply(key);
      if (person != null) {
        people.add(person);
      }
    }
    Set<String> agencies = new TreeSet<>(List.of(task.left().agency(), task.right().agency()));
    PairKey pair = PairKey.of(task.left(), task.right());
    return new Object[] {
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
    };
  }

  private long insertPairTasks(List<Object[]> rows) {
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
                StatementCreatorUtils.setParameterValue(
                    ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, row[i]);
              }
            })) {
      for (int c : counts) {
        raised += Math.max(c, 0);
      }
    }
    return raised;
  }

  /**
   * Raises a household conflict unless a task with its dedupe key was ever raised (open or
   * decided); returns 1 when raised, else 0.
   */
  public int raiseHouseholdConflict(UUID runId, HouseholdConflictTask task, Instant now) {
    return jdbc.sql(
            """
            insert into review_task (id, kind, status, priority, involves_child,
              involves_police, records, person_ids, family_id, agencies, detail,
              dedupe_key, raised_by, raised_at, run_id)
            select ?, 'HOUSEHOLD_CONFLICT', 'OPEN', ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb,
              ?, ?, ?, ?
            where not exists (select 1 from review_task where dedupe_key = ?)
            """)
        .params(
            UUID.randomUUID(),
            task.priority(),
            task.involvesChild(),
            task.involvesPolice(),
            task.recordsJson(),
            task.personIds(),
            task.familyId(),
            task.agencies(),
            task.detailJson(),
            task.dedupeKey(),
            RAISED_BY,
            Timestamp.from(now),
            runId,
            task.dedupeKey())
        .update();
  }

  /** A keyworker's "not my client" dispute about some of a person's records. */
  public record DisputeTask(
      int priority,
      boolean involvesChild,
      boolean involvesPolice,
      String recordsJson,
      String personId,
      @Nullable String familyId,
      String[] agencies,
      String detailJson,
      String dedupeKey,
      String raisedBy) {}

  /**
   * Raises a dispute unless one with its dedupe key is still open; the new task's id, or empty when
   * one was open already.
   */
  public Optional<UUID> raiseDispute(DisputeTask task, Instant now) {
    UUID id = UUID.randomUUID();
    int inserted =
        jdbc.sql(
                """
                insert into review_task (id, kind, status, priority, involves_child, involves_police,
                  records, person_ids, family_id, agencies, detail, dedupe_key, raised_by, raised_at)
                values (?, 'DISPUTE', 'OPEN', ?, ?, ?, cast(? as jsonb), ?, ?, ?, cast(? as jsonb), ?,
                  ?, ?)
                on conflict do nothing
                """)
            .params(
                id,
                task.priority(),
                task.involvesChild(),
                task.involvesPolice(),
                task.recordsJson(),
                new String[] {task.personId()},
                task.familyId(),
                task.agencies(),
                task.detailJson(),
                task.dedupeKey(),
                task.raisedBy(),
                Timestamp.from(now))
            .update();
    return inserted == 1 ? Optional.of(id) : Optional.empty();
  }

  /**
   * What retention did to the queue: tasks removed, and tasks left with fewer records (or a
   * possible match with fewer other record pairs in its detail).
   */
  public record Erased(int removed, int reduced) {}

  /**
   * Retention: a task naming an erased record, or an emptied person, is removed when fewer than two
   * records remain; otherwise the record is taken out and the detail cleared, since the detail
   * quotes the compared values.
   */
  public Erased eraseNaming(RecordsToErase records) {
    String[] agencies = records.agencyArray();
    String[] recordIds = records.recordIdArray();
    String[] emptied = records.emptiedArray();
    int removed =
        jdbc.sql(
                NAMING_ERASED
                    + " delete from review_task where id in"
                    + " (select id from named where jsonb_array_length(remaining) < 2)")
            .params(agencies, recordIds, emptied)
            .update();
    int reduced =
        jdbc.sql(
                NAMING_ERASED
                    + """
                     update review_task t set records = e.remaining, detail = null,
                       person_ids = array(select p from unnest(t.person_ids) p
                                          where p <> all (?::text[]))
                     from named e where e.id = t.id and jsonb_array_length(e.remaining) >= 2
                    """)
            .params(agencies, recordIds, emptied, emptied)
            .update();
    int lessEvidence = jdbc.sql(OTHER_PAIRS_NAMING_ERASED).params(agencies, recordIds).update();
    return new Erased(removed, reduced + lessEvidence);
  }

  /**
   * Retention of a possible match's other record pairs (its detail's {@code otherPairs}): an entry
   * naming an erased record is taken out, the rest kept in order. Parameters: agencies, record ids.
   */
  private static final String OTHER_PAIRS_NAMING_ERASED =
      """
      with d as (select * from unnest(?::text[], ?::text[]) as d(agency, record_id))
      update review_task t
         set detail = jsonb_set(t.detail, '{otherPairs}', coalesce(
               (select jsonb_agg(e.o order by e.n)
                  from jsonb_array_elements(t.detail->'otherPairs') with ordinality e(o, n)
                 where not exists (
                   select 1 from d
                    where (upper(e.o->'left'->>'agency') = d.agency
                           and e.o->'left'->>'recordId' = d.record_id)
                       or (upper(e.o->'right'->>'agency') = d.agency
                           and e.o->'right'->>'recordId' = d.record_id))), '[]'::jsonb))
       where jsonb_typeof(t.detail->'otherPairs') = 'array'
         and exists (
           select 1 from jsonb_array_elements(t.detail->'otherPairs') o, d
            where (upper(o->'left'->>'agency') = d.agency and o->'left'->>'recordId' = d.record_id)
               or (upper(o->'right'->>'agency') = d.agency
                   and o->'right'->>'recordId' = d.record_id))
      """;

  /**
   * The tasks naming an erased record or an emptied person, with the records each has left ({@code
   * named}); parameters: agencies, record ids, emptied person ids (text[]).
   */
  private static final String NAMING_ERASED =
      """
      with d as (select * from unnest(?::text[], ?::text[]) as d(agency, record_id)),
      named as (
        select t.id,
               coalesce((select jsonb_agg(r) from jsonb_array_elements(t.records) r
                         where not exists (
                           select 1 from d
                           where upper(r->>'agency') = d.agency
                             and r->>'recordId' = d.record_id)), '[]'::jsonb) as remaining
        from review_task t
        where exists (select 1 from jsonb_array_elements(t.records) r
                      join d on upper(r->>'agency') = d.agency and r->>'recordId' = d.record_id)
           or t.person_ids && ?::text[])
      """;

  /**
   * Children under 18 (2000) and police-held records (1000) first; then uncertainty, from 999 at a
   * probability of one half down to 0 at certainty either way. Conflicts have no probability and
   * rank as the most uncertain.
   */
  public static int priority(boolean child, boolean police, @Nullable Double probability) {
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

  static ReviewTask task(ResultSet rs) throws SQLException {
    return new ReviewTask(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        rs.getString("status"),
        rs.getInt("priority"),
        rs.getBoolean("involves_child"),
        rs.getBoolean("involves_police"),
        nullableDouble(rs, "match_weight"),
        nullableDouble(rs, "match_probability"),
        records(rs.getString("records")),
        strings(rs.getArray("person_ids")),
        rs.getString("family_id"),
        strings(rs.getArray("agencies")),
        rs.getString("model_version"),
        rs.getString("raised_by"),
        rs.getTimestamp("raised_at").toInstant());
  }

  /** {@code [{"agency": ..., "recordId": ...}]}, the V12 shape of review_task.records. */
  public static List<RecordKey> records(@Nullable String json) {
    List<RecordKey> records = new ArrayList<>();
    if (json == null) {
      return records;
    }
    for (JsonNode node : JSON.readTree(json)) {
      JsonNode agency = node.get("agency");
      JsonNode recordId = node.get("recordId");
      if (agency != null && recordId != null) {
        records.add(new RecordKey(agency.asString(), recordId.asString()));
      }
    }
    return records;
  }

  public static String json(List<RecordKey> records) {
    return JSON.writeValueAsString(records);
  }

  private static @Nullable Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  static List<String> strings(@Nullable Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return List.of((String[]) array.getArray());
  }
}
