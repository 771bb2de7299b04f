package org.familyview.rights.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.familyview.rights.Rows;
import org.familyview.search.people.PeopleIndex;
import org.familyview.search.people.PeopleSearch;
import org.familyview.search.people.PersonDocument;
import org.familyview.search.people.PersonHit;
import org.familyview.search.people.SearchOutcome;
import org.familyview.search.people.Visibility;
import org.familyview.testsupport.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention erasure against the real PostgreSQL and Elasticsearch: a person whose records are past
 * their feeds' retention leaves every table and the people search; a person within retention, and
 * the current record of a person who also had an expired one, stay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetentionErasureIntegrationTests {

  @Autowired RetentionErasure erasure;
  @Autowired PeopleIndex index;
  @Autowired PeopleSearch search;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void aPersonPastRetentionIsErasedEverywhereAndOneWithinRetentionStays() throws Exception {
    Rows rows = new Rows(jdbc);
    String s = UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now();
    Instant nineYearsAgo = now.atZone(ZoneOffset.UTC).minusYears(9).toInstant();
    Instant aYearAgo = now.atZone(ZoneOffset.UTC).minusYears(1).toInstant();
    // Police keep records seven years after they leave the snapshot.
    UUID oldDrop = rows.extract("POLICE", nineYearsAgo);
    UUID recentDrop = rows.extract("POLICE", aYearAgo);
    UUID healthNow = rows.extract("HEALTH", now);
    String old = "POLICE/RO-" + s;
    String recent = "POLICE/RN-" + s;
    String mixedOld = "POLICE/RM-" + s;
    String mixedCurrent = "HEALTH/HM-" + s;
    rows.record(
        "POLICE", "RO-" + s, "Thaddeus", "Oldcastle", "ZZ1 1AA", oldDrop, nineYearsAgo, oldDrop);
    rows.record(
        "POLICE", "RN-" + s, "Nerys", "Newbold", "ZZ1 1AA", recentDrop, aYearAgo, recentDrop);
    rows.record("POLICE", "RM-" + s, "Mirela", "Mixton", "ZZ1 2AA", oldDrop, nineYearsAgo, oldDrop);
    rows.record("HEALTH", "HM-" + s, "Mirela", "Mixton", "ZZ1 2AA", healthNow, now, null);
    LocalDate longAgo = LocalDate.now(ZoneOffset.UTC).minusYears(9).minusMonths(2);
    rows.event(
        "POLICE", "EO-" + s, "RO-" + s, longAgo, "police.asb_incident", "subject", "asb", oldDrop);
    rows.event(
        "POLICE",
        "EN-" + s,
        "RN-" + s,
        longAgo,
        "police.asb_incident",
        "subject",
        "asb",
        recentDrop);
    rows.person("P-OLD-" + s, old);
    rows.person("P-NEW-" + s, recent);
    rows.person("P-MIX-" + s, mixedOld, mixedCurrent);
    rows.family("F-KEPT-" + s, "P-OLD-" + s + ":CHILD", "P-NEW-" + s + ":PARENT_OR_CARER");
    rows.family("F-GONE-" + s, "P-OLD-" + s + ":CHILD");
    rows.household(
        "H-KEPT-" + s,
        "F-KEPT-" + s,
        "ZZ1 1AA",
        "P-OLD-" + s + ":" + old,
        "P-NEW-" + s + ":" + recent);
    rows.household("H-GONE-" + s, "F-GONE-" + s, "ZZ1 1AA", "P-OLD-" + s + ":" + old);
    for (String person : List.of("P-OLD-" + s, "P-NEW-" + s)) {
      jdbc.sql(
              "insert into family_grouping_input (person_id, fingerprint, place_keys, families,"
                  + " run_id) values (?, 'digest', '{1}', '', gen_random_uuid())")
          .param(person)
          .update();
    }
    rows.decision(old, recent);
    rows.decision(recent, mixedCurrent);
    UUID namingOld = rows.reviewTask(old, recent);
    UUID notNamingOld = rows.reviewTask(recent, mixedCurrent);
    // A possible match lists the other record pairs between its two people: one names the
    // expired record, one does not.
    jdbc.sql("update review_task set detail = ?::jsonb where id = ?")
        .params(
            "{\"waterfall\": [], \"otherPairs\": ["
                + otherPair(old, mixedCurrent, 1.5)
                + ", "
                + otherPair(recent, mixedOld.replace("RM-", "RX-"), 0.5)
                + "]}",
            notNamingOld)
        .update();
    rows.warning(oldDrop, "persons.csv", 7);
    rows.warning(recentDrop, "persons.csv", 7);
    rows.staged(oldDrop, "RO-" + s);
    rows.staged(recentDrop, "RN-" + s);
    index.rebuild(
        Stream.of(
            document("P-OLD-" + s, "Thaddeus", "Oldcastle"),
            document("P-NEW-" + s, "Nerys", "Newbold"),
            document("P-MIX-" + s, "Mirela", "Mixton")));
    assertThat(found("Thaddeus Oldcastle")).contains("P-OLD-" + s);

    ErasureReport preview = erasure.dryRun();
    assertThat(preview.records())
        .extracting(r -> r.agency() + "/" + r.recordId())
        .contains(old, mixedOld)
        .doesNotContain(recent, mixedCurrent);
    assertThat(preview.personsRetired()).contains("P-OLD-" + s).doesNotContain("P-MIX-" + s);
    assertThat(preview.personsReindexPending()).contains("P-MIX-" + s);
    assertThat(rows.count("select count(*) from source_person where record_id = ?", "RO-" + s))
        .as("a dry run changes nothing")
        .isOne();

    ErasureReport report = erasure.run(RetentionErasure.scheduled());

    assertThat(report.records())
        .extracting(r -> r.agency() + "/" + r.recordId())
        .contains(old, mixedOld)
        .doesNotContain(recent, mixedCurrent);
    // Gone from every table that held the expired records or their person.
    for (String sql :
        List.of(
            "select count(*) from source_person where record_id in (?, ?)",
            "select count(*) from source_event where record_id in (?, ?)",
            "select count(*) from person_record where record_id in (?, ?)",
            "select count(*) from person_link_event where record_id in (?, ?)",
            "select count(*) from match_decision where left_record_id in (?, ?)"
                + " or right_record_id in (?, ?)",
            "select count(*) from household_member where record_id in (?, ?)",
            "select count(*) from extract_person_stage where record_id in (?, ?)")) {
      Object[] params =
          sql.contains("right_record_id")
              ? new Object[] {"RO-" + s, "RM-" + s, "RO-" + s, "RM-" + s}
              : new Object[] {"RO-" + s, "RM-" + s};
      assertThat(rows.count(sql, params)).as(sql).isZero();
    }
    assertThat(rows.count("select count(*) from review_task where id = ?", namingOld)).isZero();
    assertThat(rows.count("select count(*) from review_task where id = ?", notNamingOld)).isOne();
    assertThat(
            jdbc.sql(
                    "select detail->'otherPairs'->0->'right'->>'recordId'"
                        + " || ' ' || jsonb_array_length(detail->'otherPairs')"
                        + " from review_task where id = ?")
                .param(notNamingOld)
                .query(String.class)
                .single())
        .as("the other pair naming the expired record is gone, the other kept")
        .isEqualTo("RX-" + s + " 1");
    assertThat(rows.count("select count(*) from extract_warning where extract_id = ?", oldDrop))
        .isZero();
    assertThat(rows.count("select count(*) from family_member where person_id = ?", "P-OLD-" + s))
        .isZero();
    assertThat(rows.count("select count(*) from household where id = ?", "H-GONE-" + s)).isZero();
    String digests = "select count(*) from family_grouping_input where person_id = ?";
    assertThat(rows.count(digests, "P-OLD-" + s)).isZero();
    assertThat(rows.count(digests, "P-NEW-" + s)).isOne();
    assertThat(
            rows.count(
                "select count(*) from person where id = ? and retired_at is not null",
                "P-OLD-" + s))
        .isOne();
    assertThat(
            rows.count(
                "select count(*) from family where id = ? and retired_at is not null",
                "F-GONE-" + s))
        .isOne();
    assertThat(report.personsRetired()).contains("P-OLD-" + s);
    assertThat(report.familiesRetired()).contains("F-GONE-" + s).doesNotContain("F-KEPT-" + s);

    // Within retention, and the current record of a person who also had an expired one, stay.
    assertThat(rows.count("select count(*) from source_person where record_id = ?", "RN-" + s))
        .isOne();
    assertThat(rows.count("select count(*) from source_event where record_id = ?", "RN-" + s))
        .isOne();
    assertThat(rows.count("select count(*) from source_person where record_id = ?", "HM-" + s))
        .isOne();
    assertThat(rows.count("select count(*) from person_record where person_id = ?", "P-MIX-" + s))
        .isOne();
    assertThat(
            rows.count(
                "select count(*) from family where id = ? and retired_at is null", "F-KEPT-" + s))
        .isOne();
    assertThat(
            rows.count(
                "select count(*) from household_member where household_id = ?", "H-KEPT-" + s))
        .isOne();
    assertThat(
            rows.count("select count(*) from match_decision where left_record_id = ?", "RN-" + s))
        .isOne();
    assertThat(rows.count("select count(*) from extract_warning where extract_id = ?", recentDrop))
        .isOne();

    // Search no longer finds the erased person; the one within retention is still found.
    index.refresh();
    assertThat(found("Thaddeus Oldcastle")).doesNotContain("P-OLD-" + s);
    assertThat(found("Nerys Newbold")).contains("P-NEW-" + s);

    // Audited by id, without names.
    List<String> details =
        jdbc.sql(
                "select coalesce(detail, '') from audit_entry where action = 'ERASURE'"
                    + " and target_type = 'source-record' and target_id = ?")
            .param(old)
            .query(String.class)
            .list();
    assertThat(details).hasSize(1);
    assertThat(details.getFirst()).contains("P-OLD-" + s).doesNotContain("Oldcastle");

    // A second run finds nothing more of these.
    assertThat(erasure.dryRun().records())
        .extracting(r -> r.agency() + "/" + r.recordId())
        .doesNotContain(old, mixedOld, recent);
  }

  @Test
  void onlyAnAdministratorRunsRetention() throws Exception {
    assertThat(call("GET", "/api/retention/due", "admin").statusCode()).isEqualTo(200);
    assertThat(call("POST", "/api/retention/runs?dryRun=true", "admin").statusCode())
        .isEqualTo(200);
    HttpResponse<String> run = call("POST", "/api/retention/runs", "admin");
    assertThat(run.statusCode()).isEqualTo(200);
    assertThat(run.body()).contains("\"dryRun\":false");
    for (String user : List.of("lead", "keyworker1", "auditor", "steward", "police-upload")) {
      assertThat(call("GET", "/api/retention/due", user).statusCode()).as(user).isEqualTo(403);
      assertThat(call("POST", "/api/retention/runs", user).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/retention/due"))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isEqualTo(401);
  }

  private HttpResponse<String> call(String method, String path, String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private List<String> found(String text) {
    SearchOutcome outcome = search.search(text, new Visibility.Everyone(), 10);
    assertThat(outcome).isInstanceOf(SearchOutcome.Found.class);
    return ((SearchOutcome.Found) outcome).hits().stream().map(PersonHit::personId).toList();
  }

  private static PersonDocument document(String personId, String given, String family) {
    return new PersonDocument(
        personId,
        given + " " + family,
        List.of(given, family),
        List.of(family),
        LocalDate.of(2015, 5, 17),
        "ZZ1 1AA",
        Set.of(),
        null,
        Set.of("police".toLowerCase(Locale.ROOT)));
  }

  private static String otherPair(String left, String right, double weight) {
    String[] l = left.split("/", 2);
    String[] r = right.split("/", 2);
    return "{\"left\": {\"agency\": \"%s\", \"recordId\": \"%s\"}, \"right\": {\"agency\": \"%s\", \"recordId\": \"%s\"}, \"matchWeight\": %s, \"matchProbability\": 0.5}"
        .formatted(l[0], l[1], r[0], r[1], weight);
  }
}
