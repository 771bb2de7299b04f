package org.familyview.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.familyview.testsupport.BearerRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finding 5: with PostgreSQL out of reach, requests fail within five seconds with a 503 problem
 * detail, health says DOWN, and once the database answers again the same application serves
 * requests without a restart. The real PostgreSQL sits behind a TCP relay the test can cut, as a
 * failed database host or a network partition would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Relay RELAY = Relay.to(postgresPort());

  @LocalServerPort int port;

  @DynamicPropertySource
  static void throughTheRelay(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () -> "jdbc:postgresql://localhost:" + RELAY.port() + "/" + database());
  }

  @AfterAll
  static void closeTheRelay() throws IOException {
    RELAY.close();
  }

  @Test
  void withTheDatabaseDownRequestsFailFastWith503AndRecoverWithoutARestart() throws Exception {
    assertThat(BearerRequests.get(port, "/api/caseloads/keyworker1", "keyworker1").statusCode())
        .isEqualTo(200);

    RELAY.cut();
    try {
      long started = System.nanoTime();
      HttpResponse<String> failed =
          BearerRequests.get(port, "/api/caseloads/keyworker1", "keyworker1");
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(failed.statusCode()).isEqualTo(503);
      assertThat(took).isLessThan(Duration.ofSeconds(5));
      assertThat(JSON.readTree(failed.body()).get("status").asInt()).isEqualTo(503);
      assertThat(failed.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(health().statusCode()).isEqualTo(503);
      assertThat(health().body()).contains("DOWN");
    } finally {
      RELAY.restore();
    }

    // The pool reconnects by itself, within a few seconds of the database answering again.
    HttpResponse<String> recovered = null;
    for (int i = 0; i < 40; i++) {
      recovered = BearerRequests.get(port, "/api/caseloads/keyworker1", "keyworker1");
      if (recovered.statusCode() == 200) {
        break;
      }
      Thread.sleep(500);
    }
    assertThat(recovered.statusCode()).as("served again without a restart").isEqualTo(200);
    assertThat(health().statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> health() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static URI databaseUri() {
    String url =
        System.getenv().getOrDefault("FV_DB_URL", "jdbc:postgresql://localhost:5432/familyview");
    return URI.create(url.substring("jdbc:".length()));
  }

  private static int postgresPort() {
    return databaseUri().getPort();
  }

  private static String database() {
    return databaseUri().getPath().substring(1);
  }

  /**
   * A TCP relay to PostgreSQL on loopback that can be cut (every connection dropped) and restored.
   */
  static final class Relay implements AutoCloseable {

    private final int target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private final int port;

    private Relay(int target) throws IOException {
      this.target = target;
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      this.port = server.getLocalPort();
      accept(server);
    }

    static Relay to(int target) {
      try {
        return new Relay(target);
      } catch (IOException e) {
        throw new IllegalStateException("cannot open the relay", e);
      }
    }

    int port() {
      return port;
    }

    void cut() throws IOException {
      server.close();
      for (Socket socket : open) {
        socket.close();
      }
      open.clear();
    }

    void restore() throws IOException {
      ServerSocket again = new ServerSocket();
      again.setReuseAddress(true);
      again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      server = again;
      accept(again);
    }

    @Override
    public void close() throws IOException {
      cut();
    }

    private void accept(ServerSocket listening) {
      Thread.ofVirtual()
          .start(
              () -> {
                while (!listening.isClosed()) {
                  try {
                    relay(listening.accept());
                  } catch (IOException e) {
                    // closed by cut()
                  }
                }
              });
    }

    private void relay(Socket client) throws IOException {
      open.add(client);
      try {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException refused) {
        client.close();
      }
    }

    private void pump(Socket from, Socket to) {
      Thread.ofVirtual()
          .start(
              () -> {
                try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                  in.transferTo(out);
                } catch (IOException e) {
                  // one side closed
                } finally {
                  try {
                    from.close();
                    to.close();
                  } catch (IOException ignored) {
                    // already closed
                  }
                }
              });
    }
  }
}
