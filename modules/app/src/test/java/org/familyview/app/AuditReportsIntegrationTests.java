package org.familyview.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.familyview.audit.report.SharedSurnameAndPostcode;
import org.familyview.audit.report.StaffMember;
import org.familyview.audit.report.UnusualAccessReports;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.testsupport.BearerRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The unusual-access reports and break-glass reviews, with real tokens and the real trail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditReportsIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PURPOSE = "Child protection enquiry (Children Act 1989 s.47)";

  @LocalServerPort int port;
  @Autowired AuditTrail trail;
  @Autowired UnusualAccessReports reports;
  @Autowired JdbcClient jdbc;

  @Test
  void onlyAnAuditorReadsTheReports() throws Exception {
    for (String report : List.of("out-of-caseload", "many-views", "shared-surname-and-postcode")) {
      assertThat(get("/api/audit/reports/" + report, "auditor").statusCode())
          .as(report)
          .isEqualTo(200);
      for (String user : List.of("keyworker1", "lead", "steward", "admin", "police-upload")) {
        assertThat(get("/api/audit/reports/" + report, user).statusCode())
            .as(report + " as " + user)
            .isEqualTo(403);
      }
    }
    assertThat(get("/api/audit/reports/no-such-report", "auditor").statusCode()).isEqualTo(404);
  }

  @Test
  void sixtyViewsInAMinuteAreFlaggedAndFiveAreNot() throws Exception {
    Instant from = Instant.now().minusSeconds(1);
    String heavy = "heavy-" + UUID.randomUUID();
    String light = "light-" + UUID.randomUUID();
    for (int i = 0; i < 60; i++) {
      trail.record(view(heavy, "P-" + i));
    }
    for (int i = 0; i < 5; i++) {
      trail.record(view(light, "P-" + i));
    }
    Instant to = Instant.now().plusSeconds(1);

    JsonNode report =
        JSON.readTree(
            get("/api/audit/reports/many-views?from=" + from + "&to=" + to, "auditor").body());

    List<JsonNode> rows = report.get("rows").values().stream().toList();
    assertThat(rows)
        .extracting(r -> r.get("user").asString())
        .contains(heavy)
        .doesNotContain(light);
    JsonNode flagged =
        rows.stream().filter(r -> r.get("user").asString().equals(heavy)).findFirst().orElseThrow();
    assertThat(flagged.get("views").asLong()).isEqualTo(60);
    assertThat(report.get("notes").get(0).asString()).contains("More than 50");
  }

  @Test
  void theWindowAndTheThresholdDecide() {
    // The same 60 reads: within a 10-minute window they are more than 59 but not more than 60;
    // within a window of a microsecond each read is alone.
    Instant from = Instant.now().minusSeconds(1);
    String user = "spread-" + UUID.randomUUID();
    for (int i = 0; i < 60; i++) {
      trail.record(view(user, "P-" + i));
    }
    Instant to = Instant.now().plusSeconds(1);

    assertThat(reports.manyViews(from, to, 50, java.time.Duration.ofNanos(1000)))
        .extracting(r -> r.user())
        .doesNotContain(user);
    assertThat(reports.manyViews(from, to, 59, java.time.Duration.ofMinutes(10)))
        .extracting(r -> r.user())
        .contains(user);
    assertThat(reports.manyViews(from, to, 60, java.time.Duration.ofMinutes(10)))
        .extracting(r -> r.user())
        .doesNotContain(user);
  }

  @Test
  void breakGlassIsReportedThenReviewedOnce() throws Exception {
    Instant from = Instant.now().minusSeconds(1);
    String family = "F-review-" + UUID.randomUUID();
    String reason = "Strategy meeting about a referral this afternoon";
    HttpResponse<String> granted =
        post(
            "/api/families/" + family + "/access-reasons",
            "keyworker1",
            "{\"purpose\":\"" + PURPOSE + "\",\"reason\":\"" + reason + "\"}");
    assertThat(granted.statusCode()).isEqualTo(201);
    String grantId = JSON.readTree(granted.body()).get("grantId").asString();
    post(
        "/api/families/" + family + "/access-reasons",
        "keyworker1",
        "{\"purpose\":\"curiosity\",\"reason\":\"I wanted to have a look at this family\"}");

    JsonNode before = outOfCaseload(from, family);
    assertThat(before.values())
        .extracting(r -> r.get("outcome").asString() + "/" + r.get("reviewed").asBoolean())
        .containsExactlyInAnyOrder("ALLOWED/false", "DENIED/false");
    JsonNode allowed = allowedRow(before);
    assertThat(allowed.get("grantId").asString()).isEqualTo(grantId);
    assertThat(allowed.get("user").asString()).isEqualTo("keyworker1");
    assertThat(allowed.get("purpose").asString()).isEqualTo(PURPOSE);
    assertThat(allowed.get("reason").asString()).isEqualTo(reason);

    String review = "/api/audit/access-grants/" + grantId + "/review";
    assertThat(post(review, "keyworker1", "").statusCode()).isEqualTo(403);
    assertThat(post(review, "lead", "").statusCode()).isEqualTo(403);
    HttpResponse<String> reviewed = post(review, "auditor", "");
    assertThat(reviewed.statusCode()).isEqualTo(200);
    assertThat(post(review, "auditor", "").statusCode()).isEqualTo(409);
    assertThat(
            post("/api/audit/access-grants/" + UUID.randomUUID() + "/review", "auditor", "")
                .statusCode())
        .isEqualTo(404);

    JsonNode after = allowedRow(outOfCaseload(from, family));
    assertThat(after.get("reviewed").asBoolean()).isTrue();
    assertThat(after.get("reviewedBy").asString()).isEqualTo("auditor");

    JsonNode audit = JSON.readTree(get("/api/audit?user=auditor&from=" + from, "auditor").body());
    assertThat(audit.get("entries").values())
        .extracting(
            e ->
                e.get("action").asString()
                    + "/"
                    + e.get("outcome").asString()
                    + "/"
                    + e.get("targetId").asString())
        .contains("BREAK_GLASS_REVIEW/ALLOWED/" + grantId, "BREAK_GLASS_REVIEW/DENIED/" + grantId);
  }

  @Test
  void staffReadingARecordWithTheirOwnSurnameAndPostcodeAreFound() {
    Instant from = Instant.now().minusSeconds(1);
    String recordId = "SS-" + UUID.randomUUID();
    String neighbour = "SS-" + UUID.randomUUID();
    insertSourcePerson(recordId, " smith ", "zz99 9zz");
    insertSourcePerson(neighbour, "Smith", "ZZ99 8ZZ");
    String staff = "staff-" + UUID.randomUUID();
    for (String record : List.of(recordId, neighbour)) {
      trail.record(
          AuditEvent.of(staff, Set.of("keyworker"), AuditAction.PERSON_VIEW)
              .on(
                  SharedSurnameAndPostcode.SOURCE_RECORD,
                  SharedSurnameAndPostcode.sourceRecordId("test-agency", record)));
    }
    Instant to = Instant.now().plusSeconds(1);

    List<SharedSurnameAndPostcode> found =
        reports.sharedSurnameAndPostcode(
            from, to, List.of(StaffMember.of(staff, "SMITH", "ZZ999ZZ")));

    assertThat(found)
        .extracting(SharedSurnameAndPostcode::recordId, SharedSurnameAndPostcode::user)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(recordId, staff));
    assertThat(
            reports.sharedSurnameAndPostcode(
                from, to, List.of(StaffMember.of("someone-else", "Smith", "ZZ99 9ZZ"))))
        .isEmpty();
  }

  @Test
  void staffViewingAPersonOrAFamilyWithTheirOwnSurnameAndPostcodeAreFound() {
    Instant from = Instant.now().minusSeconds(1);
    String suffix = UUID.randomUUID().toString();
    String matching = "SP-" + suffix;
    String other = "SO-" + suffix;
    insertSourcePerson(matching, "Okafor", "zz98 1aa");
    insertSourcePerson(other, "Okafor", "ZZ98 2AA");
    // The person holds the matching record and another; the family holds that person.
    String person = "P-SS-" + suffix;
    String stranger = "P-ST-" + suffix;
    String family = "F-SS-" + suffix;
    String strangers = "F-ST-" + suffix;
    insertPerson(person, matching, other);
    insertPerson(stranger, "SX-" + suffix);
    insertSourcePerson("SX-" + suffix, "Okafor", "ZZ98 3AA");
    insertFamily(family, person);
    insertFamily(strangers, stranger);
    String staff = "staff-" + suffix;
    record(staff, AuditAction.PERSON_VIEW, "person", person);
    record(staff, AuditAction.FAMILY_VIEW, "family", family);
    record(staff, AuditAction.PERSON_VIEW, "person", stranger);
    record(staff, AuditAction.FAMILY_VIEW, "family", strangers);
    Instant to = Instant.now().plusSeconds(1);

    List<SharedSurnameAndPostcode> found =
        reports.sharedSurnameAndPostcode(
            from, to, List.of(StaffMember.of(staff, "okafor", "ZZ98 1AA")));

    assertThat(found)
        .extracting(
            SharedSurnameAndPostcode::targetType,
            SharedSurnameAndPostcode::targetId,
            SharedSurnameAndPostcode::recordId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("family", family, matching),
            org.assertj.core.groups.Tuple.tuple("person", person, matching));
  }

  private void record(String user, AuditAction action, String type, String id) {
    trail.record(AuditEvent.of(user, Set.of("keyworker"), action).on(type, id));
  }

  private void insertPerson(String personId, String... recordIds) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("insert into person (id, created_at) values (?, ?)").params(personId, now).update();
    for (String recordId : recordIds) {
      jdbc.sql(
              """
              insert into person_record (agency, record_id, person_id, link_type, linked_at)
              values ('test-agency', ?, ?, 'SOLE', ?)
              """)
          .params(recordId, personId, now)
          .update();
    }
  }

  private void insertFamily(String familyId, String personId) {
    jdbc.sql("insert into family (id, created_at) values (?, ?)")
        .params(familyId, Timestamp.from(Instant.now()))
        .update();
    jdbc.sql(
            """
            insert into family_member (family_id, person_id, role, basis)
            values (?, ?, 'CHILD', 'test')
            """)
        .params(familyId, personId)
        .update();
  }

  private void insertSourcePerson(String recordId, String familyName, String postcode) {
    UUID extract = UUID.randomUUID();
    jdbc.sql(
            """
            insert into source_person (agency, record_id, family_name, postcode, content_hash,
              current, needs_matching, extract_id, source_file, source_line, loaded_at,
              first_extract_id)
            values ('test-agency', ?, ?, ?, ?, false, false, ?, 'persons.csv', 2, ?, ?)
            """)
        .params(
            recordId,
            familyName,
            postcode,
            "0".repeat(32),
            extract,
            Timestamp.from(Instant.now()),
            extract)
        .update();
  }

  private JsonNode outOfCaseload(Instant from, String family) throws Exception {
    Instant to = Instant.now().plus(1, ChronoUnit.SECONDS);
    JsonNode report =
        JSON.readTree(
            get("/api/audit/reports/out-of-caseload?from=" + from + "&to=" + to, "auditor").body());
    return JSON.valueToTree(
        report.get("rows").values().stream()
            .filter(r -> family.equals(r.get("targetId").asString()))
            .toList());
  }

  private static JsonNode allowedRow(JsonNode rows) {
    return rows.values().stream()
        .filter(r -> r.get("outcome").asString().equals("ALLOWED"))
        .findFirst()
        .orElseThrow();
  }

  private static AuditEvent view(String user, String person) {
    return AuditEvent.of(user, Set.of("keyworker"), AuditAction.PERSON_VIEW).on("person", person);
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return BearerRequests.get(port, path, user);
  }

  private HttpResponse<String> post(String path, String user, String body) throws Exception {
    return BearerRequests.post(port, path, user, body);
  }
}
