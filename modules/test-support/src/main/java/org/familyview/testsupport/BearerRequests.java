package org.familyview.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests to the application under test on {@code localhost} as a script makes them: each with a
 * real access token for the user from the real Keycloak ({@link KeycloakTokens}).
 */
public final class BearerRequests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private BearerRequests() {}

  public static HttpResponse<String> get(int port, String path, String user)
      throws IOException, InterruptedException {
    return HTTP.send(as(user, port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public static HttpResponse<String> post(int port, String path, String user, String json)
      throws IOException, InterruptedException {
    return HTTP.send(
        as(user, port, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder as(String user, int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user));
  }
}
