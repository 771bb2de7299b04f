package org.familyview.casefile;

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

/**
 * Elasticsearch unreachable (a port nothing listens on): search says so plainly, and the person and
 * family views, read from PostgreSQL, still work.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.elasticsearch.uris=http://localhost:9")
class SearchUnavailableIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void searchSaysItIsUnavailableAndTheCaseViewsStillWork() throws Exception {
    CaseWorld world = new CaseWorld(jdbc).build();
    HttpResponse<String> search = get("/api/search?q=Tagg", "lead");
    assertThat(search.statusCode()).isEqualTo(503);
    assertThat(search.body())
        .contains("Search is unavailable")
        .contains("the search service cannot be reached")
        .contains("Person and family views still work");

    assertThat(get("/api/persons/" + world.mother, "lead").statusCode()).isEqualTo(200);
    assertThat(get("/api/families/" + world.family + "/chronology", "lead").statusCode())
        .isEqualTo(200);
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
