package org.familyview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.familyview.testsupport.KeycloakTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Who may deliver and read extracts, with real Keycloak tokens: each rule allowed and denied. The
 * tests' upload limit is 2 MB (src/test/resources/application.yaml).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExtractAccessIntegrationTests {

  @LocalServerPort int port;

  private ExtractApi api;

  @BeforeEach
  void start() {
    api = new ExtractApi(port);
  }

  @Test
  void aPoliceUploaderMayDeliverForThePolice() throws Exception {
    HttpResponse<String> response =
        api.upload("police", KeycloakTokens.accessToken("police-upload"), fixture());

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(ExtractApi.JSON.readTree(response.body()).get("status").asString())
        .isEqualTo("QUEUED");
  }

  @Test
  void aHealthUploaderMayNotDeliverForThePolice() throws Exception {
    HttpResponse<String> response =
        api.upload("police", KeycloakTokens.accessToken("health-upload"), fixture());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .contains("application/problem+json");
  }

  @Test
  void aSecondTrustsUploaderDeliversForItsOwnPartnerOnly() throws Exception {
    String token = KeycloakTokens.accessToken("health-south-upload");

    assertThat(api.upload("health-south", token, fixture()).statusCode()).isEqualTo(202);
    assertThat(api.upload("health", token, fixture()).statusCode()).isEqualTo(403);
  }

  @Test
  void aPartnerNobodyConfiguredIsAClearProblem() throws Exception {
    HttpResponse<String> response =
        api.upload("housing-north", KeycloakTokens.accessToken("admin"), fixture());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .contains("application/problem+json");
    JsonNode problem = ExtractApi.JSON.readTree(response.body());
    assertThat(problem.get("title").asString()).isEqualTo("Unknown partner");
    assertThat(problem.get("detail").asString()).contains("GET /api/partners");
  }

  @Test
  void thePartnersAreListedAsConfigured() throws Exception {
    HttpResponse<String> response =
        api.get("/api/partners", KeycloakTokens.accessToken("keyworker1"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode partners = ExtractApi.JSON.readTree(response.body());
    assertThat(partners.findValuesAsString("id"))
        .containsExactlyInAnyOrder(
            "council",
            "council-south",
            "education",
            "education-south",
            "health",
            "health-south",
            "police");
    for (JsonNode partner : partners) {
      assertThat(partner.propertyNames()).containsExactly("id", "name", "kind", "authorities");
    }
    JsonNode police = partners.get(partners.findValuesAsString("id").indexOf("police"));
    assertThat(ExtractApi.JSON.writeValueAsString(police))
        .isEqualTo(
            "{\"id\":\"police\",\"name\":\"Shires Police\",\"kind\":\"police\","
                + "\"authorities\":[\"northshire\",\"southshire\"]}");
  }

  @Test
  void aKeyworkerMayNotDeliverAtAll() throws Exception {
    assertThat(
            api.upload("police", KeycloakTokens.accessToken("keyworker1"), fixture()).statusCode())
        .isEqualTo(403);
  }

  @Test
  void anAdminMayDeliverForAnyAgency() throws Exception {
    assertThat(
            api.upload("council", KeycloakTokens.accessToken("admin"), councilFixture())
                .statusCode())
        .isEqualTo(202);
  }

  @Test
  void withoutATokenTheAnswerIs401() throws Exception {
    assertThat(api.upload("police", null, fixture()).statusCode()).isEqualTo(401);
    assertThat(api.get("/api/extracts", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aFileOverTheLimitGetsA413ProblemDetail() throws Exception {
    byte[] big = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');

    HttpResponse<String> response =
        api.upload(
            "police",
            KeycloakTokens.accessToken("police-upload"),
            new Multipart().file("persons", "persons.csv", big));

    assertThat(response.statusCode()).isEqualTo(413);
    JsonNode problem = ExtractApi.JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(413);
    assertThat(problem.get("detail").asString()).contains("2 MB");
  }

  @Test
  void anUploaderSeesTheirOwnAgencysExtractButNotAnothers() throws Exception {
    String police = KeycloakTokens.accessToken("police-upload");
    String id = api.accepted("police", police, fixture());
    api.finished(id, police, Duration.ofSeconds(60));

    assertThat(api.get("/api/extracts/" + id, police).statusCode()).isEqualTo(200);
    assertThat(
            api.get("/api/extracts/" + id, KeycloakTokens.accessToken("health-upload"))
                .statusCode())
        .isEqualTo(403);
    assertThat(api.get("/api/extracts/" + id, KeycloakTokens.accessToken("admin")).statusCode())
        .isEqualTo(200);
    assertThat(
            api.get(
                    "/api/extracts/" + id + "/rejects.csv",
                    KeycloakTokens.accessToken("health-upload"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void rejectsArePaginatedAndDownloadableAsCsv() throws Exception {
    String police = KeycloakTokens.accessToken("police-upload");
    String id = api.accepted("police", police, fixture());
    api.finished(id, police, Duration.ofSeconds(60));

    JsonNode second =
        ExtractApi.JSON.readTree(api.get("/api/extracts/" + id + "?page=1&size=2", police).body());
    assertThat(second.get("rejectsTotal").asLong()).isEqualTo(5);
    assertThat(second.get("rejects").values())
        .extracting(r -> r.get("file").asString() + ":" + r.get("line").asLong())
        .containsExactly("persons.csv:6", "events.csv:3");

    HttpResponse<String> csv = api.get("/api/extracts/" + id + "/rejects.csv", police);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body().lines()).hasSize(6).first().isEqualTo("file,line,field,code,reason");
    assertThat(csv.body()).contains("persons.csv,4,record_id,MISSING_REQUIRED,");
  }

  private static Multipart fixture() {
    return new Multipart()
        .file("persons", "../../etc/persons.csv", ExtractFixtures.policePersons())
        .file("events", "events.csv", ExtractFixtures.policeEvents());
  }

  private static Multipart councilFixture() {
    return new Multipart().file("persons", "persons.csv", ExtractFixtures.policePersons());
  }
}
