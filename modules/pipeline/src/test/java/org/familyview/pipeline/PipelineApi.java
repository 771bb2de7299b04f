package org.familyview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pipeline and person APIs over real HTTP with real tokens, as a steward's script would. */
final class PipelineApi {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  PipelineApi(int port) {
    this.base = "http://localhost:" + port;
  }

  HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (body == null) {
      request.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.POST(HttpRequest.BodyPublishers.ofString(body));
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  /** Starts a run and returns its id, asserting the 202. */
  String start(String token, String body) throws Exception {
    JsonNode json = json(post("/api/pipeline/runs", token, body), 202);
    return json.get("runId").asString();
  }

  JsonNode run(String runId, String token) throws Exception {
    return json(get("/api/pipeline/runs/" + runId, token), 200);
  }

  /** Polls until the run is COMPLETED or FAILED. */
  JsonNode finished(String runId, String token, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      JsonNode run = run(runId, token);
      String status = run.get("status").asString();
      if (status.equals("COMPLETED") || status.equals("FAILED")) {
        return run;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("run " + runId + " still " + status + ": " + run);
      }
      Thread.sleep(200);
    }
  }

  /** Polls until the run's status is the one given. */
  JsonNode awaitStatus(String runId, String token, String status, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      JsonNode run = run(runId, token);
      if (run.get("status").asString().equals(status)) {
        return run;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("run " + runId + " never " + status + ": " + run);
      }
      Thread.sleep(100);
    }
  }

  static String step(JsonNode run, String name) {
    for (JsonNode step : run.get("steps").values()) {
      if (step.get("name").asString().equals(name)) {
        return step.get("status").asString();
      }
    }
    throw new AssertionError("no step " + name + " in " + run);
  }
}
