package org.familyview.audit.anchor;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.familyview.audit.trail.AuditChainProperties;
import org.familyview.audit.trail.ChainKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Anchors the chain's head in the anchor file when the application starts, every {@code
 * anchor-interval} (at most a day) while it runs, and when it shuts down. An own scheduler thread
 * rather than {@code @Scheduled}, so that the anchor does not depend on which modules enable
 * scheduling. Stops before the connection pool closes (a lifecycle bean), so the shutdown anchor
 * still reads the database. A kill -9 skips the shutdown anchor: the last periodic one stands.
 */
@Component
public class ChainAnchoring implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChainAnchoring.class);

  private final JdbcClient jdbc;
  private final AnchorLog anchors;
  private final Duration interval;
  private final Clock clock = Clock.systemUTC();
  private ScheduledExecutorService scheduler;

  ChainAnchoring(JdbcClient jdbc, ChainKey key, AuditChainProperties properties) {
    this.jdbc = jdbc;
    this.anchors = new AnchorLog(properties.anchorFile(), key);
    this.interval = properties.anchorInterval();
  }

  /** Appends the current head to the anchor file; false when it could not. */
  public boolean anchorNow(String reason) {
    try {
      var head = ChainHead.read(jdbc, clock.instant(), reason);
      if (head.isPresent()) {
        anchors.append(head.get());
      }
      return true;
    } catch (IOException | RuntimeException e) {
      // The trail itself is intact; only its outside witness is late. Say so loudly.
      log.error(
          "Could not anchor the audit chain's head ({}) in {}: {}",
          reason,
          anchors.file(),
          e.toString());
      return false;
    }
  }

  @Override
  public synchronized void start() {
    anchorNow("start");
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("audit-anchor").daemon().unstarted(r));
    long every = interval.toMillis();
    scheduler.scheduleAtFixedRate(
        () -> anchorNow("scheduled"), every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
      anchorNow("shutdown");
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
