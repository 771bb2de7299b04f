package org.familyview.ingest.extract;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.familyview.extracts.PartnerId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The extract table: what was delivered, where its load is, what it found. */
@Repository
public class Extracts {

  private static final String COLUMNS =
      """
      id, agency, status, source, uploaded_by, persons_file, events_file, received_at, started_at,
      finished_at, failure_reason, job_execution_id, persons_rows, events_rows,
      persons_read, persons_accepted, persons_rejected, persons_warnings, persons_new,
      persons_changed, persons_unchanged, persons_no_longer_current,
      events_read, events_accepted, events_rejected, events_warnings, events_new,
      events_changed, events_unchanged, events_no_longer_current,
      persons_with_date_of_birth, persons_with_postcode, persons_with_nhs_number,
      persons_with_upn, persons_with_pnc_id,
      held_reason, held_would_retire, held_current, held_at, resolved_by, resolved_at,
      resolution_reason
      """;

  private final JdbcClient jdbc;

  public Extracts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a delivery whose files are already stored; it waits for the load. */
  public Extract queue(
      UUID id,
      PartnerId agency,
      ExtractSource source,
      String uploadedBy,
      boolean withEvents,
      Instant receivedAt) {
    jdbc.sql(
            """
            insert into extract (id, agency, status, source, uploaded_by, persons_file,
              events_file, received_at)
            values (?, ?, 'QUEUED', ?, ?, 'persons.csv', ?, ?)
            """)
        .params(
            id,
            agency.stored(),
            source.name(),
            uploadedBy,
            withEvents ? "events.csv" : null,
            Timestamp.from(receivedAt))
        .update();
    return find(id).orElseThrow();
  }

  public Optional<Extract> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from extract where id = ?")
        .param(id)
        .query(Extracts::extract)
        .optional();
  }

  /** Extracts a stopped application left queued or running, oldest first. */
  public List<Extract> unfinished() {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from extract where status in ('QUEUED', 'RUNNING') order by received_at, id")
        .query(Extracts::extract)
        .list();
  }

  /** The latest extracts of one agency, or of all agencies when {@code agency} is null. */
  public List<Extract> recent(@Nullable PartnerId agency, int limit) {
    if (agency == null) {
      return jdbc.sql("select " + COLUMNS + " from extract order by received_at desc limit ?")
          .param(limit)
          .query(Extracts::extract)
          .list();
    }
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from extract where agency = ? order by received_at desc limit ?")
        .params(agency.stored(), limit)
        .query(Extracts::extract)
        .list();
  }

  public void running(UUID id, long jobExecutionId, Instant at) {
    jdbc.sql(
            """
            update extract set status = 'RUNNING', job_execution_id = ?,
              started_at = coalesce(started_at, ?), finished_at = null, failure_reason = null
            where id = ?
            """)
        .params(jobExecutionId, Timestamp.from(at), id)
        .update();
  }

  public void rowsExpected(UUID id, long personsRows, @Nullable Long eventsRows) {
    jdbc.sql("update extract set persons_rows = ?, events_rows = ? where id = ?")
        .params(personsRows, eventsRows, id)
        .update();
  }

  public void completed(UUID id, Instant at) {
    jdbc.sql("update extract set status = 'COMPLETED', finished_at = ? where id = ?")
        .params(Timestamp.from(at), id)
        .update();
  }

  public void failed(UUID id, String reason, Instant at) {
    jdbc.sql(
            "update extract set status = 'FAILED', finished_at = ?, failure_reason = ? where id = ?")
        .params(Timestamp.from(at), reason, id)
        .update();
  }

  /**
   * The snapshot guard stopped the extract: nothing is applied, its staged rows wait for a
   * decision. {@code finished_at} is when it was held.
   */
  public void held(UUID id, String reason, long wouldRetire, long current, Instant at) {
    jdbc.sql(
            """
            update extract set status = 'HELD', held_reason = ?, held_would_retire = ?,
              held_current = ?, held_at = ?, finished_at = ?
            where id = ?
            """)
        .params(reason, wouldRetire, current, Timestamp.from(at), Timestamp.from(at), id)
        .update();
  }

  /** Who confirmed or discarded a held extract, and why; the status is set by the caller. */
  public void resolved(UUID id, String by, Instant at, @Nullable String reason) {
    jdbc.sql(
            """
            update extract set resolved_by = ?, resolved_at = ?, resolution_reason = ?
            where id = ?
            """)
        .params(by, Timestamp.from(at), reason, id)
        .update();
  }

  public void discarded(UUID id, Instant at) {
    jdbc.sql("update extract set status = 'DISCARDED', finished_at = ? where id = ?")
        .params(Timestamp.from(at), id)
        .update();
  }

  /** The rows of persons.csv in the agency's latest applied delivery, if it has one. */
  public Optional<Long> previousDeliveryRows(PartnerId agency) {
    return jdbc.sql(
            """
            select persons_read from extract where agency = ? and applied_at is not null
            order by applied_at desc limit 1
            """)
        .param(agency.stored())
        .query(Long.class)
        .optional();
  }

  /** Whether a delivery of the agency received after this one has been applied since. */
  public boolean laterDeliveryApplied(Extract extract) {
    return jdbc.sql(
            """
            select exists (select 1 from extract where agency = ? and applied_at is not null
                             and received_at > ? and id <> ?)
            """)
        .params(extract.agency().stored(), Timestamp.from(extract.receivedAt()), extract.id())
        .query(Boolean.class)
        .single();
  }

  /** Quarantines a row or a whole file. */
  public void reject(UUID id, Feedback problem) {
    insert(FeedbackKind.REJECT, id, problem);
  }

  public void warn(UUID id, Feedback problem) {
    insert(FeedbackKind.WARNING, id, problem);
  }

  private void insert(FeedbackKind kind, UUID id, Feedback problem) {
    jdbc.sql(
            "insert into "
                + kind.table()
                + " (extract_id, file, line, field, code, reason) values (?, ?, ?, ?, ?, ?)")
        .params(
            id, problem.file(), problem.line(), problem.field(), problem.code(), problem.reason())
        .update();
  }

  public FeedbackPage feedback(UUID id, FeedbackKind kind, int page, int size) {
    long total =
        jdbc.sql("select count(*) from " + kind.table() + " where extract_id = ?")
            .param(id)
            .query(Long.class)
            .single();
    List<Feedback> items =
        jdbc.sql(
                "select file, line, field, code, reason from "
                    + kind.table()
                    + " where extract_id = ? order by file desc, line, field nulls first"
                    + " limit ? offset ?")
            .params(id, size, (long) page * size)
            .query(Extracts::feedback)
            .list();
    return new FeedbackPage(items, page, size, total);
  }

  /** Every entry of one list, streamed in file and line order (persons.csv before events.csv). */
  public void eachFeedback(UUID id, FeedbackKind kind, Consumer<Feedback> each) {
    jdbc.sql(
            "select file, line, field, code, reason from "
                + kind.table()
                + " where extract_id = ? order by file desc, line, field nulls first")
        .param(id)
        .query(
            (ResultSet rs) -> {
              each.accept(feedback(rs, 0));
            });
  }

  /** How far the load has read each file, from Spring Batch's step counts. */
  public LoadProgress progress(Extract extract) {
    if (extract.jobExecutionId() == null) {
      return new LoadProgress(0, extract.personsRows(), 0, extract.eventsRows());
    }
    record StepRead(String step, long read) {}
    List<StepRead> reads =
        jdbc.sql(
                """
                select s.step_name, sum(s.read_count) as read
                from batch_step_execution s
                join batch_job_execution e on e.job_execution_id = s.job_execution_id
                where e.job_instance_id = (select job_instance_id from batch_job_execution
                                           where job_execution_id = ?)
                group by s.step_name
                """)
            .param(extract.jobExecutionId())
            .query((rs, n) -> new StepRead(rs.getString(1), rs.getLong(2)))
            .list();
    long persons = 0;
    long events = 0;
    for (StepRead read : reads) {
      if (read.step().startsWith("stagePersons")) {
        persons += read.read();
      } else if (read.step().startsWith("stageEvents")) {
        events += read.read();
      }
    }
    return new LoadProgress(persons, extract.personsRows(), events, extract.eventsRows());
  }

  /** Rejects or warnings of an agency's latest {@code lastExtracts} extracts, by code. */
  public List<CodeCount> countsByCode(PartnerId agency, FeedbackKind kind, int lastExtracts) {
    return jdbc.sql(
            "select f.code, f.field, count(*) from "
                + kind.table()
                + " f where f.extract_id in (select id from extract where agency = ?"
                + " order by received_at desc limit ?)"
                + " group by f.code, f.field order by count(*) desc, f.code")
        .params(agency.stored(), lastExtracts)
        .query((rs, n) -> new CodeCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .list();
  }

  private static Feedback feedback(ResultSet rs, int row) throws SQLException {
    return new Feedback(
        rs.getString("file"),
        rs.getLong("line"),
        rs.getString("field"),
        rs.getString("code"),
        rs.getString("reason"));
  }

  private static Extract extract(ResultSet rs, int row) throws SQLException {
    return new Extract(
        rs.getObject("id", UUID.class),
        PartnerId.fromStored(rs.getString("agency")),
        ExtractStatus.valueOf(rs.getString("status")),
        ExtractSource.valueOf(rs.getString("source")),
        rs.getString("uploaded_by"),
        rs.getString("persons_file"),
        rs.getString("events_file"),
        instant(rs, "received_at"),
        instant(rs, "started_at"),
        instant(rs, "finished_at"),
        rs.getString("failure_reason"),
        rs.getObject("job_execution_id", Long.class),
        rs.getObject("persons_rows", Long.class),
        rs.getObject("events_rows", Long.class),
        counts(rs, "persons_"),
        counts(rs, "events_"),
        new IdentifierCoverage(
            rs.getLong("persons_accepted"),
            rs.getLong("persons_with_date_of_birth"),
            rs.getLong("persons_with_postcode"),
            rs.getLong("persons_with_nhs_number"),
            rs.getLong("persons_with_upn"),
            rs.getLong("persons_with_pnc_id")),
        held(rs));
  }

  private static @Nullable Held held(ResultSet rs) throws SQLException {
    String reason = rs.getString("held_reason");
    if (reason == null) {
      return null;
    }
    return new Held(
        reason,
        rs.getLong("held_would_retire"),
        rs.getLong("held_current"),
        instant(rs, "held_at"),
        rs.getString("resolved_by"),
        instant(rs, "resolved_at"),
        rs.getString("resolution_reason"));
  }

  private static FileCounts counts(ResultSet rs, String prefix) throws SQLException {
    return new FileCounts(
        rs.getLong(prefix + "read"),
        rs.getLong(prefix + "accepted"),
        rs.getLong(prefix + "rejected"),
        rs.getLong(prefix + "warnings"),
        rs.getLong(prefix + "new"),
        rs.getLong(prefix + "changed"),
        rs.getLong(prefix + "unchanged"),
        rs.getLong(prefix + "no_longer_current"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
