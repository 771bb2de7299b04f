package org.familyview.ingest.load;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * A stage step may only complete once its reader has reached the end of the file. Spring Batch
 * 6.0's chunk-oriented step leaves its loop when the thread is interrupted (a shutdown) and then
 * reports the step COMPLETED; the apply would then treat a partly staged file as the whole
 * snapshot. This turns such a step into a FAILED one, which a restart resumes from its last chunk.
 */
final class ReadToTheEnd implements StepExecutionListener {

  private final String key;

  ReadToTheEnd(String readerName) {
    ItemStreamSupport named = new ItemStreamSupport() {};
    named.setName(readerName);
    this.key = named.getExecutionContextKey(ExtractRowsReader.EXHAUSTED);
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    if (stepExecution.getStatus() == BatchStatus.COMPLETED
        && !Boolean.TRUE.equals(stepExecution.getExecutionContext().get(key))) {
      stepExecution.setStatus(BatchStatus.FAILED);
      stepExecution.addFailureException(
          new IllegalStateException("the step stopped before the end of its file"));
      return ExitStatus.FAILED;
    }
    return stepExecution.getExitStatus();
  }
}
