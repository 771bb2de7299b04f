package org.familyview.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The packaged application ({@code modules/app/target/familyview-app.jar}) as a child process with
 * the FV_* environment of the services {@code ./familyview test} started, so that a test can use it
 * as a user would, stop it gracefully (SIGTERM) or kill it (SIGKILL). One implementation for every
 * module whose integration tests need the real application.
 */
public final class RunningApplication implements AutoCloseable {

  /** The application jar as seen from a module folder, where Maven runs a module's tests. */
  public static final Path JAR = Path.of("..", "app", "target", "familyview-app.jar");

  private final Process process;
  private final int port;
  private final Path log;

  private RunningApplication(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int port() {
    return port;
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

  /** SIGKILL: no shutdown hooks, no chance to tidy up, as a crash or an OOM killer would. */
  public void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM, as a service manager stops it; SIGKILL if it has not stopped within 30 s. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        killHard();
      }
    }
  }

  private void awaitUp(Duration timeout, boolean healthy) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the application exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (healthy ? response.statusCode() == 200 : response.statusCode() > 0) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    close();
    throw new IllegalStateException(
        "the application was not " + (healthy ? "healthy" : "up") + " within " + timeout);
  }

  /** How to start it; every setting has the default the launcher's {@code up} would use. */
  public static final class Builder {

    private int port;
    private @Nullable Path jarCopyFolder;
    private String heap = "1g";
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Set<String> unset = new LinkedHashSet<>();
    private @Nullable Path log;
    private boolean append;
    private boolean healthy;
    private Duration timeout = Duration.ofSeconds(120);

    private Builder() {}

    /** A fixed port (0, the default: a free one). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Runs a private copy of the jar kept in this folder: other builds may rewrite the jar while
     * the process still loads classes from it, e.g. between a kill and a restart.
     */
    public Builder privateJarCopyIn(Path folder) {
      this.jarCopyFolder = folder;
      return this;
    }

    public Builder heap(String heap) {
      this.heap = heap;
      return this;
    }

    public Builder argument(String argument) {
      arguments.add(argument);
      return this;
    }

    public Builder environment(String name, String value) {
      environment.put(name, value);
      unset.remove(name);
      return this;
    }

    public Builder environment(Map<String, String> values) {
      values.forEach(this::environment);
      return this;
    }

    public Builder withoutEnvironment(String name) {
      environment.remove(name);
      unset.add(name);
      return this;
    }

    /** Where its output goes, appended to what is there or replacing it. */
    public Builder log(Path log, boolean append) {
      this.log = log;
      this.append = append;
      return this;
    }

    /** Waits for {@code /actuator/health} to answer 200, not only to answer. */
    public Builder awaitHealthy() {
      this.healthy = true;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public RunningApplication start() throws IOException, InterruptedException {
      Path jar = JAR.toAbsolutePath().normalize();
      if (!Files.exists(jar)) {
        throw new IllegalStateException(
            jar + " is missing: build it with ./mvnw -pl modules/app -am install");
      }
      if (jarCopyFolder != null) {
        Path copy = jarCopyFolder.resolve("familyview-app.jar");
        if (!Files.exists(copy)) {
          Files.createDirectories(jarCopyFolder);
          Files.copy(jar, copy);
        }
        jar = copy.toAbsolutePath();
      }
      int chosen = port == 0 ? freePort() : port;
      Path output =
          log != null
              ? log.toAbsolutePath()
              : Path.of("target", "application-" + chosen + ".log").toAbsolutePath();
      Files.createDirectories(output.getParent());
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx" + heap);
      command.add("-jar");
      command.add(jar.toString());
      command.addAll(arguments);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(
          append
              ? ProcessBuilder.Redirect.appendTo(output.toFile())
              : ProcessBuilder.Redirect.to(output.toFile()));
      builder.environment().put("FV_PORTAL_PORT", Integer.toString(chosen));
      unset.forEach(builder.environment()::remove);
      builder.environment().putAll(environment);
      RunningApplication application = new RunningApplication(builder.start(), chosen, output);
      application.awaitUp(timeout, healthy);
      return application;
    }

    private static int freePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      }
    }
  }
}
