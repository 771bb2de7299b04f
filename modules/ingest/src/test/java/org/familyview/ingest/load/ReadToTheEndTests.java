package org.familyview.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** A stage step that reports COMPLETED without having read to the end of its file has failed. */
class ReadToTheEndTests {

  @Test
  void aStepThatStoppedMidFileIsFailedSoThatARestartResumesIt() {
    StepExecution step = completedStep();
    ExecutionContext context = step.getExecutionContext();
    context.put("eventRows.exhausted", false);

    ExitStatus exit = new ReadToTheEnd("eventRows").afterStep(step);

    assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(exit.getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
  }

  @Test
  void aStepWhoseReaderReachedTheEndStaysCompleted() throws Exception {
    ExtractRowsReader<?> reader =
        ExtractRowsReader.builder().name("eventRows").opener(() -> null).build();
    StepExecution step = completedStep();
    reader.open(step.getExecutionContext());
    reader.read();
    reader.update(step.getExecutionContext());

    new ReadToTheEnd("eventRows").afterStep(step);

    assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
  }

  private static StepExecution completedStep() {
    JobExecution job =
        new JobExecution(1L, new JobInstance(1L, "extractLoad"), new JobParameters());
    StepExecution step = new StepExecution(1L, "stageEvents", job);
    step.setStatus(BatchStatus.COMPLETED);
    return step;
  }
}
