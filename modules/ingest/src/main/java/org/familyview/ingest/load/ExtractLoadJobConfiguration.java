package org.familyview.ingest.load;

import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.familyview.extracts.EventRecord;
import org.familyview.extracts.Partners;
import org.familyview.extracts.PersonRecord;
import org.familyview.extracts.RowOutcome;
import org.familyview.extracts.SourceRecord;
import org.familyview.ingest.IngestProperties;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractFolders;
import org.familyview.ingest.extract.Extracts;
import org.familyview.ingest.guard.GuardProperties;
import org.familyview.ingest.guard.SnapshotGuard;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code extractLoad} job, one execution per extract (job parameter {@code extractId}):
 *
 * <ol>
 *   <li>{@code inspectFiles}: the contract's reader inspects both files whole; a structurally
 *       broken one fails the job before anything is staged;
 *   <li>{@code stagePersons}, {@code stageEvents}: chunk-oriented; accepted rows are copied to the
 *       staging tables with their warnings, rejected rows skipped into the rejects table; each
 *       chunk commits with the reader's position, so a killed load resumes exactly where it was;
 *   <li>{@code applySnapshot}: one transaction asks the snapshot guard, then either holds the
 *       extract ({@code HELD}, nothing applied, its staged rows kept for a confirmation) or applies
 *       the snapshot and completes the extract;
 *   <li>{@code clearStaging}: removes the staged rows, unless the extract is held.
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class ExtractLoadJobConfiguration {

  static final String JOB_NAME = "extractLoad";

  @Bean
  Job extractLoadJob(
      JobRepository jobRepository,
      Extracts extracts,
      LoadShutdown shutdown,
      Step inspectFiles,
      Step stagePersons,
      Step stageEvents,
      Step applySnapshot,
      Step clearStaging) {
    return new JobBuilder(JOB_NAME, jobRepository)
        .listener(new ExtractLoadListener(extracts, shutdown, Clock.systemUTC()))
        .start(inspectFiles)
        .next(stagePersons)
        .next(stageEvents)
        .next(applySnapshot)
        .next(clearStaging)
        .build();
  }

  @Bean
  Step inspectFiles(
      JobRepository jobRepository,
      PlatformTransactionManager transactions,
      Extracts extracts,
      ExtractFolders folders,
      Partners partners) {
    return new StepBuilder("inspectFiles", jobRepository)
        .tasklet(new InspectFiles(extracts, folders, partners.vocabulary()), transactions)
        .build();
  }

  @Bean
  Step stagePersons(
      JobRepository jobRepository,
      PlatformTransactionManager transactions,
      IngestProperties properties,
      ItemStreamReader<RowOutcome<PersonRecord>> personRows,
      ItemWriter<RowOutcome.Accepted<PersonRecord>> personStage,
      SkipListener<Object, Object> quarantine) {
    return stage(
        new StepBuilder("stagePersons", jobRepository),
        transactions,
        properties,
        personRows,
        "personRows",
        personStage,
        quarantine);
  }

  @Bean
  Step stageEvents(
      JobRepository jobRepository,
      PlatformTransactionManager transactions,
      IngestProperties properties,
      ItemStreamReader<RowOutcome<EventRecord>> eventRows,
      ItemWriter<RowOutcome.Accepted<EventRecord>> eventStage,
      SkipListener<Object, Object> quarantine) {
    return stage(
        new StepBuilder("stageEvents", jobRepository),
        transactions,
        properties,
        eventRows,
        "eventRows",
        eventStage,
        quarantine);
  }

  /**
   * A staging step, the same for both files: rows are read to the end, rejected rows are skipped
   * into quarantine and the accepted ones written to the stage in chunks.
   */
  private static <R extends SourceRecord> Step stage(
      StepBuilder step,
      PlatformTransactionManager transactions,
      IngestProperties properties,
      ItemStreamReader<RowOutcome<R>> rows,
      String rowsName,
      ItemWriter<RowOutcome.Accepted<R>> stage,
      SkipListener<Object, Object> quarantine) {
    return step.<RowOutcome<R>, RowOutcome.Accepted<R>>chunk(properties.chunkSize())
        .transactionManager(transactions)
        .reader(rows)
        .processor(new QuarantineProcessor<>())
        .writer(stage)
        .listener(new ReadToTheEnd(rowsName))
        .faultTolerant()
        .skipPolicy(new RejectedRowsOnly())
        .skipListener(quarantine)
        .build();
  }

  @Bean
  Step applySnapshot(
      JobRepository jobRepository,
      PlatformTransactionManager transactions,
      JdbcClient jdbc,
      Extracts extracts,
      GuardProperties guard) {
    Clock clock = Clock.systemUTC();
    return new StepBuilder("applySnapshot", jobRepository)
        .tasklet(
            new ApplySnapshot(new Snapshot(jdbc, clock), new SnapshotGuard(guard), extracts, clock),
            transactions)
        .build();
  }

  @Bean
  Step clearStaging(
      JobRepository jobRepository, PlatformTransactionManager transactions, JdbcClient jdbc) {
    return new StepBuilder("clearStaging", jobRepository)
        .tasklet(new ClearStaging(jdbc), transactions)
        .build();
  }

  @Bean
  @StepScope
  ItemStreamReader<RowOutcome<PersonRecord>> personRows(
      @Value("#{jobParameters['extractId']}") String extractId,
      Extracts extracts,
      ExtractFolders folders,
      Partners partners) {
    Extract extract = extracts.find(UUID.fromString(extractId)).orElseThrow();
    ExtractFilesOpener files = new ExtractFilesOpener(extract, folders, partners.vocabulary());
    return ExtractRowsReader.<PersonRecord>builder()
        .name("personRows")
        .opener(files::persons)
        .build();
  }

  @Bean
  @StepScope
  ItemStreamReader<RowOutcome<EventRecord>> eventRows(
      @Value("#{jobParameters['extractId']}") String extractId,
      Extracts extracts,
      ExtractFolders folders,
      Partners partners,
      JdbcTemplate jdbc) {
    Extract extract = extracts.find(UUID.fromString(extractId)).orElseThrow();
    ExtractFilesOpener files = new ExtractFilesOpener(extract, folders, partners.vocabulary());
    // Loaded when the step opens the reader, i.e. after every person of this extract is staged.
    return ExtractRowsReader.<EventRecord>builder()
        .name("eventRows")
        .opener(
            () ->
                extract.hasEvents()
                    ? files.events(KnownRecordIds.of(jdbc, extract.agency(), extract.id()))
                    : null)
        .build();
  }

  @Bean
  @StepScope
  ItemWriter<RowOutcome.Accepted<PersonRecord>> personStage(
      @Value("#{jobParameters['extractId']}") String extractId, DataSource dataSource) {
    return StageWriter.persons(dataSource, UUID.fromString(extractId));
  }

  @Bean
  @StepScope
  ItemWriter<RowOutcome.Accepted<EventRecord>> eventStage(
      @Value("#{jobParameters['extractId']}") String extractId, DataSource dataSource) {
    return StageWriter.events(dataSource, UUID.fromString(extractId));
  }

  @Bean
  @StepScope
  SkipListener<Object, Object> quarantine(
      @Value("#{jobParameters['extractId']}") String extractId, Extracts extracts) {
    return new QuarantineListener(extracts, UUID.fromString(extractId));
  }
}
