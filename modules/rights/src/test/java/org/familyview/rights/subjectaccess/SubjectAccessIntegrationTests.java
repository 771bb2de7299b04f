package org.familyview.rights.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.familyview.rights.Rows;
import org.familyview.testsupport.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subject access export through the API with real tokens: every linked source, each entry's
 * agency, third-party entries marked, CSV neutralised, leads only, every export audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubjectAccessIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void aLeadExportsEverythingHeldAboutAPersonWithThirdPartyDataMarked() throws Exception {
    String s = world();

    HttpResponse<String> response =
        get("/api/persons/P-SA-" + s + "/subject-access", "lead", "application/json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode export = JSON.readTree(response.body());
    assertThat(export.get("personId").asString()).isEqualTo("P-SA-" + s);
    assertThat(export.get("agencies").values())
        .extracting(JsonNode::asString)
        .containsExactly("HEALTH", "POLICE");
    List<JsonNode> entries = export.get("entries").values().stream().toList();
    assertThat(entries)
        .filteredOn(e -> e.get("section").asString().equals("record"))
        .extracting(e -> e.get("agency").asString() + "/" + e.get("reference").asString())
        .containsExactlyInAnyOrder("POLICE/SA1-" + s, "HEALTH/SA2-" + s);
    JsonNode own = entry(entries, "event", "ES-" + s);
    assertThat(own.get("thirdParty").asBoolean()).isFalse();
    assertThat(own.get("agency").asString()).isEqualTo("POLICE");
    JsonNode aboutSomeoneElse = entry(entries, "event", "EW-" + s);
    assertThat(aboutSomeoneElse.get("thirdParty").asBoolean()).isTrue();
    assertThat(aboutSomeoneElse.get("fields").get("role").asString()).isEqualTo("witness");
    JsonNode sibling = entry(entries, "household-member", "P-SB-" + s);
    assertThat(sibling.get("thirdParty").asBoolean()).isTrue();
    assertThat(sibling.get("fields").get("given_name").asString()).isEqualTo("Sibyl");
    assertThat(entry(entries, "family-member", "P-SB-" + s).get("thirdParty").asBoolean()).isTrue();
    assertThat(entry(entries, "family", "F-SA-" + s).get("thirdParty").asBoolean()).isFalse();
    assertThat(entries)
        .as("nothing of the sibling's own events")
        .noneMatch(e -> e.get("reference").asString().equals("EB-" + s));
    assertThat(export.get("thirdPartyEntries").asLong()).isEqualTo(3);

    assertThat(
            jdbc.sql(
                    "select count(*) from audit_entry where action = 'SUBJECT_ACCESS_EXPORT'"
                        + " and actor = 'lead' and target_type = 'person' and target_id = ?")
                .param("P-SA-" + s)
                .query(Long.class)
                .single())
        .isOne();
  }

  @Test
  void theCsvNeutralisesFormulas() throws Exception {
    String s = world();

    HttpResponse<String> response =
        get("/api/persons/P-SA-" + s + "/subject-access", "lead", "text/csv");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    List<String> lines = response.body().lines().toList();
    assertThat(lines.getFirst()).isEqualTo("section,agency,reference,date,third_party,field,value");
    assertThat(lines)
        .anyMatch(l -> l.contains("ES-" + s) && l.contains("'=HYPERLINK(\"\"http://x\"\")"))
        .noneMatch(l -> l.contains(",=HYPERLINK") || l.contains(",\"=HYPERLINK"));
    assertThat(lines).anyMatch(l -> l.startsWith("event,POLICE,EW-" + s) && l.contains(",true,"));
  }

  @Test
  void onlyALeadMayExportAndAnUnknownPersonIsNotFound() throws Exception {
    String s = world();
    String path = "/api/persons/P-SA-" + s + "/subject-access";
    for (String user : List.of("keyworker1", "steward", "auditor", "admin", "police-upload")) {
      assertThat(get(path, user, "application/json").statusCode()).as(user).isEqualTo(403);
    }
    HttpResponse<String> missing =
        get("/api/persons/P-NOBODY-" + s + "/subject-access", "lead", "application/json");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("no person");
  }

  /** A person with a police and a health record, a household and family shared with a sibling. */
  private String world() {
    Rows rows = new Rows(jdbc);
    String s = UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now();
    UUID police = rows.extract("POLICE", now);
    UUID health = rows.extract("HEALTH", now);
    rows.record("POLICE", "SA1-" + s, "Saoirse", "Abara", "ZZ2 2AA", police, now, null);
    rows.record("HEALTH", "SA2-" + s, "Saoirse", "Abara", "ZZ2 2AA", health, now, null);
    rows.record("POLICE", "SB1-" + s, "Sibyl", "Abara", "ZZ2 2AA", police, now, null);
    LocalDate day = LocalDate.of(2024, 3, 1);
    rows.event(
        "POLICE",
        "ES-" + s,
        "SA1-" + s,
        day,
        "police.asb_incident",
        "subject",
        "=HYPERLINK(\"http://x\")",
        police);
    rows.event(
        "POLICE", "EW-" + s, "SA1-" + s, day, "police.crime", "witness", "saw a fight", police);
    rows.event(
        "POLICE", "EB-" + s, "SB1-" + s, day, "police.crime", "subject", "sibling's own", police);
    rows.person("P-SA-" + s, "POLICE/SA1-" + s, "HEALTH/SA2-" + s);
    rows.person("P-SB-" + s, "POLICE/SB1-" + s);
    rows.family("F-SA-" + s, "P-SA-" + s + ":CHILD", "P-SB-" + s + ":CHILD");
    rows.household(
        "H-SA-" + s,
        "F-SA-" + s,
        "ZZ2 2AA",
        "P-SA-" + s + ":POLICE/SA1-" + s,
        "P-SB-" + s + ":POLICE/SB1-" + s);
    return s;
  }

  private static JsonNode entry(List<JsonNode> entries, String section, String reference) {
    return entries.stream()
        .filter(e -> e.get("section").asString().equals(section))
        .filter(e -> e.get("reference").asString().equals(reference))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + section + " " + reference));
  }

  private HttpResponse<String> get(String path, String user, String accept) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user))
                .header("Accept", accept)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
