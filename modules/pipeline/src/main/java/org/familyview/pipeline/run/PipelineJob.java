package org.familyview.pipeline.run;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.familyview.pipeline.PipelineStage;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code nightlyPipeline} job: one tasklet step per name in {@link PipelineStage#ORDER}, each
 * running the stage bean of that name. One job instance per run (identifying parameter {@code
 * runId}), so starting a FAILED run again is Spring Batch's restart: completed steps are not run
 * again and the job resumes at the step that failed.
 */
@Configuration(proxyBeanMethods = false)
class PipelineJob {

  static final String JOB_NAME = "nightlyPipeline";
  static final String RUN_ID = "runId";

  @Bean
  Job nightlyPipeline(
      JobRepository jobRepository,
      PlatformTransactionManager transactions,
      ObjectProvider<PipelineStage> stages) {
    SimpleJobBuilder job = null;
    for (String name : PipelineStage.ORDER) {
      Step step =
          new StepBuilder(name, jobRepository)
              .tasklet(new StageTasklet(name, n -> find(stages, n)), transactions)
              .build();
      job = job == null ? new JobBuilder(JOB_NAME, jobRepository).start(step) : job.next(step);
    }
    return java.util.Objects.requireNonNull(job).build();
  }

  /** Looked up at each step, not at start-up, so that every stage bean is there by then. */
  static Optional<PipelineStage> find(ObjectProvider<PipelineStage> stages, String name) {
    List<PipelineStage> named = stages.orderedStream().filter(s -> s.name().equals(name)).toList();
    if (named.size() > 1) {
      throw new IllegalStateException(named.size() + " pipeline stages are called " + name);
    }
    return named.stream().findFirst();
  }

  /** Every stage must have one of the job's names, and each name one stage: checked at start. */
  @Bean
  StageNames pipelineStageNames(ObjectProvider<PipelineStage> stages) {
    Set<String> seen = new HashSet<>();
    stages
        .orderedStream()
        .forEach(
            s -> {
              if (!PipelineStage.ORDER.contains(s.name())) {
                throw new IllegalStateException(
                    "pipeline stage "
                        + s.getClass().getName()
                        + " is called "
                        + s.name()
                        + "; the job knows only "
                        + PipelineStage.ORDER);
              }
              if (!seen.add(s.name())) {
                throw new IllegalStateException("two pipeline stages are called " + s.name());
              }
            });
    return new StageNames(Set.copyOf(seen));
  }

  /** The stages present in this application. */
  record StageNames(Set<String> present) {}
}
