package org.familyview.ingest.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.extracts.ExtractFile;
import org.familyview.extracts.Partner;
import org.familyview.extracts.PartnerId;
import org.familyview.extracts.Partners;
import org.familyview.ingest.IngestProperties;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.ExtractSource;
import org.familyview.ingest.load.ExtractIntake;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls every agency's drop folder on {@code familyview.ingest.inbox.poll-interval}. A delivery is
 * taken when {@code persons.csv} is there and neither file has changed since the previous poll nor
 * within {@code settle-time}: SFTP servers write files in place, so a file still growing must not
 * be loaded.
 */
@Component
public class InboxPoller {

  private static final Logger log = LoggerFactory.getLogger(InboxPoller.class);
  static final String RECEIVED_FROM = "inbox";

  private final IngestProperties properties;
  private final ExtractIntake intake;
  private final AuditTrail audit;
  private final Clock clock;
  private final Map<PartnerId, Seen> lastSeen = new LinkedHashMap<>();

  private final Partners partners;

  InboxPoller(
      IngestProperties properties, ExtractIntake intake, AuditTrail audit, Partners partners) {
    this.properties = properties;
    this.partners = partners;
    this.intake = intake;
    this.audit = audit;
    this.clock = Clock.systemUTC();
  }

  private record Seen(DropFolder.Snapshot persons, DropFolder.@Nullable Snapshot events) {}

  @Scheduled(
      fixedDelayString = "${familyview.ingest.inbox.poll-interval:1m}",
      initialDelayString = "${familyview.ingest.inbox.poll-interval:1m}")
  void scheduledPoll() {
    if (properties.inbox().enabled()) {
      poll();
    }
  }

  /** One look at every folder; returns the extracts taken. */
  public synchronized java.util.List<Extract> poll() {
    java.util.List<Extract> taken = new java.util.ArrayList<>();
    for (PartnerId agency : partners.delivering(Partner.Feed.DROP_FOLDER)) {
      DropFolder folder = new DropFolder(properties.inboxDir(), agency);
      try {
        Files.createDirectories(folder.folder());
        take(folder).ifPresent(taken::add);
      } catch (IOException e) {
        log.warn(
            "Drop folder of {} could not be read: {}", agency.code(), e.getClass().getSimpleName());
      }
    }
    return taken;
  }

  private Optional<Extract> take(DropFolder folder) throws IOException {
    Optional<Path> persons = folder.file(ExtractFile.PERSONS);
    if (persons.isEmpty()) {
      lastSeen.remove(folder.agency());
      return Optional.empty();
    }
    Path events = folder.file(ExtractFile.EVENTS).orElse(null);
    DropFolder.Snapshot personsNow = DropFolder.look(persons.get());
    if (personsNow == null) {
      return Optional.empty();
    }
    Seen now = new Seen(personsNow, DropFolder.look(events));
    Seen before = lastSeen.put(folder.agency(), now);
    Instant at = clock.instant();
    boolean settled =
        Objects.equals(before, now)
            && DropFolder.settled(now.persons(), at, properties.inbox().settleTime())
            && (now.events() == null
                || DropFolder.settled(now.events(), at, properties.inbox().settleTime()));
    if (!settled) {
      return Optional.empty();
    }
    Path personsFile = persons.get();
    Extract extract =
        intake.receive(
            folder.agency(),
            ExtractSource.INBOX,
            RECEIVED_FROM,
            () -> Files.newInputStream(personsFile),
            events == null ? null : () -> Files.newInputStream(events));
    folder.moveAside(personsFile, extract.id().toString());
    if (events != null) {
      folder.moveAside(events, extract.id().toString());
    }
    lastSeen.remove(folder.agency());
    // A delivery by SFTP has no signed-in user: the drop folder is the actor.
    audit.record(
        AuditEvent.of(RECEIVED_FROM, java.util.Set.of(), AuditAction.UPLOAD)
            .on("extract", extract.id().toString())
            .withDetail("agency=" + folder.agency().code())
            .from("drop folder"));
    log.info("Took extract {} from the {} drop folder", extract.id(), folder.agency().code());
    return Optional.of(extract);
  }
}
