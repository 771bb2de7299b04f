package org.familyview.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from the real Keycloak started by {@code ./familyview test}, through the
 * public {@code familyview-cli} client's password grant, as a script would get them.
 */
public final class KeycloakTokens {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private KeycloakTokens() {}

  public static String keycloakUrl() {
    return System.getenv().getOrDefault("FV_KEYCLOAK_URL", "http://localhost:8180");
  }

  public static String realm() {
    return System.getenv().getOrDefault("FV_REALM", "familyview");
  }

  /** Demo users all have the password {@code demo} (demo realm only). */
  public static String accessToken(String username) {
    String form =
        "grant_type=password&client_id=familyview-cli&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password=demo";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(keycloakUrl() + "/realms/" + realm() + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Keycloak refused a token for " + username + ": HTTP " + response.statusCode());
      }
      JsonNode body = JSON.readTree(response.body());
      return body.get("access_token").asString();
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak is not reachable at " + keycloakUrl(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
