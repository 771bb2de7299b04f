package org.familyview.review;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.familyview.testsupport.KeycloakTokens;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The workbench API as a script calls it: real tokens from the real Keycloak. */
public final class ReviewApi {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  public ReviewApi(int port) {
    this.port = port;
  }

  public record Answer(int status, String body) {
    public JsonNode json() {
      return JSON.readTree(body);
    }
  }

  public Answer get(String path, String user) throws Exception {
    return send("GET", path, user, null);
  }

  public Answer post(String path, String user, String body) throws Exception {
    return send("POST", path, user, body);
  }

  public Answer send(String method, String path, String user, @Nullable String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  public static String decision(String verdict, @Nullable String reason) {
    return JSON.writeValueAsString(
        reason == null
            ? java.util.Map.of("decision", verdict)
            : java.util.Map.of("decision", verdict, "reason", reason));
  }
}
