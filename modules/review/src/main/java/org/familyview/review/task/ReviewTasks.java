package org.familyview.review.task;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.familyview.review.RecordRef;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review queue in PostgreSQL. The order is the workbench's priority rule: tasks about children
 * first, then those with police-held records, then the most uncertain (a match probability nearest
 * one half; conflicts and disputes, which have none, count as wholly uncertain), then the nightly
 * run's own priority, oldest first.
 */
@Component("workbench.reviewTasks")
public class ReviewTasks {

  public static final int MAX_PAGE_SIZE = 200;
  static final JsonMapper JSON = JsonMapper.builder().build();

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

  public ReviewTasks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

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
  public static List<RecordRef> records(@Nullable String json) {
    List<RecordRef> records = new ArrayList<>();
    if (json == null) {
      return records;
    }
    for (JsonNode node : JSON.readTree(json)) {
      JsonNode agency = node.get("agency");
      JsonNode recordId = node.get("recordId");
      if (agency != null && recordId != null) {
        records.add(new RecordRef(agency.asString(), recordId.asString()));
      }
    }
    return records;
  }

  public static String json(List<RecordRef> records) {
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
