package org.familyview.e2e;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.familyview.testsupport.RunningApplication;

/**
 * The packaged application, started as {@code ./familyview up} starts it, on the e2e port (8081
 * unless {@code FV_E2E_PORT} says otherwise; the realm accepts redirects to it), with the FV_*
 * environment of the running services. The process is test-support's {@link RunningApplication},
 * shared with the ingest module's restart tests; this class only holds the e2e settings.
 */
public final class RunningPortal implements AutoCloseable {

  private final RunningApplication application;

  private RunningPortal(RunningApplication application) {
    this.application = application;
  }

  public static RunningPortal start(Map<String, String> extraEnv) throws Exception {
    return start(extraEnv, java.util.List.of());
  }

  /** With extra command-line settings, e.g. a database schema and index prefix of its own. */
  public static RunningPortal start(Map<String, String> extraEnv, java.util.List<String> arguments)
      throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("FV_E2E_PORT", "8081"));
    RunningApplication.Builder builder =
        RunningApplication.builder()
            .port(port)
            .heap("768m")
            .environment(extraEnv)
            .log(Path.of("target", "e2e-portal-" + port + ".log"), false)
            .awaitHealthy();
    arguments.forEach(builder::argument);
    return new RunningPortal(builder.start());
  }

  public String baseUrl() {
    return application.baseUrl();
  }

  public Path log() {
    return application.log();
  }

  public long pid() {
    return application.pid();
  }

  @Override
  public void close() throws InterruptedException {
    application.close();
  }

  static File chromium() {
    return new File(System.getenv().getOrDefault("FV_CHROMIUM", "/usr/bin/chromium"));
  }
}
