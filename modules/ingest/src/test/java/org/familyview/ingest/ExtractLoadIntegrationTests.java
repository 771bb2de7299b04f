package org.familyview.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.familyview.testsupport.KeycloakTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The extract load end to end against the real PostgreSQL and Keycloak: upload over HTTP with a
 * real token, the Spring Batch job, the rows in the database. Police extracts only, in the tests'
 * own schema, which each test starts from empty for that agency. These fixtures are tiny: one of
 * four persons leaving is a quarter of the agency, which the snapshot guard would hold, so the
 * guard is off here; {@link SnapshotGuardIntegrationTests} tests it at its defaults.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "familyview.ingest.guard.max-retire-share=1.0",
      "familyview.ingest.guard.min-row-share=0"
    })
class ExtractLoadIntegrationTests {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private ExtractApi api;
  private String police;

  @BeforeEach
  void start() {
    api = new ExtractApi(port);
    police = KeycloakTokens.accessToken("police-upload");
    jdbc.sql("delete from source_event where agency = 'POLICE'").update();
    jdbc.sql("delete from source_person where agency = 'POLICE'").update();
  }

  @Test
  void aFixtureExtractLoadsItsGoodRowsAndQuarantinesTheBadOnes() throws Exception {
    String id = api.accepted("police", police, fixture());

    JsonNode extract = api.finished(id, police, WAIT);

    assertThat(extract.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(counts(extract.get("persons")))
        .containsEntry("read", 7L)
        .containsEntry("accepted", 4L)
        .containsEntry("rejected", 3L)
        .containsEntry("new", 4L)
        .containsEntry("changed", 0L)
        .containsEntry("unchanged", 0L)
        .containsEntry("noLongerCurrent", 0L);
    assertThat(extract.get("persons").get("warnings").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(counts(extract.get("events")))
        .containsEntry("read", 4L)
        .containsEntry("accepted", 2L)
        .containsEntry("rejected", 2L)
        .containsEntry("new", 2L);
    assertThat(feedback(extract.get("rejects")))
        .containsExactly(
            "persons.csv:4:record_id:MISSING_REQUIRED",
            "persons.csv:5:null:NO_NAME",
            "persons.csv:6:record_id:DUPLICATE_ID",
            "events.csv:3:record_id:UNKNOWN_PERSON",
            "events.csv:4:type:UNKNOWN_TYPE");
    assertThat(feedback(extract.get("warnings")))
        .contains(
            "persons.csv:3:date_of_birth:IMPOSSIBLE_DATE",
            "persons.csv:9:postcode:INVALID_POSTCODE");
    extract
        .get("rejects")
        .values()
        .forEach(r -> assertThat(r.get("reason").asString()).isNotBlank());

    assertThat(
            jdbc.sql(
                    "select record_id || ':' || source_line from source_person"
                        + " where agency = 'POLICE' and current and needs_matching"
                        + " and extract_id = ?::uuid and source_file = 'persons.csv'"
                        + " order by record_id")
                .param(id)
                .query(String.class)
                .list())
        .containsExactly("P1:2", "P2:3", "P6:7", "P7:9");
    assertThat(
            jdbc.sql(
                    "select given_name from source_person where agency = 'POLICE' and record_id = 'P6'")
                .query(String.class)
                .single())
        .as("a quoted line break is part of the value; the contract collapses inner whitespace")
        .isEqualTo("Multi line");
    assertThat(
            jdbc.sql(
                    "select event_id || ':' || record_id || ':' || type || ':' || sensitivity"
                        + " from source_event where agency = 'POLICE' and current order by event_id")
                .query(String.class)
                .list())
        .containsExactly(
            "E1:P1:police.asb_incident:STANDARD", "E4:P6:police.missing_person:STANDARD");
    assertThat(
            jdbc.sql("select count(*) from extract_person_stage where extract_id = ?::uuid")
                .param(id)
                .query(Long.class)
                .single())
        .as("staging is cleared once applied")
        .isZero();
  }

  @Test
  void theSameFileTwiceChangesNothingTheSecondTime() throws Exception {
    api.finished(api.accepted("police", police, fixture()), police, WAIT);
    List<String> before = currentPersons();

    JsonNode again = api.finished(api.accepted("police", police, fixture()), police, WAIT);

    assertThat(again.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(counts(again.get("persons")))
        .containsEntry("new", 0L)
        .containsEntry("changed", 0L)
        .containsEntry("unchanged", 4L)
        .containsEntry("noLongerCurrent", 0L);
    assertThat(counts(again.get("events")))
        .containsEntry("new", 0L)
        .containsEntry("changed", 0L)
        .containsEntry("unchanged", 2L);
    assertThat(currentPersons()).isEqualTo(before);
  }

  @Test
  void aChangedRecordIsMarkedForMatchingAndAMissingOneIsNoLongerCurrent() throws Exception {
    api.finished(api.accepted("police", police, fixture()), police, WAIT);
    jdbc.sql("update source_person set needs_matching = false where agency = 'POLICE'").update();

    JsonNode next =
        api.finished(
            api.accepted(
                "police",
                police,
                new Multipart()
                    .file("persons", "persons.csv", ExtractFixtures.policePersonsNextNight())),
            police,
            WAIT);

    assertThat(counts(next.get("persons")))
        .containsEntry("new", 0L)
        .containsEntry("changed", 1L)
        .containsEntry("unchanged", 2L)
        .containsEntry("noLongerCurrent", 1L);
    assertThat(
            jdbc.sql(
                    "select record_id || ':' || current || ':' || needs_matching from source_person"
                        + " where agency = 'POLICE' order by record_id")
                .query(String.class)
                .list())
        .containsExactly("P1:true:true", "P2:true:false", "P6:true:false", "P7:false:false");
    assertThat(counts(next.get("events")))
        .as("no events.csv: the agency's events are left as they were")
        .containsEntry("read", 0L)
        .containsEntry("noLongerCurrent", 0L);
    assertThat(
            jdbc.sql("select count(*) from source_event where agency = 'POLICE' and current")
                .query(Long.class)
                .single())
        .isEqualTo(2L);
  }

  @Test
  void aFileWithoutARequiredColumnIsRejectedWholeAndThePreviousSnapshotStaysCurrent()
      throws Exception {
    api.finished(api.accepted("police", police, fixture()), police, WAIT);
    List<String> before = currentPersons();

    JsonNode broken =
        api.finished(
            api.accepted(
                "police",
                police,
                new Multipart()
                    .file("persons", "persons.csv", ExtractFixtures.personsWithoutRecordId())
                    .file("events", "events.csv", ExtractFixtures.policeEvents())),
            police,
            WAIT);

    assertThat(broken.get("status").asString()).isEqualTo("FAILED");
    assertThat(broken.get("failureReason").asString()).contains("persons.csv", "record_id");
    assertThat(broken.get("rejects").values())
        .singleElement()
        .satisfies(r -> assertThat(r.get("code").asString()).isEqualTo("MISSING_COLUMN"));
    assertThat(counts(broken.get("persons")))
        .containsEntry("new", 0L)
        .containsEntry("accepted", 0L);
    assertThat(currentPersons()).isEqualTo(before);
  }

  @Test
  void aFileThatIsNotUtf8IsRejectedWholeBeforeAnyRowIsStaged() throws Exception {
    api.finished(api.accepted("police", police, fixture()), police, WAIT);
    List<String> before = currentPersons();

    String id =
        api.accepted(
            "police",
            police,
            new Multipart().file("persons", "persons.csv", ExtractFixtures.personsNotUtf8()));
    JsonNode broken = api.finished(id, police, WAIT);

    assertThat(broken.get("status").asString()).isEqualTo("FAILED");
    assertThat(feedback(broken.get("rejects"))).containsExactly("persons.csv:3:null:NOT_UTF8");
    assertThat(
            jdbc.sql("select count(*) from extract_person_stage where extract_id = ?::uuid")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(currentPersons()).isEqualTo(before);
  }

  @Test
  void anEventMayReferToAPersonOfAnEarlierExtractButNeverToAnotherAgencysPerson() throws Exception {
    api.finished(api.accepted("police", police, fixture()), police, WAIT);
    String events =
        ExtractFixtures.EVENTS_HEADER
            + "E7,P7,2024-03-03,arrest,Arrested\r\n" // 2: P7 is not in tonight's persons
            + "E8,P1,2024-03-03,arrest,Arrested\r\n"; // 3: P1 is

    JsonNode next =
        api.finished(
            api.accepted(
                "police",
                police,
                new Multipart()
                    .file("persons", "persons.csv", ExtractFixtures.policePersonsNextNight())
                    .file("events", "events.csv", events)),
            police,
            WAIT);
    assertThat(counts(next.get("events")))
        .containsEntry("accepted", 2L)
        .containsEntry("rejected", 0L);

    String health = KeycloakTokens.accessToken("health-upload");
    JsonNode other =
        api.finished(
            api.accepted(
                "health",
                health,
                new Multipart()
                    .file(
                        "persons",
                        "persons.csv",
                        ExtractFixtures.PERSONS_HEADER + "H1,Hana,Hill,,,,\r\n")
                    .file(
                        "events",
                        "events.csv",
                        ExtractFixtures.EVENTS_HEADER
                            + "HE1,P1,2024-03-03,ae_attendance,Seen\r\n")),
            health,
            WAIT);
    assertThat(feedback(other.get("rejects")))
        .containsExactly("events.csv:2:record_id:UNKNOWN_PERSON");
  }

  @Test
  void valuesAreStoredExactlyOrRefusedWithTheirFileLineFieldAndReasonNeverSilentlyChanged()
      throws Exception {
    String persons =
        ExtractFixtures.PERSONS_HEADER
            + "\"P\n1\",Ann,Lee,,,,\r\n" // 2-3 rejected: a line break inside the record_id
            + "P 1,Bob,Lee,,,,\r\n" // 4 accepted: another id, never the squashed "P 1"
            + "P8,Ca\u0001rl,Lee,,,,\r\n"; // 5 accepted, a control character in a name warned of
    String events =
        ExtractFixtures.EVENTS_HEADER + "E1,P 1,2024-01-02,arrest,\"  Two\r\nlines  \"\r\n";

    JsonNode extract =
        api.finished(
            api.accepted(
                "police",
                police,
                new Multipart()
                    .file("persons", "persons.csv", persons)
                    .file("events", "events.csv", events)),
            police,
            WAIT);

    assertThat(extract.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(feedback(extract.get("rejects")))
        .containsExactly("persons.csv:2:record_id:CONTROL_CHARACTER");
    assertThat(extract.get("rejects").get(0).get("reason").asString())
        .contains("line break", "stored exactly");
    assertThat(feedback(extract.get("warnings")))
        .containsExactly("persons.csv:5:given_name:CONTROL_CHARACTER");
    assertThat(
            jdbc.sql(
                    "select record_id || '=' || given_name from source_person"
                        + " where agency = 'POLICE' order by record_id")
                .query(String.class)
                .list())
        .containsExactly("P 1=Bob", "P8=Ca rl");
    assertThat(
            jdbc.sql("select summary from source_event where agency = 'POLICE' and event_id = 'E1'")
                .query(String.class)
                .single())
        .as("a summary is kept exactly, line breaks and surrounding spaces included")
        .isEqualTo("  Two\r\nlines  ");
  }

  private static Multipart fixture() {
    return new Multipart()
        .file("persons", "persons.csv", ExtractFixtures.policePersons())
        .file("events", "events.csv", ExtractFixtures.policeEvents());
  }

  private List<String> currentPersons() {
    return jdbc.sql(
            "select record_id || ':' || content_hash || ':' || extract_id from source_person"
                + " where agency = 'POLICE' and current order by record_id")
        .query(String.class)
        .list();
  }

  private static Map<String, Long> counts(JsonNode node) {
    java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
    node.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  private static List<String> feedback(JsonNode list) {
    return list.values().stream()
        .map(
            f ->
                f.get("file").asString()
                    + ":"
                    + f.get("line").asLong()
                    + ":"
                    + (f.hasNonNull("field") ? f.get("field").asString() : "null")
                    + ":"
                    + f.get("code").asString())
        .toList();
  }
}
