package org.familyview.pipeline.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.familyview.matching.MatchingConfig;
import org.familyview.pipeline.PipelineStage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queue of pipeline runs ({@code pipeline_run}) and what each run's steps did (Spring Batch's
 * step executions of the run's job instance). Asking for a run only queues it; the single {@link
 * PipelineRunner} takes queued runs one at a time, oldest first.
 */
@Component
public class PipelineRuns {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final MatchingConfig matching;

  PipelineRuns(JdbcClient jdbc, ApplicationEventPublisher events, MatchingConfig matching) {
    this.jdbc = jdbc;
    this.events = events;
    this.matching = matching;
    this.clock = Clock.systemUTC();
  }

  /** Queues a run and returns its id at once. */
  public UUID request(String requestedBy, boolean retrain) {
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            "insert into pipeline_run (id, status, retrain, requested_by, requested_at, queued_at)"
                + " values (?, 'QUEUED', ?, ?, ?, ?)")
        .params(id, retrain, requestedBy, now, now)
        .update();
    events.publishEvent(new RunQueued(id));
    return id;
  }

  /** The outcome of asking to restart a run. */
  public sealed interface Restart {
    record Requeued(UUID runId) implements Restart {}

    record NotFound() implements Restart {}

    record NotFailed(RunStatus status) implements Restart {}
  }

  /** Puts a FAILED run back in the queue; it resumes at the step that failed. */
  public Restart restart(UUID id) {
    int updated =
        jdbc.sql(
                "update pipeline_run set status = 'QUEUED', queued_at = ?, finished_at = null,"
                    + " failure = null where id = ? and status = 'FAILED'")
            .params(Timestamp.from(clock.instant()), id)
            .update();
    if (updated == 1) {
      events.publishEvent(new RunQueued(id));
      return new Restart.Requeued(id);
    }
    return status(id).<Restart>map(Restart.NotFailed::new).orElseGet(Restart.NotFound::new);
  }

  public Optional<RunStatus> status(UUID id) {
    return jdbc.sql("select status from pipeline_run where id = ?")
        .param(id)
        .query((rs, n) -> RunStatus.valueOf(rs.getString(1)))
        .optional();
  }

  /** Whether the run asked for a newly trained model. */
  public boolean retrainRequested(UUID id) {
    return jdbc.sql("select retrain from pipeline_run where id = ?")
        .param(id)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  public Optional<PipelineRun> find(UUID id) {
    return jdbc.sql("select * from pipeline_run where id = ?")
        .param(id)
        .query(this::header)
        .optional()
        .map(r -> r.withSteps(steps(r.runId())));
  }

  /** The newest runs first. */
  public List<PipelineRun> recent(int limit) {
    List<PipelineRun> headers =
        jdbc.sql("select * from pipeline_run order by requested_at desc, id limit ?")
            .param(limit)
            .query(this::header)
            .list();
    return headers.stream().map(r -> r.withSteps(steps(r.runId()))).toList();
  }

  /** Whether any run was ever asked for. */
  public boolean anyRequested() {
    return jdbc.sql("select exists (select 1 from pipeline_run)").query(Boolean.class).single();
  }

  /** Takes the oldest queued run and marks it running, or returns empty. */
  Optional<UUID> claimNext() {
    return jdbc.sql(
            "update pipeline_run set status = 'RUNNING', started_at = coalesce(started_at, ?)"
                + " where id = (select id from pipeline_run where status = 'QUEUED'"
                + " order by queued_at, requested_at limit 1 for update skip locked)"
                + " returning id")
        .param(Timestamp.from(clock.instant()))
        .query(UUID.class)
        .optional();
  }

  /** Runs a stopped application left RUNNING go back to the queue, to resume where they were. */
  List<UUID> requeueInterrupted() {
    List<UUID> ids =
        jdbc.sql("select id from pipeline_run where status = 'RUNNING'").query(UUID.class).list();
    jdbc.sql("update pipeline_run set status = 'QUEUED' where status = 'RUNNING'").update();
    return ids;
  }

  void finished(UUID id, RunStatus status, @Nullable String failure) {
    jdbc.sql("update pipeline_run set status = ?, finished_at = ?, failure = ? where id = ?")
        .params(status.name(), Timestamp.from(clock.instant()), failure, id)
        .update();
  }

  /** Recorded by the matching step: the model every link of this run names. */
  public void modelUsed(UUID id, String version) {
    jdbc.sql("update pipeline_run set model_version = ? where id = ?").params(version, id).update();
  }

  private List<PipelineRun.Step> steps(UUID runId) {
    Map<String, PipelineRun.Step> latest = new HashMap<>();
    Instant now = clock.instant();
    jdbc.sql(
            "select s.step_name, s.status, s.exit_code, s.read_count, s.write_count,"
                + " s.start_time, s.end_time"
                + " from batch_step_execution s"
                + " join batch_job_execution_params p on p.job_execution_id = s.job_execution_id"
                + " where p.parameter_name = 'runId' and p.parameter_value = ?"
                + " order by s.step_execution_id")
        .param(runId.toString())
        .query(
            (ResultSet rs) -> {
              String name = rs.getString("step_name");
              latest.put(name, step(rs, name, now));
            });
    List<PipelineRun.Step> steps = new ArrayList<>();
    for (String name : PipelineStage.ORDER) {
      steps.add(latest.getOrDefault(name, new PipelineRun.Step(name, "PENDING", 0, 0, 0)));
    }
    return steps;
  }

  private static PipelineRun.Step step(ResultSet rs, String name, Instant now) throws SQLException {
    String status = rs.getString("status");
    String exit = rs.getString("exit_code");
    String shown =
        switch (status) {
          case "COMPLETED" -> StageTasklet.SKIPPED.equals(exit) ? "SKIPPED" : "COMPLETED";
          case "STARTING", "STARTED" -> "RUNNING";
          case "STOPPING", "STOPPED" -> "STOPPED";
          case "FAILED", "ABANDONED", "UNKNOWN" -> "FAILED";
          default -> status;
        };
    Timestamp start = rs.getTimestamp("start_time");
    Timestamp end = rs.getTimestamp("end_time");
    long duration =
        start == null ? 0 : (end == null ? now : end.toInstant()).toEpochMilli() - start.getTime();
    return new PipelineRun.Step(
        name, shown, rs.getLong("read_count"), rs.getLong("write_count"), Math.max(0, duration));
  }

  /** A run as its row stands, without its steps yet. */
  private PipelineRun header(ResultSet rs, int n) throws SQLException {
    return new PipelineRun(
        rs.getObject("id", UUID.class),
        RunStatus.valueOf(rs.getString("status")),
        rs.getBoolean("retrain"),
        rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")),
        rs.getString("model_version"),
        rs.getString("failure"),
        List.of(),
        matching);
  }

  private static @Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /** A run went into the queue. */
  record RunQueued(UUID runId) {}
}
