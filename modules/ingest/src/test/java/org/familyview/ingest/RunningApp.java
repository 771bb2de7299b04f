package org.familyview.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The real application jar ({@code modules/app/target/familyview-app.jar}) as a child process with
 * the FV_* environment, in the ingest tests' own schema, so that it can be killed with SIGKILL.
 */
final class RunningApp implements AutoCloseable {

  static final Path JAR = Path.of("../app/target/familyview-app.jar");

  private final Process process;
  final int port;

  private RunningApp(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static RunningApp start(Path varDir, Path log) throws IOException, InterruptedException {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(
          JAR.toAbsolutePath() + " is missing: build it with ./mvnw -pl modules/app -am install");
    }
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // A private copy: other builds may rewrite the jar while this process still loads classes.
    Path jar = varDir.resolveSibling("familyview-app.jar");
    if (!Files.exists(jar)) {
      Files.createDirectories(varDir.getParent());
      Files.copy(JAR, jar);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.add("--spring.datasource.hikari.schema=ingest_it");
    command.add("--spring.flyway.schemas=ingest_it");
    command.add("--spring.flyway.default-schema=ingest_it");
    command.add("--familyview.ingest.inbox.enabled=false");
    command.add("--familyview.ingest.chunk-size=1000");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("FV_PORTAL_PORT", Integer.toString(port));
    builder.environment().put("FV_VAR_DIR", varDir.toAbsolutePath().toString());
    builder.environment().put("FV_LOG_FILE", "");
    // The demo world is for ./familyview up, not for a test schema.
    builder.environment().remove("FAMILYVIEW_DEMO_DIR");
    RunningApp app = new RunningApp(builder.start(), port);
    app.awaitUp(Duration.ofSeconds(120));
    return app;
  }

  private void awaitUp(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application exited with " + process.exitValue());
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() > 0) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the application did not start within " + timeout);
  }

  /** SIGKILL: no shutdown hooks, no chance to tidy up, as a crash or an OOM killer would. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        killHard();
      }
    }
  }
}
