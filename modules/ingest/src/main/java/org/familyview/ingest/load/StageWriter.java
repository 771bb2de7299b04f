package org.familyview.ingest.load;

import java.util.UUID;
import javax.sql.DataSource;
import org.familyview.extracts.EventRecord;
import org.familyview.extracts.PersonRecord;
import org.familyview.extracts.RowOutcome;
import org.familyview.extracts.SourceRecord;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of accepted rows to the staging table and their warnings to the warnings table,
 * both with COPY in the chunk's transaction.
 */
final class StageWriter<R extends SourceRecord> implements ItemWriter<RowOutcome.Accepted<R>> {

  private final DataSource dataSource;
  private final UUID extractId;

  private StageWriter(DataSource dataSource, UUID extractId) {
    this.dataSource = dataSource;
    this.extractId = extractId;
  }

  static StageWriter<PersonRecord> persons(DataSource dataSource, UUID extractId) {
    return new StageWriter<>(dataSource, extractId);
  }

  static StageWriter<EventRecord> events(DataSource dataSource, UUID extractId) {
    return new StageWriter<>(dataSource, extractId);
  }

  @Override
  public void write(Chunk<? extends RowOutcome.Accepted<R>> chunk) throws Exception {
    CopyRows staged = null;
    CopyRows warnings = StagedRows.warnings();
    for (RowOutcome.Accepted<R> accepted : chunk) {
      switch (accepted.record()) {
        case PersonRecord p -> {
          staged = staged == null ? StagedRows.persons() : staged;
          StagedRows.add(staged, extractId, p);
        }
        case EventRecord e -> {
          staged = staged == null ? StagedRows.events() : staged;
          StagedRows.add(staged, extractId, e);
        }
      }
      StagedRows.add(warnings, extractId, accepted.warnings());
    }
    if (staged != null) {
      staged.send(dataSource);
    }
    warnings.send(dataSource);
  }
}
