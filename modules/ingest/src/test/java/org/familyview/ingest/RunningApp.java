package org.familyview.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.familyview.testsupport.RunningApplication;

/**
 * The real application jar as a child process in the ingest tests' own schema, so that it can be
 * killed with SIGKILL or stopped with SIGTERM: test-support's {@link RunningApplication} with the
 * ingest settings (a free port, a private copy of the jar beside {@code varDir}, no inbox, small
 * chunks, no demo world).
 */
final class RunningApp {

  private RunningApp() {}

  static RunningApplication start(Path varDir, Path log) throws IOException, InterruptedException {
    return RunningApplication.builder()
        .privateJarCopyIn(varDir.toAbsolutePath().getParent())
        .heap("1g")
        .argument("--spring.datasource.hikari.schema=ingest_it")
        .argument("--spring.flyway.schemas=ingest_it")
        .argument("--spring.flyway.default-schema=ingest_it")
        .argument("--familyview.ingest.inbox.enabled=false")
        .argument("--familyview.ingest.chunk-size=1000")
        .environment("FV_VAR_DIR", varDir.toAbsolutePath().toString())
        .environment("FV_LOG_FILE", "")
        // The demo world is for ./familyview up, not for a test schema.
        .withoutEnvironment("FAMILYVIEW_DEMO_DIR")
        .log(log, true)
        .timeout(java.time.Duration.ofMinutes(5))
        .start();
  }
}
