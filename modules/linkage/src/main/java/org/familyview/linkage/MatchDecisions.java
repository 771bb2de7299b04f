package org.familyview.linkage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.familyview.matching.Constraints;
import org.familyview.matching.RecordKey;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hard constraints in {@code match_decision} that every later nightly run and re-training
 * obeys. Rows are only ever added or withdrawn (withdrawn_by, withdrawn_at), never deleted. The
 * workbench writes them; every run reads the rulings in force as the matcher's constraints, and no
 * score and no re-training overrides them.
 */
@Component
public class MatchDecisions {

  public static final String MUST_LINK = "MUST_LINK";
  public static final String CANNOT_LINK = "CANNOT_LINK";

  private final JdbcClient jdbc;

  public MatchDecisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Retention erases a record with everything that names it: the only deletion of constraints (a
   * steward's ruling is otherwise withdrawn, never deleted). Returns the rows deleted.
   */
  public int eraseNaming(RecordsToErase records) {
    return jdbc.sql(
            "delete from match_decision m using "
                + RecordsToErase.DUE
                + " where (upper(m.left_agency) = d.agency and m.left_record_id = d.record_id)"
                + " or (upper(m.right_agency) = d.agency and m.right_record_id = d.record_id)")
        .params(records.agencyArray(), records.recordIdArray())
        .update();
  }

  /** One constraint as stored. */
  public record Constraint(
      UUID id,
      String kind,
      RecordKey left,
      RecordKey right,
      @Nullable String reason,
      String decidedBy,
      Instant decidedAt,
      @Nullable UUID reviewDecisionId,
      @Nullable String withdrawnBy,
      @Nullable Instant withdrawnAt) {}

  /** Who is writing, when, why, and on what evidence: the same for every row of one act. */
  public record Context(
      UUID reviewDecisionId,
      @Nullable UUID reviewTaskId,
      @Nullable String reason,
      String decidedBy,
      Instant at,
      String evidence) {}

  public UUID write(String kind, RecordKey left, RecordKey right, Context context) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into match_decision (id, kind, left_agency, left_record_id, right_agency,
              right_record_id, reason, decided_by, decided_at, review_task_id, evidence,
              review_decision_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            """)
        .param(id)
        .param(kind)
        .param(left.agency())
        .param(left.recordId())
        .param(right.agency())
        .param(right.recordId())
        .param(context.reason())
        .param(context.decidedBy())
        .param(Timestamp.from(context.at()))
        .param(context.reviewTaskId())
        .param(context.evidence())
        .param(context.reviewDecisionId())
        .update();
    return id;
  }

  /**
   * Withdraws every active constraint of this kind joining a record of one side to a record of the
   * other (either way round): a later steward's ruling on the same people supersedes it.
   */
  public int withdrawBetween(
      String kind, Collection<RecordKey> one, Collection<RecordKey> other, String by, Instant at) {
    if (one.isEmpty() || other.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            """
            update match_decision set withdrawn_by = ?, withdrawn_at = ?
            where kind = ? and withdrawn_at is null
              and ((left_agency || '/' || left_record_id = any(?)
                    and right_agency || '/' || right_record_id = any(?))
                or (left_agency || '/' || left_record_id = any(?)
                    and right_agency || '/' || right_record_id = any(?)))
            """)
        .param(by)
        .param(Timestamp.from(at))
        .param(kind)
        .param(keys(one))
        .param(keys(other))
        .param(keys(other))
        .param(keys(one))
        .update();
  }

  /** Active constraints touching any of these records. */
  public List<Constraint> activeFor(Collection<RecordKey> records) {
    return jdbc.sql(
            """
            select id, kind, left_agency, left_record_id, right_agency, right_record_id, reason,
                   decided_by, decided_at, review_decision_id, withdrawn_by, withdrawn_at
            from match_decision
            where withdrawn_at is null
              and (left_agency || '/' || left_record_id = any(?)
                or right_agency || '/' || right_record_id = any(?))
            order by decided_at, id
            """)
        .param(keys(records))
        .param(keys(records))
        .query(MatchDecisions::constraint)
        .list();
  }

  /** Every constraint an act wrote, withdrawn ones included. */
  public List<Constraint> writtenBy(UUID reviewDecisionId) {
    return jdbc.sql(
            """
            select id, kind, left_agency, left_record_id, right_agency, right_record_id, reason,
                   decided_by, decided_at, review_decision_id, withdrawn_by, withdrawn_at
            from match_decision where review_decision_id = ? order by kind, left_agency,
                   left_record_id, right_agency, right_record_id
            """)
        .param(reviewDecisionId)
        .query(MatchDecisions::constraint)
        .list();
  }

  /** The rulings in force as the matcher's hard constraints, in the order they were decided. */
  public Constraints constraints() {
    List<Constraints.Pair> must = new ArrayList<>();
    List<Constraints.Pair> cannot = new ArrayList<>();
    jdbc.sql(
            "select kind, left_agency, left_record_id, right_agency, right_record_id"
                + " from match_decision where withdrawn_at is null order by decided_at, id")
        .query(
            rs -> {
              Constraints.Pair pair =
                  new Constraints.Pair(
                      new RecordKey(rs.getString(2), rs.getString(3)),
                      new RecordKey(rs.getString(4), rs.getString(5)));
              (rs.getString(1).equals(MUST_LINK) ? must : cannot).add(pair);
            });
    return new Constraints(must, cannot);
  }

  /** Pairs a steward has ruled on, either way, and not withdrawn. */
  public Set<PairKey> ruledOn() {
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
  public Map<PairKey, String> mustLinkDeciders() {
    Map<PairKey, String> deciders = new HashMap<>();
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

  private static Constraint constraint(ResultSet rs, int row) throws SQLException {
    Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
    return new Constraint(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        new RecordKey(rs.getString("left_agency"), rs.getString("left_record_id")),
        new RecordKey(rs.getString("right_agency"), rs.getString("right_record_id")),
        rs.getString("reason"),
        rs.getString("decided_by"),
        rs.getTimestamp("decided_at").toInstant(),
        rs.getObject("review_decision_id", UUID.class),
        rs.getString("withdrawn_by"),
        withdrawn == null ? null : withdrawn.toInstant());
  }

  private static String[] keys(Collection<RecordKey> records) {
    return records.stream().map(RecordKey::toString).toArray(String[]::new);
  }
}
