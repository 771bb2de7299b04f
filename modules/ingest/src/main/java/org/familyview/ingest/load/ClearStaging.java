package org.familyview.ingest.load;

import java.util.UUID;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Removes staged rows that are no longer needed. The apply itself deletes its extract's rows in its
 * transaction (so a COMPLETED extract never shows staged rows); this step, after it, deletes
 * nothing for an applied extract and is kept for what else may be left. It also removes what any
 * other finished extract left staged: a load stopped by a shutdown between its apply and this step
 * is complete and is not resumed, so its rows would otherwise stay. A held extract keeps its staged
 * rows: they are what a confirmation applies, after any number of restarts; a discard removes them.
 */
final class ClearStaging implements Tasklet {

  private final JdbcClient jdbc;

  ClearStaging(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    UUID id = ExtractLoadListener.extractId(chunkContext);
    boolean held =
        jdbc.sql("select status = 'HELD' from extract where id = ?")
            .param(id)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    if (!held) {
      of(jdbc, id);
    }
    jdbc.sql(
            "delete from extract_person_stage s using extract x"
                + " where x.id = s.extract_id and x.status in ('COMPLETED', 'FAILED', 'DISCARDED')")
        .update();
    jdbc.sql(
            "delete from extract_event_stage s using extract x"
                + " where x.id = s.extract_id and x.status in ('COMPLETED', 'FAILED', 'DISCARDED')")
        .update();
    return RepeatStatus.FINISHED;
  }

  /** Deletes one extract's staged rows. */
  static void of(JdbcClient jdbc, UUID id) {
    jdbc.sql("delete from extract_person_stage where extract_id = ?").param(id).update();
    jdbc.sql("delete from extract_event_stage where extract_id = ?").param(id).update();
  }
}
