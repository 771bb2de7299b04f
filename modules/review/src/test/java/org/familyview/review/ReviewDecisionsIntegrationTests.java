package org.familyview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.familyview.matching.RecordKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Stewards' decisions through the API against the real PostgreSQL and Keycloak: each writes the
 * agreed match_decision constraints and is applied to the people at once, with lineage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewDecisionsIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  ReviewApi api;
  World world;
  final Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS);
  final Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);

  @BeforeEach
  void start() {
    api = new ReviewApi(port);
    world = new World(jdbc);
  }

  @Test
  void aMatchJoinsTwoPeopleWithAMustLinkAndTheLargerKeepsItsId() throws Exception {
    RecordKey h1 = world.record("health", "H1").save();
    RecordKey h2 = world.record("health", "H2").save();
    RecordKey c1 = world.record("council", "C1").save();
    String big = world.person(lastWeek, h1, h2);
    String small = world.person(lastWeek, c1);
    UUID task = world.task(h1, c1).save();

    ReviewApi.Answer answer =
        api.post(
            "/api/review/tasks/" + task + "/decision",
            "steward",
            ReviewApi.decision("MATCH", "Same NHS number on the GP letter"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("status").asString()).isEqualTo("APPLIED");
    assertThat(personOf(c1)).isEqualTo(big);
    assertThat(linkTypeOf(c1)).isEqualTo("MANUAL");
    assertThat(retired(small)).isTrue();
    assertThat(lineage("MERGE", small, big)).isEqualTo(1);
    assertThat(active("MUST_LINK", h1, c1)).isEqualTo(1);
    JsonNode constraint =
        ReviewApi.JSON.readTree(
            jdbc.sql(
                    "select evidence::text from match_decision where review_task_id = ? and kind = 'MUST_LINK'")
                .param(task)
                .query(String.class)
                .single());
    assertThat(constraint.get("fields").size()).as("the evidence the steward saw").isPositive();
    assertThat(
            jdbc.sql(
                    "select decided_by || '|' || reason from match_decision where review_task_id = ?")
                .param(task)
                .query(String.class)
                .single())
        .isEqualTo("steward|Same NHS number on the GP letter");
    assertThat(taskStatus(task)).isEqualTo("DECIDED");
    // One entry, and it says why: the reason is in the trail whichever door the decision used.
    assertThat(
            jdbc.sql(
                    "select detail from audit_entry where action = 'REVIEW_DECISION' and target_id = ? and actor = 'steward'")
                .param(task.toString())
                .query(String.class)
                .list())
        .singleElement()
        .asString()
        .contains("applied as decision")
        .endsWith("; reason: Same NHS number on the GP letter");
  }

  @Test
  void aBadBodyOrAMissingReasonIsA400AndASecondDecisionA409() throws Exception {
    RecordKey a = world.record("health", "A").save();
    RecordKey b = world.record("council", "B").save();
    world.person(lastWeek, a);
    world.person(lastWeek, b);
    UUID task = world.task(a, b).save();
    String path = "/api/review/tasks/" + task + "/decision";

    ReviewApi.Answer noReason = api.post(path, "steward", ReviewApi.decision("NO_MATCH", null));
    ReviewApi.Answer notJson = api.post(path, "steward", "{decision: MATCH");
    ReviewApi.Answer unknown = api.post(path, "steward", ReviewApi.decision("MAYBE", "x"));
    ReviewApi.Answer empty = api.post(path, "steward", "{}");

    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("detail").asString()).contains("needs a reason");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().get("status").asInt()).isEqualTo(400);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(taskStatus(task)).isEqualTo("OPEN");

    assertThat(
            api.post(path, "steward", ReviewApi.decision("NO_MATCH", "Different mothers")).status())
        .isEqualTo(200);
    ReviewApi.Answer again = api.post(path, "steward2", ReviewApi.decision("MATCH", null));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asString()).contains("DECIDED");
    assertThat(active("CANNOT_LINK", a, b)).isEqualTo(1);
    assertThat(active("MUST_LINK", a, b)).isZero();
  }

  @Test
  void aNoMatchOnLinkedRecordsSeparatesThemAndGivesTheEarlierIdBack() throws Exception {
    RecordKey h = world.record("health", "H").save();
    RecordKey c = world.record("council", "C").named("Samira", "Okafor").save();
    RecordKey e = world.record("education", "E").named("Samira", "Okafor").save();
    String kept = world.person(lastWeek, h);
    String earlier = world.person(lastWeek, c, e);
    world.merged(earlier, kept, yesterday);
    UUID task = world.task(h, c).save();

    ReviewApi.Answer answer =
        api.post(
            "/api/review/tasks/" + task + "/decision",
            "steward",
            ReviewApi.decision("NO_MATCH", "Different dates of birth on the birth certificate"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(personOf(h)).isEqualTo(kept);
    assertThat(personOf(c)).isEqualTo(earlier);
    assertThat(personOf(e)).as("the records that came with it go back too").isEqualTo(earlier);
    assertThat(retired(earlier)).isFalse();
    assertThat(active("CANNOT_LINK", h, c)).isEqualTo(1);
    assertThat(answer.json().get("result").get("undone").get("personId").asString())
        .isEqualTo(kept);
  }

  @Test
  void aSplitGivesTheEarlierIdBackThroughLineage() throws Exception {
    RecordKey h = world.record("health", "H").save();
    RecordKey p = world.record("police", "P").save();
    RecordKey c = world.record("council", "C").named("Tom", "Okafor").save();
    RecordKey e = world.record("education", "E").named("Tom", "Okafor").save();
    String kept = world.person(lastWeek, h, p);
    String earlier = world.person(lastWeek, c, e);
    world.merged(earlier, kept, yesterday);
    // The steward works from a task that names the person (a steward reads people only so).
    world.task(h, c).save();

    ReviewApi.Answer answer =
        api.post(
            "/api/review/persons/" + kept + "/split",
            "steward",
            ReviewApi.JSON.writeValueAsString(
                java.util.Map.of(
                    "records", List.of(c, e), "reason", "Father and son share a name")));

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(personOf(c)).isEqualTo(earlier);
    assertThat(personOf(e)).isEqualTo(earlier);
    assertThat(personOf(h)).isEqualTo(kept);
    assertThat(retired(earlier)).isFalse();
    assertThat(lineage("SPLIT", kept, earlier)).isEqualTo(1);
    for (RecordKey leaving : List.of(c, e)) {
      for (RecordKey staying : List.of(h, p)) {
        assertThat(active("CANNOT_LINK", leaving, staying)).isEqualTo(1);
      }
    }
    assertThat(active("MUST_LINK", c, e)).as("the leaving records stay together").isEqualTo(1);
    assertThat(
            api.get("/api/review/persons/" + kept, "steward").json().get("undoableMerges").size())
        .as("the merge is undone by the split")
        .isZero();

    ReviewApi.Answer notTheirs =
        api.post(
            "/api/review/persons/" + kept + "/split",
            "steward",
            ReviewApi.JSON.writeValueAsString(
                java.util.Map.of("records", List.of(c), "reason", "again")));
    assertThat(notTheirs.status()).isEqualTo(400);
  }

  @Test
  void anUnmergeWithdrawsTheMergesMustLinkAndRestoresTheEarlierId() throws Exception {
    RecordKey h = world.record("health", "H").save();
    RecordKey c = world.record("council", "C").save();
    RecordKey e = world.record("education", "E").save();
    String first = world.person(lastWeek, h);
    String second = world.person(lastWeek, c, e);

    ReviewApi.Answer merged =
        api.post(
            "/api/review/persons/" + first + "/merge",
            "steward",
            "{\"otherPersonId\":\""
                + second
                + "\",\"reason\":\"Same person after a name change\"}");
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    assertThat(personOf(c)).isEqualTo(first);
    assertThat(retired(second)).isTrue();
    assertThat(active("MUST_LINK", h, c)).isEqualTo(1);
    assertThat(active("MUST_LINK", h, e))
        .as("every record of the joining person is tied by the steward")
        .isEqualTo(1);

    ReviewApi.Answer unmerged =
        api.post(
            "/api/review/persons/" + first + "/unmerge",
            "steward",
            "{\"mergedPersonId\":\"" + second + "\",\"reason\":\"The name change was a sibling\"}");

    assertThat(unmerged.status()).as(unmerged.body()).isEqualTo(200);
    assertThat(personOf(c)).isEqualTo(second);
    assertThat(personOf(e)).isEqualTo(second);
    assertThat(personOf(h)).isEqualTo(first);
    assertThat(retired(second)).isFalse();
    assertThat(active("MUST_LINK", h, c)).isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from match_decision where kind = 'MUST_LINK' and withdrawn_by = 'steward' and review_decision_id = ?")
                .param(UUID.fromString(merged.json().get("id").asString()))
                .query(Long.class)
                .single())
        .as("both withdrawn, never deleted")
        .isEqualTo(2);
    assertThat(active("MUST_LINK", h, e)).isZero();
    assertThat(active("CANNOT_LINK", c, h)).isEqualTo(1);
    assertThat(active("CANNOT_LINK", e, h)).isEqualTo(1);
    assertThat(lineage("UNMERGE", first, second)).isEqualTo(1);

    ReviewApi.Answer twice =
        api.post(
            "/api/review/persons/" + first + "/unmerge",
            "steward",
            "{\"mergedPersonId\":\"" + second + "\",\"reason\":\"again\"}");
    assertThat(twice.status()).isEqualTo(409);
  }

  @Test
  void aMergeInvolvingAChildWaitsUntilASecondStewardApprovesIt() throws Exception {
    RecordKey child = world.record("education", "E").born(LocalDate.now().minusYears(9)).save();
    RecordKey health = world.record("health", "H").born(LocalDate.now().minusYears(9)).save();
    String pupil = world.person(lastWeek, child);
    String patient = world.person(lastWeek, health);

    ReviewApi.Answer proposed =
        api.post(
            "/api/review/persons/" + pupil + "/merge",
            "steward",
            "{\"otherPersonId\":\""
                + patient
                + "\",\"reason\":\"Same child, school and GP agree\"}");

    assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
    JsonNode pending = proposed.json();
    assertThat(pending.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
    assertThat(pending.get("involvesChild").asBoolean()).isTrue();
    assertThat(personOf(health)).as("nothing applied").isEqualTo(patient);
    assertThat(active("MUST_LINK", child, health)).isZero();
    String id = pending.get("id").asString();
    assertThat(api.get("/api/review/approvals", "steward2").body()).contains(id);

    ReviewApi.Answer own =
        api.post("/api/review/approvals/" + id, "steward", "{\"outcome\":\"APPROVE\"}");
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.json().get("detail").asString()).contains("different data steward");
    assertThat(personOf(health)).isEqualTo(patient);

    ReviewApi.Answer approved =
        api.post(
            "/api/review/approvals/" + id,
            "steward2",
            "{\"outcome\":\"APPROVE\",\"note\":\"Checked the admission register\"}");

    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("approvedBy").asString()).isEqualTo("steward2");
    assertThat(personOf(health)).isEqualTo(pupil);
    assertThat(retired(patient)).isTrue();
    assertThat(active("MUST_LINK", child, health)).isEqualTo(1);
    assertThat(
            api.post("/api/review/approvals/" + id, "steward2", "{\"outcome\":\"APPROVE\"}")
                .status())
        .isEqualTo(409);
  }

  @Test
  void aMatchOnPoliceRecordsThatASecondStewardRejectsIsNeverAppliedAndTheTaskReopens()
      throws Exception {
    RecordKey police = world.record("police", "P").save();
    RecordKey council = world.record("council", "C").save();
    String suspect = world.person(lastWeek, police);
    String tenant = world.person(lastWeek, council);
    UUID task = world.task(police, council).police().save();

    ReviewApi.Answer proposed =
        api.post(
            "/api/review/tasks/" + task + "/decision",
            "steward2",
            ReviewApi.decision("MATCH", "Same address history"));
    assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
    assertThat(taskStatus(task)).isEqualTo("AWAITING_APPROVAL");

    ReviewApi.Answer rejected =
        api.post(
            "/api/review/approvals/" + proposed.json().get("id").asString(),
            "steward",
            "{\"outcome\":\"REJECT\",\"note\":\"The dates of birth are ten years apart\"}");

    assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
    assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
    assertThat(taskStatus(task)).isEqualTo("OPEN");
    assertThat(personOf(police)).isEqualTo(suspect);
    assertThat(personOf(council)).isEqualTo(tenant);
    assertThat(active("MUST_LINK", police, council)).isZero();
  }

  private String personOf(RecordKey r) {
    return jdbc.sql("select person_id from person_record where agency = ? and record_id = ?")
        .param(r.agency())
        .param(r.recordId())
        .query(String.class)
        .single();
  }

  private String linkTypeOf(RecordKey r) {
    return jdbc.sql("select link_type from person_record where agency = ? and record_id = ?")
        .param(r.agency())
        .param(r.recordId())
        .query(String.class)
        .single();
  }

  private boolean retired(String personId) {
    return jdbc.sql("select retired_at is not null from person where id = ?")
        .param(personId)
        .query(Boolean.class)
        .single();
  }

  private long lineage(String kind, String from, String to) {
    return jdbc.sql(
            "select count(*) from person_lineage where kind = ? and from_person = ? and to_person = ?")
        .param(kind)
        .param(from)
        .param(to)
        .query(Long.class)
        .single();
  }

  private String taskStatus(UUID task) {
    return jdbc.sql("select status from review_task where id = ?")
        .param(task)
        .query(String.class)
        .single();
  }

  /** Active constraints of this kind between two records, either way round. */
  private long active(String kind, RecordKey a, RecordKey b) {
    return jdbc.sql(
            """
            select count(*) from match_decision where kind = ? and withdrawn_at is null
              and ((left_agency = ? and left_record_id = ? and right_agency = ? and right_record_id = ?)
                or (left_agency = ? and left_record_id = ? and right_agency = ? and right_record_id = ?))
            """)
        .param(kind)
        .param(a.agency())
        .param(a.recordId())
        .param(b.agency())
        .param(b.recordId())
        .param(b.agency())
        .param(b.recordId())
        .param(a.agency())
        .param(a.recordId())
        .query(Long.class)
        .single();
  }
}
