package org.familyview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The extracts API over real HTTP, as a partner's script would call it. */
final class ExtractApi {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  ExtractApi(int port) {
    this.base = "http://localhost:" + port;
  }

  HttpResponse<String> upload(String agency, String bearer, Multipart body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/api/extracts/" + agency))
            .header("Content-Type", body.contentType())
            .POST(body.publisher());
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String bearer, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Uploads and returns the extract id, asserting the 202. */
  String accepted(String agency, String bearer, Multipart body) throws Exception {
    HttpResponse<String> response = upload(agency, bearer, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode json = JSON.readTree(response.body());
    assertThat(json.get("status").asString()).isEqualTo("QUEUED");
    return json.get("extractId").asString();
  }

  /** Polls until the extract's load is over: COMPLETED, FAILED, HELD or DISCARDED. */
  JsonNode finished(String extractId, String bearer, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      HttpResponse<String> response = get("/api/extracts/" + extractId, bearer);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode json = JSON.readTree(response.body());
      String status = json.get("status").asString();
      if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
        return json;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("extract " + extractId + " still " + status);
      }
      Thread.sleep(200);
    }
  }
}
