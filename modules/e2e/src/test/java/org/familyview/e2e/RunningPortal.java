package org.familyview.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application, started as {@code ./familyview up} starts it, on the e2e port (8081
 * unless {@code FV_E2E_PORT} says otherwise; the realm accepts redirects to it), with the FV_*
 * environment of the running services.
 */
public final class RunningPortal implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private RunningPortal(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static RunningPortal start(Map<String, String> extraEnv) throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("FV_E2E_PORT", "8081"));
    Path jar = Path.of("..", "app", "target", "familyview-app.jar").toAbsolutePath().normalize();
    if (!Files.exists(jar)) {
      throw new IllegalStateException("Build the application first: " + jar + " is missing");
    }
    Path log = Path.of("target", "e2e-portal-" + port + ".log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java");
    ProcessBuilder builder =
        new ProcessBuilder(List.of(java, "-Xmx768m", "-jar", jar.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("FV_PORTAL_PORT", Integer.toString(port));
    builder.environment().putAll(extraEnv);
    RunningPortal portal = new RunningPortal(builder.start(), port, log);
    portal.awaitHealthy(Duration.ofSeconds(120));
    return portal;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public Path log() {
    return log;
  }

  public long pid() {
    return process.pid();
  }

  private void awaitHealthy(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The portal exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException(
        "The portal was not healthy within " + timeout + "; see " + log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  static File chromium() {
    return new File(System.getenv().getOrDefault("FV_CHROMIUM", "/usr/bin/chromium"));
  }
}
