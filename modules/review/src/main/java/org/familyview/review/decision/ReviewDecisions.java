package org.familyview.review.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.familyview.linkage.ReviewTasks;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stewards' acts in {@code review_decision} (V15). */
@Component("workbench.reviewDecisions")
public class ReviewDecisions {

  private static final String COLUMNS =
      """
      id, action, status, review_task_id, person_id, other_person_id, records::text as records,
      together, reason, involves_child, involves_police, evidence::text as evidence,
      result::text as result, decided_by, decided_at, approved_by, approved_at, approval_note,
      applied_at
      """;

  private final JdbcClient jdbc;

  public ReviewDecisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StewardDecision d) {
    jdbc.sql(
            """
            insert into review_decision (id, action, status, review_task_id, person_id,
              other_person_id, records, together, reason, involves_child, involves_police,
              evidence, result, decided_by, decided_at, applied_at)
            values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
            """)
        .param(d.id())
        .param(d.action())
        .param(d.status())
        .param(d.reviewTaskId())
        .param(d.personId())
        .param(d.otherPersonId())
        .param(ReviewTasks.json(d.records()))
        .param(d.together())
        .param(d.reason())
        .param(d.involvesChild())
        .param(d.involvesPolice())
        .param(d.evidence())
        .param(d.result())
        .param(d.decidedBy())
        .param(Timestamp.from(d.decidedAt()))
        .param(d.appliedAt() == null ? null : Timestamp.from(d.appliedAt()))
        .update();
  }

  /** Records a second steward's approval and what applying it changed. */
  boolean approved(UUID id, String by, @Nullable String note, Instant at, String result) {
    return jdbc.sql(
                """
                update review_decision set status = 'APPLIED', approved_by = ?, approved_at = ?,
                  approval_note = ?, applied_at = ?, result = ?::jsonb
                where id = ? and status = 'AWAITING_APPROVAL'
                """)
            .param(by)
            .param(Timestamp.from(at))
            .param(note)
            .param(Timestamp.from(at))
            .param(result)
            .param(id)
            .update()
        == 1;
  }

  boolean rejected(UUID id, String by, @Nullable String note, Instant at) {
    return jdbc.sql(
                """
                update review_decision set status = 'REJECTED', approved_by = ?, approved_at = ?,
                  approval_note = ?
                where id = ? and status = 'AWAITING_APPROVAL'
                """)
            .param(by)
            .param(Timestamp.from(at))
            .param(note)
            .param(id)
            .update()
        == 1;
  }

  public Optional<StewardDecision> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from review_decision where id = ?")
        .param(id)
        .query((rs, n) -> decision(rs))
        .optional();
  }

  public List<StewardDecision> awaitingApproval() {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from review_decision where status = 'AWAITING_APPROVAL' order by decided_at, id")
        .query((rs, n) -> decision(rs))
        .list();
  }

  /** The acts on a task or a person, newest first. */
  public List<StewardDecision> about(@Nullable UUID taskId, @Nullable String personId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from review_decision where review_task_id = ? or person_id = ?"
                + " or other_person_id = ? order by decided_at desc, id")
        .param(taskId)
        .param(personId)
        .param(personId)
        .query((rs, n) -> decision(rs))
        .list();
  }

  private static StewardDecision decision(ResultSet rs) throws SQLException {
    return new StewardDecision(
        rs.getObject("id", UUID.class),
        rs.getString("action"),
        rs.getString("status"),
        rs.getObject("review_task_id", UUID.class),
        rs.getString("person_id"),
        rs.getString("other_person_id"),
        ReviewTasks.records(rs.getString("records")),
        rs.getBoolean("together"),
        rs.getString("reason"),
        rs.getBoolean("involves_child"),
        rs.getBoolean("involves_police"),
        rs.getString("evidence"),
        rs.getString("result"),
        rs.getString("decided_by"),
        rs.getTimestamp("decided_at").toInstant(),
        rs.getString("approved_by"),
        instant(rs.getTimestamp("approved_at")),
        rs.getString("approval_note"),
        instant(rs.getTimestamp("applied_at")));
  }

  private static @Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
