package org.familyview.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.familyview.testsupport.BearerRequests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The operator's metrics: Prometheus text for an admin's token, and for nobody else. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsIntegrationTests {

  @LocalServerPort int port;

  @Test
  void anAdminScrapesThePortalsLatenciesAndNobodyElseDoes() throws Exception {
    assertThat(BearerRequests.get(port, "/api/me", "keyworker1").statusCode()).isEqualTo(200);

    HttpResponse<String> scraped = BearerRequests.get(port, "/actuator/prometheus", "admin");

    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body())
        .contains("http_server_requests_seconds_count")
        .contains("uri=\"/api/me\"");
    assertThat(BearerRequests.get(port, "/actuator/prometheus", "keyworker1").statusCode())
        .isEqualTo(403);
    HttpResponse<String> anonymous =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }
}
