package org.familyview.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.familyview.testsupport.KeycloakTokens;
import tools.jackson.databind.json.JsonMapper;

/** A world of the project's generator, written to disk and delivered through the real intake. */
final class Worlds {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Worlds() {}

  /** Runs the generator's jar: one folder of persons.csv and events.csv per agency. */
  static void generate(Path world, int people, long seed, Path log) throws Exception {
    Path jar =
        Path.of("..", "generator", "target", "familyview-generator.jar")
            .toAbsolutePath()
            .normalize();
    Files.createDirectories(log.getParent());
    String java = ProcessHandle.current().info().command().orElse("java");
    Process generator =
        new ProcessBuilder(
                java,
                "-jar",
                jar.toString(),
                "--people",
                Integer.toString(people),
                "--out",
                world.toString(),
                "--seed",
                Long.toString(seed))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(generator.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(generator.exitValue()).as("the generator, see " + log).isZero();
  }

  /** Uploads the agency's two files as its uploader and waits for the load to complete. */
  static void uploadAndAwait(String baseUrl, String agency, Path folder) throws Exception {
    uploadAndAwait(baseUrl, agency, folder, agency + "-upload");
  }

  /** Uploads a partner's two files as {@code user} and waits for the load to complete. */
  static void uploadAndAwait(String baseUrl, String agency, Path folder, String user)
      throws Exception {
    String token = KeycloakTokens.accessToken(user);
    String boundary = "fv" + UUID.randomUUID();
    byte[] body =
        (part(boundary, "persons", folder.resolve("persons.csv"))
                + part(boundary, "events", folder.resolve("events.csv"))
                + "--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> accepted =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/extracts/" + agency))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String id = JSON.readTree(accepted.body()).get("extractId").asString();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    String status = "";
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> extract =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/api/extracts/" + id))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      status = JSON.readTree(extract.body()).get("status").asString();
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        break;
      }
      Thread.sleep(250);
    }
    assertThat(status).as(agency + "'s extract").isEqualTo("COMPLETED");
  }

  private static String part(String boundary, String name, Path file) throws Exception {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"; filename=\""
        + name
        + ".csv\"\r\nContent-Type: text/csv\r\n\r\n"
        + Files.readString(file)
        + "\r\n";
  }
}
