package org.familyview.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.familyview.access.caseload.Caseloads;
import org.familyview.audit.read.AuditFilter;
import org.familyview.audit.read.AuditReader;
import org.familyview.search.people.PeopleIndex;
import org.familyview.search.people.PersonDocument;
import org.familyview.testsupport.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/search} against the real Elasticsearch, with real tokens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIntegrationTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Caseloads caseloads;
  @Autowired AuditReader audit;
  @Autowired PeopleIndex index;

  final HttpClient http = HttpClient.newHttpClient();
  CaseWorld world;
  String surname;

  @BeforeAll
  void seed() throws Exception {
    world = new CaseWorld(jdbc).build();
    // A surname of this run's own, so that earlier runs' people never match.
    surname = "Tagg" + world.tag.replaceAll("[0-9]", "").toLowerCase();
    caseloads.assign("keyworker1", world.family, LocalDate.now().minusDays(1), null, "lead");
    index.rebuild(
        Stream.of(
            new PersonDocument(
                world.mother,
                "Jolene " + surname,
                List.of("Jolene", surname),
                List.of(surname),
                LocalDate.parse("1990-04-02"),
                "LS6 1AA",
                Set.of(),
                world.family,
                Set.of("police", "health")),
            new PersonDocument(
                world.child,
                "Kai " + surname,
                List.of("Kai", surname),
                List.of(surname),
                LocalDate.parse("2015-06-10"),
                "LS6 1AA",
                Set.of(),
                world.family,
                Set.of("health", "council", "education"))));
  }

  @Test
  void aMisspeltNameFindsThePersonWithWhatAResultShows() throws Exception {
    HttpResponse<String> response = search("Jolean " + surname, "keyworker1");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("total").asLong()).isPositive();
    assertThat(body.get("totalExact").asBoolean()).isTrue();
    JsonNode results = body.get("results");
    assertThat(results.values())
        .extracting(r -> r.get("personId").asString())
        .contains(world.mother);
    JsonNode mother = results.get(0);
    assertThat(mother.get("dateOfBirth").asString()).isEqualTo("1990-04-02");
    assertThat(mother.get("postcodeDistrict").asString()).isEqualTo("LS6");
    assertThat(mother.get("familyId").asString()).isEqualTo(world.family);
    assertThat(mother.get("agencies").values())
        .extracting(JsonNode::asString)
        .containsExactly("health", "police");
    assertThat(mother.has("address")).isFalse();
  }

  @Test
  void aDateOfBirthAsTypedFindsTheChild() throws Exception {
    JsonNode results = JSON.readTree(search(surname + " 10/6/15", "lead").body()).get("results");
    assertThat(results.values())
        .extracting(r -> r.get("personId").asString())
        .containsExactly(world.child);
  }

  @Test
  void aKeyworkerSeesOnlyTheirCaseloadInFullAndOtherRolesAreRefused() throws Exception {
    // Outside the caseload: found, but closed, family and partners withheld (see
    // SearchBreakGlassIntegrationTests for break-glass from there).
    JsonNode outside = JSON.readTree(search(surname, "keyworker2").body()).get("results");
    assertThat(outside.values()).isNotEmpty();
    assertThat(outside.values())
        .allSatisfy(
            r -> {
              assertThat(r.get("open").asBoolean()).isFalse();
              assertThat(r.get("familyId").isNull()).isTrue();
              assertThat(r.get("agencies").values()).isEmpty();
            });
    assertThat(search(surname, "steward").statusCode()).isEqualTo(403);
    assertThat(search(surname, "auditor").statusCode()).isEqualTo(403);
    assertThat(search("", "keyworker1").statusCode()).isEqualTo(400);
  }

  @Test
  void everySearchIsAuditedWithItsQuery() throws Exception {
    String query = "Kai " + surname;
    search(query, "lead");
    assertThat(audit.find(new AuditFilter(null, null, "lead", null, null), 0, 50))
        .anyMatch(
            e ->
                e.action().equals("SEARCH")
                    && e.detail() != null
                    && e.detail().startsWith("q=" + query));
  }

  private HttpResponse<String> search(String q, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + port
                        + "/api/search?q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8)))
            .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
