package org.familyview.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.familyview.testsupport.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The foundation against the real PostgreSQL, Elasticsearch and Keycloak: no mocks. Requests go
 * over HTTP to the running application exactly as a script or a browser would send them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FoundationIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void aKeyworkersTokenGetsTheirIdentityFromApiMe() throws Exception {
    HttpResponse<String> response = get("/api/me", KeycloakTokens.accessToken("keyworker1"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode me = JSON.readTree(response.body());
    assertThat(me.get("username").asString()).isEqualTo("keyworker1");
    assertThat(me.get("roles").values())
        .extracting(JsonNode::asString)
        .containsExactly("keyworker");
  }

  @Test
  void anUploadersTokenCarriesTheirAgency() throws Exception {
    JsonNode me = JSON.readTree(get("/api/me", KeycloakTokens.accessToken("police-upload")).body());

    assertThat(me.get("agency").asString()).isEqualTo("police");
    assertThat(me.get("roles").values())
        .extracting(JsonNode::asString)
        .containsExactly("agency-uploader");
  }

  @Test
  void noTokenIsRefusedWith401() throws Exception {
    assertThat(get("/api/me", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aTamperedTokenIsRefusedWith401() throws Exception {
    String token = KeycloakTokens.accessToken("keyworker1");
    String[] parts = token.split("\\.");
    // Re-sign nothing: swap the payload for one claiming the admin role.
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                    .replace("\"keyworker\"", "\"admin\"")
                    .getBytes());
    assertThat(get("/api/me", parts[0] + "." + forged + "." + parts[2]).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aBrowserIsSentToTheKeycloakLogin() throws Exception {
    HttpResponse<String> home = get("/", null);
    assertThat(home.statusCode()).isEqualTo(302);
    String next = home.headers().firstValue("Location").orElseThrow();
    assertThat(next).endsWith("/oauth2/authorization/keycloak");

    HttpResponse<String> authorize = get(URI.create(next).getPath(), null);
    assertThat(authorize.statusCode()).isEqualTo(302);
    assertThat(authorize.headers().firstValue("Location").orElseThrow())
        .startsWith(KeycloakTokens.keycloakUrl() + "/realms/" + KeycloakTokens.realm())
        .contains("code_challenge_method=S256");
  }

  @Test
  void healthCoversPostgresElasticsearchAndKeycloak() throws Exception {
    HttpResponse<String> response = get("/actuator/health", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode components = JSON.readTree(response.body()).get("components");
    assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
    assertThat(components.get("elasticsearch").get("status").asString()).isEqualTo("UP");
    assertThat(components.get("keycloak").get("status").asString()).isEqualTo("UP");
  }

  @Test
  void flywayOwnsTheBatchJobRepository() {
    Integer tables =
        jdbc.sql(
                "select count(*) from information_schema.tables where table_schema = current_schema() and table_name = 'batch_job_execution'")
            .query(Integer.class)
            .single();
    assertThat(tables).isEqualTo(1);
  }

  private HttpResponse<String> get(String path, String bearer) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
