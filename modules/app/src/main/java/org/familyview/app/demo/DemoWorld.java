package org.familyview.app.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.extracts.Agency;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractSource;
import org.familyview.ingest.extract.Extracts;
import org.familyview.ingest.load.ExtractIntake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Loads {@code FAMILYVIEW_DEMO_DIR/{agency}/persons.csv} and {@code events.csv} (as written by
 * {@code ./familyview generate}) for every agency that has never delivered, through the real intake
 * and batch load, so the demo shows exactly what a partner's first delivery would. A database that
 * already holds extracts is left alone: restarting never reloads the demo.
 */
@Component
@ConditionalOnExpression("'${FAMILYVIEW_DEMO_DIR:}' != ''")
class DemoWorld implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoWorld.class);

  private final Path folder;
  private final Extracts extracts;
  private final ExtractIntake intake;
  private final AuditTrail audit;

  DemoWorld(
      @Value("${FAMILYVIEW_DEMO_DIR}") Path folder,
      Extracts extracts,
      ExtractIntake intake,
      AuditTrail audit) {
    this.folder = folder;
    this.extracts = extracts;
    this.intake = intake;
    this.audit = audit;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    for (Agency agency : Agency.values()) {
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
    }
  }
}
