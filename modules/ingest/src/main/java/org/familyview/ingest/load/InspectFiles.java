package org.familyview.ingest.load;

import java.io.IOException;
import java.util.UUID;
import org.familyview.extracts.EventRecord;
import org.familyview.extracts.FileOpening;
import org.familyview.extracts.Problem;
import org.familyview.extracts.SourceRecord;
import org.familyview.extracts.Vocabulary;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractFolders;
import org.familyview.ingest.extract.Extracts;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first step: open both files so the contract's reader inspects them whole. A structurally
 * broken file (not UTF-8, empty, no usable header, a required column missing, broken quoting) fails
 * the job here, before a single row is staged, and the previous snapshot stays current. Records the
 * row counts for the progress bar and the file-wide warnings (unknown columns).
 */
final class InspectFiles implements Tasklet {

  private final Extracts extracts;
  private final ExtractFolders folders;
  private final Vocabulary vocabulary;

  InspectFiles(Extracts extracts, ExtractFolders folders, Vocabulary vocabulary) {
    this.extracts = extracts;
    this.folders = folders;
    this.vocabulary = vocabulary;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws IOException {
    UUID id = ExtractLoadListener.extractId(chunkContext);
    Extract extract = extracts.find(id).orElseThrow();
    ExtractFilesOpener opener = new ExtractFilesOpener(extract, folders, vocabulary);
    long personsRows = inspect(id, opener.persons());
    // Only the structure is checked here; the events step asks about persons for real.
    FileOpening<EventRecord> events = opener.events(recordId -> true);
    Long eventsRows = events == null ? null : inspect(id, events);
    extracts.rowsExpected(id, personsRows, eventsRows);
    return RepeatStatus.FINISHED;
  }

  private <R extends SourceRecord> long inspect(UUID id, @Nullable FileOpening<R> opening)
      throws IOException {
    return switch (opening) {
      case null -> 0;
      case FileOpening.FileRejected<R> rejected -> throw new ExtractRejected(rejected.problem());
      case FileOpening.Opened<R> opened -> {
        opened.rows().close();
        for (Problem warning : opened.fileWarnings()) {
          extracts.warn(id, QuarantineListener.feedback(warning));
        }
        yield opened.dataRows();
      }
    };
  }
}
