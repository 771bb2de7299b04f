package org.familyview.pipeline.run;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.familyview.pipeline.PipelineStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Runs one stage for the job's run id, in the step's transaction: a stage that fails leaves nothing
 * of its database work behind, so that a restart runs it again from the start. A stage whose bean
 * is not in this application (yet) is reported SKIPPED rather than pretended.
 */
final class StageTasklet implements Tasklet {

  static final String SKIPPED = "SKIPPED";
  private static final Logger log = LoggerFactory.getLogger(StageTasklet.class);

  private final String name;
  private final Function<String, Optional<PipelineStage>> stages;

  StageTasklet(String name, Function<String, Optional<PipelineStage>> stages) {
    this.name = name;
    this.stages = stages;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext context) {
    Optional<PipelineStage> stage = stages.apply(name);
    UUID runId =
        UUID.fromString(
            String.valueOf(context.getStepContext().getJobParameters().get(PipelineJob.RUN_ID)));
    if (stage.isEmpty()) {
      log.info("Pipeline run {}: no {} stage in this application, skipped", runId, name);
      contribution.setExitStatus(
          new ExitStatus(SKIPPED, "no " + name + " stage in this application"));
      return RepeatStatus.FINISHED;
    }
    long start = System.nanoTime();
    StepResources resources = StepResources.start();
    PipelineStage.Counts counts = stage.get().run(runId);
    contribution.getStepExecution().setReadCount(counts.read());
    contribution.incrementWriteCount(counts.written());
    // One line per step in this exact shape: ./familyview bench nightly reads it.
    log.info(
        "Pipeline run {}: {} read {} wrote {} in {} ms, cpu {} ms, peak heap {} MB",
        runId,
        name,
        counts.read(),
        counts.written(),
        (System.nanoTime() - start) / 1_000_000,
        resources.cpuMillis(),
        resources.peakHeapMegabytes());
    return RepeatStatus.FINISHED;
  }
}
