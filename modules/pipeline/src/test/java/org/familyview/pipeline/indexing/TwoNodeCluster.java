package org.familyview.pipeline.indexing;

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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A two-node Elasticsearch cluster of its own, started from the distribution that {@code
 * ./familyview} unpacked into var/ (FV_VAR_DIR), each node a real server process with its own
 * config, data and ports, security off and bound to 127.0.0.1 only. The first node forms the
 * cluster, the second joins it through the first's transport port. {@link #close()} stops both
 * nodes (SIGTERM, then SIGKILL after 30 s) and removes their folders, so a test leaves nothing
 * running.
 */
final class TwoNodeCluster implements AutoCloseable {

  static final String NAME = "familyview-two-node-it";
  private static final Duration START = Duration.ofSeconds(240);
  private static final String SERVICE_USER = "familyview";

  private final Path home;
  private final Path dir;
  private final List<Integer> httpPorts = new ArrayList<>();
  private final List<Path> pidFiles = new ArrayList<>();

  private TwoNodeCluster(Path home, Path dir) {
    this.home = home;
    this.dir = dir;
  }

  /** The distribution ./familyview installed, if this machine has one. */
  static Optional<Path> distribution() {
    String var = System.getenv("FV_VAR_DIR");
    if (var == null) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(Path.of(var))) {
      return homes
          .filter(p -> p.getFileName().toString().startsWith("elasticsearch-"))
          .filter(p -> Files.isExecutable(p.resolve("bin/elasticsearch")))
          .max(Comparator.naturalOrder());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static TwoNodeCluster start(Path home) throws Exception {
    Path dir = Files.createDirectories(home.getParent().resolve("two-node-it"));
    TwoNodeCluster cluster = new TwoNodeCluster(home, dir);
    try {
      int firstTransport = freePort();
      cluster.startNode("node-a", firstTransport, firstTransport);
      cluster.startNode("node-b", freePort(), firstTransport);
      cluster.awaitNodes(2);
      return cluster;
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
  }

  /** The HTTP addresses of both nodes, as spring.elasticsearch.uris takes them. */
  String uris() {
    return httpPorts.stream()
        .map(p -> "http://127.0.0.1:" + p)
        .reduce((a, b) -> a + "," + b)
        .orElseThrow();
  }

  String firstNode() {
    return "http://127.0.0.1:" + httpPorts.getFirst();
  }

  /** GET on the first node, the body as text. */
  String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(firstNode() + path))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  private void startNode(String name, int transport, int seedTransport) throws Exception {
    int http = freePort();
    Path node = dir.resolve(name);
    Path config = Files.createDirectories(node.resolve("config"));
    for (String file : List.of("jvm.options", "log4j2.properties")) {
      Files.copy(home.resolve("config").resolve(file), config.resolve(file));
    }
    Files.createDirectories(config.resolve("jvm.options.d"));
    Files.writeString(
        config.resolve("elasticsearch.yml"),
        String.join(
            "\n",
            "cluster.name: " + NAME,
            "node.name: " + name,
            "network.host: 127.0.0.1",
            "http.port: " + http,
            "transport.port: " + transport,
            "path.data: " + node.resolve("data"),
            "path.logs: " + node.resolve("logs"),
            "discovery.seed_hosts: [\"127.0.0.1:" + seedTransport + "\"]",
            "cluster.initial_master_nodes: [\"node-a\"]",
            "xpack.security.enabled: false",
            "cluster.routing.allocation.disk.threshold_enabled: false",
            "action.destructive_requires_name: false",
            ""));
    Path pid = node.resolve("es.pid");
    Files.createDirectories(node.resolve("tmp"));
    chownToServiceUser(dir);
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
    }
    command.addAll(
        List.of(
            "env",
            "-u",
            "JAVA_HOME",
            "ES_JAVA_HOME=" + System.getProperty("java.home"),
            "ES_PATH_CONF=" + config,
            "ES_TMPDIR=" + node.resolve("tmp"),
            "ES_JAVA_OPTS=-Xms256m -Xmx256m",
            home.resolve("bin/elasticsearch").toString(),
            "-d",
            "-p",
            pid.toString()));
    pidFiles.add(pid);
    httpPorts.add(http);
    // -d: the command returns once the node has started (or failed to).
    Process launcher =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(node.resolve("start.log").toFile())
            .start();
    if (!launcher.waitFor(START.toSeconds(), TimeUnit.SECONDS) || launcher.exitValue() != 0) {
      launcher.destroyForcibly();
      throw new IllegalStateException(
          name + " did not start: " + Files.readString(node.resolve("start.log")));
    }
  }

  private void awaitNodes(int count) throws Exception {
    Instant deadline = Instant.now().plus(START);
    String health = "";
    while (Instant.now().isBefore(deadline)) {
      try {
        health = get("/_cluster/health?wait_for_nodes=" + count + "&timeout=5s");
        if (health.contains("\"number_of_nodes\":" + count)) {
          return;
        }
      } catch (IOException e) {
        health = e.toString();
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the cluster did not reach " + count + " nodes: " + health);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (Path file : pidFiles) {
      if (Files.exists(file)) {
        long pid = Long.parseLong(Files.readString(file).trim());
        Optional<ProcessHandle> node = ProcessHandle.of(pid);
        if (node.isPresent()) {
          node.get().destroy();
          try {
            node.get().onExit().get(30, TimeUnit.SECONDS);
          } catch (java.util.concurrent.TimeoutException
              | java.util.concurrent.ExecutionException e) {
            node.get().destroyForcibly();
          }
        }
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void chownToServiceUser(Path path) throws Exception {
    if (isRoot()) {
      Process chown = new ProcessBuilder("chown", "-R", SERVICE_USER, path.toString()).start();
      if (chown.waitFor() != 0) {
        throw new IllegalStateException("chown of " + path + " failed");
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
