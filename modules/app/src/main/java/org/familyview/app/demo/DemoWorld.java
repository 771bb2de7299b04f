package org.familyview.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.Partners;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractSource;
import org.familyview.ingest.extract.Extracts;
import org.familyview.ingest.load.ExtractIntake;
import org.familyview.pipeline.run.PipelineRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Loads {@code FAMILYVIEW_DEMO_DIR/{partner}/persons.csv} and {@code events.csv} (as written by
 * {@code ./familyview generate --partners by-authority}) for every configured partner
 * (config/partners) that has never delivered, each as itself, through the real intake and batch
 * load, so the demo shows exactly what a partner's first delivery would: the seven partners of the
 * two-authority demo, or version 1's four from a world generated without the split. A database that
 * already holds extracts is left alone: restarting never reloads the demo.
 *
 * <p>Once every extract has loaded, one pipeline run links the people, groups families and builds
 * the search index, so that the portal shows people at once rather than after the first night (also
 * for a database loaded before the pipeline existed: a world that never had a run gets one).
 */
@Component
@ConditionalOnExpression("'${FAMILYVIEW_DEMO_DIR:}' != ''")
class DemoWorld implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoWorld.class);

  private final Path folder;
  private final Extracts extracts;
  private final Partners partners;
  private final ExtractIntake intake;
  private final AuditTrail audit;
  private final PipelineRuns pipeline;

  DemoWorld(
      @Value("${FAMILYVIEW_DEMO_DIR}") Path folder,
      Extracts extracts,
      Partners partners,
      ExtractIntake intake,
      AuditTrail audit,
      PipelineRuns pipeline) {
    this.folder = folder;
    this.extracts = extracts;
    this.partners = partners;
    this.intake = intake;
    this.audit = audit;
    this.pipeline = pipeline;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    boolean queued = false;
    for (PartnerId agency : partners.ids()) {
      Path persons = folder.resolve(agency.code()).resolve("persons.csv");
      Path events = folder.resolve(agency.code()).resolve("events.csv");
      if (!Files.isRegularFile(persons) || !extracts.recent(agency, 1).isEmpty()) {
        continue;
      }
      Extract extract =
          intake.receive(
              agency,
              ExtractSource.INBOX,
              "demo-world",
              () -> Files.newInputStream(persons),
              Files.isRegularFile(events) ? () -> Files.newInputStream(events) : null);
      // Every upload is audited, the demo's too.
      audit.record(
          AuditEvent.of("demo-world", Set.of(), AuditAction.UPLOAD)
              .on("extract", extract.id().toString())
              .withDetail("agency=" + agency.code()));
      log.info("Demo world: queued the first {} extract", agency.code());
      queued = true;
    }
    if (queued || !pipeline.anyRequested()) {
      Thread.ofPlatform()
          .daemon()
          .name("demo-world-pipeline")
          .start(this::runThePipelineOnceLoaded);
    }
  }

  private void runThePipelineOnceLoaded() {
    try {
      while (!extracts.unfinished().isEmpty()) {
        Thread.sleep(2_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    UUID runId = pipeline.request("demo-world", false);
    audit.record(
        AuditEvent.of("demo-world", Set.of(), AuditAction.PIPELINE_RUN)
            .on("pipeline-run", runId.toString())
            .withDetail("start"));
    log.info("Demo world: extracts loaded; pipeline run {} queued", runId);
  }
}
