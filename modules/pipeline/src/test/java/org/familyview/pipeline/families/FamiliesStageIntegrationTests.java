package org.familyview.pipeline.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.familyview.linkage.ReviewTasks;
import org.familyview.pipeline.PipelineStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The families step against the real PostgreSQL, in a schema of its own: a small synthetic world of
 * two families and a man living alone, loaded as extracts on 10 January; then the council's record
 * of the father and the health record of the second family's mother move on 2 March.
 */
@SpringBootTest(
    classes = FamiliesStageIntegrationTests.Config.class,
    properties = {
      "spring.datasource.url=${FV_DB_URL:jdbc:postgresql://localhost:5432/familyview}?currentSchema=families_it",
      "spring.datasource.username=${FV_DB_USER:familyview}",
      "spring.datasource.password=${FV_DB_PASSWORD:familyview}",
      "spring.flyway.schemas=families_it",
      "spring.flyway.clean-disabled=false",
      "spring.flyway.locations=classpath:db/migration"
    })
class FamiliesStageIntegrationTests {

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class,
    FlywayAutoConfiguration.class
  })
  @EnableConfigurationProperties(FamiliesProperties.class)
  @Import({
    FamiliesStage.class,
    ResidenceObservations.class,
    FamilyTables.class,
    GroupingInputs.class,
    HouseholdConflictTasks.class,
    ReviewTasks.class
  })
  static class Config {

    /**
     * The schema is this test's alone: emptied and migrated afresh each time, so that migrations
     * added by others since the last run never meet an older history out of order.
     */
    @Bean
    FlywayMigrationStrategy cleanThenMigrate() {
      return flyway -> {
        flyway.clean();
        flyway.migrate();
      };
    }
  }

  static final String HOME = "12 Acacia Avenue, Halifax";
  static final String MILL = "3 Mill Lane, Brighouse";
  static final LocalDate JANUARY = LocalDate.of(2026, 1, 10);
  static final LocalDate MARCH = LocalDate.of(2026, 3, 2);

  @Autowired PipelineStage stage;
  @Autowired JdbcClient jdbc;

  private final UUID councilJanuary = UUID.randomUUID();
  private final UUID educationJanuary = UUID.randomUUID();
  private final UUID healthJanuary = UUID.randomUUID();
  private final UUID policeJanuary = UUID.randomUUID();

  @BeforeEach
  void aSmallWorldLoadedInJanuary() {
    jdbc.sql(
            "truncate household_member, household, family_member, family, family_grouping_input,"
                + " review_task,"
                + " residence_observation, person_record, person, source_event, source_person,"
                + " extract cascade")
        .update();
    extract(councilJanuary, "COUNCIL", JANUARY);
    extract(educationJanuary, "EDUCATION", JANUARY);
    extract(healthJanuary, "HEALTH", JANUARY);
    extract(policeJanuary, "POLICE", JANUARY);
    // The Ahmed family at 12 Acacia Avenue: mother, father, a daughter of nine.
    person(
        "P0000001",
        "COUNCIL",
        "LA1",
        LocalDate.of(1988, 5, 1),
        HOME,
        "HX1 2AB",
        "HH1",
        councilJanuary,
        JANUARY);
    person(
        "P0000001",
        "HEALTH",
        "RX1",
        LocalDate.of(1988, 5, 1),
        HOME,
        "HX1 2AB",
        null,
        healthJanuary,
        JANUARY);
    person(
        "P0000002",
        "COUNCIL",
        "LA2",
        LocalDate.of(1985, 2, 3),
        HOME,
        "HX1 2AB",
        "HH1",
        councilJanuary,
        JANUARY);
    person(
        "P0000002",
        "EDUCATION",
        "ED2",
        LocalDate.of(1985, 2, 3),
        HOME,
        "hx12ab",
        "FAM-1",
        educationJanuary,
        JANUARY);
    person(
        "P0000003",
        "EDUCATION",
        "ED3",
        LocalDate.of(2017, 6, 9),
        HOME,
        "HX1 2AB",
        "FAM-1",
        educationJanuary,
        JANUARY);
    person(
        "P0000003",
        "HEALTH",
        "RX3",
        LocalDate.of(2017, 6, 9),
        "12 ACACIA AVE, HALIFAX",
        null,
        null,
        healthJanuary,
        JANUARY);
    // The Brook family at 3 Mill Lane: a mother and her son of six.
    person(
        "P0000004",
        "HEALTH",
        "RX4",
        LocalDate.of(1990, 8, 8),
        MILL,
        "HD6 1AA",
        null,
        healthJanuary,
        JANUARY);
    person(
        "P0000005",
        "EDUCATION",
        "ED5",
        LocalDate.of(2020, 1, 15),
        MILL,
        "HD6 1AA",
        "FAM-2",
        educationJanuary,
        JANUARY);
    // A man living alone: no family.
    person(
        "P0000006",
        "POLICE",
        "PN6",
        LocalDate.of(1979, 3, 3),
        "8 Quarry Road, Elland",
        "HX5 0QQ",
        null,
        policeJanuary,
        JANUARY);
  }

  @Test
  void groupsTheWorldAndKeepsFamilyIdsAcrossRuns() {
    UUID first = UUID.randomUUID();
    PipelineStage.Counts counts = stage.run(first);

    assertThat(counts.read()).isEqualTo(9);
    assertThat(families())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "F0000001", List.of("P0000001", "P0000002", "P0000003"),
                "F0000002", List.of("P0000004", "P0000005")));
    assertThat(role("P0000001")).isEqualTo("PARENT_OR_CARER");
    assertThat(role("P0000003")).isEqualTo("CHILD");
    assertThat(basis("P0000002"))
        .contains("co-resident at 12 acacia ave halifax", "COUNCIL household HH1");

    stage.run(first);
    Map<String, List<String>> again = families();
    stage.run(UUID.randomUUID());

    assertThat(again).isEqualTo(families());
    assertThat(families()).containsOnlyKeys("F0000001", "F0000002");
    assertThat(jdbc.sql("select count(*) from residence_observation").query(Long.class).single())
        .isEqualTo(9);
    assertThat(jdbc.sql("select count(*) from review_task").query(Long.class).single()).isZero();
  }

  @Test
  void aMoveBetweenExtractsGivesDatedMembershipAndAHouseholdConflict() {
    stage.run(UUID.randomUUID());
    // 2 March: the council's record of the father shows him at a new address and in no household,
    // while the school still lists him at home; the health record of Ms Brook moves too.
    UUID councilMarch = UUID.randomUUID();
    UUID healthMarch = UUID.randomUUID();
    extract(councilMarch, "COUNCIL", MARCH);
    extract(healthMarch, "HEALTH", MARCH);
    move("COUNCIL", "LA2", "40 Station Road, Leeds", "LS1 4DY", councilMarch, MARCH);
    move("HEALTH", "RX4", "7 New Street, Leeds", "LS2 7EE", healthMarch, MARCH);

    UUID run = UUID.randomUUID();
    stage.run(run);
    stage.run(run);

    assertThat(families())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "F0000001", List.of("P0000001", "P0000002", "P0000003"),
                "F0000002", List.of("P0000004", "P0000005")));
    // The history of the father's council record: at home until the day before the March
    // extract, at the new address from its day.
    assertThat(
            jdbc.sql(
                    "select address_key, first_seen, ended_on, ended_by from residence_observation"
                        + " where record_id = 'LA2' order by id")
                .query(
                    (rs, n) ->
                        rs.getString(1)
                            + "|"
                            + rs.getDate(2)
                            + "|"
                            + rs.getDate(3)
                            + "|"
                            + rs.getString(4))
                .list())
        .containsExactly(
            "12 acacia ave halifax|2026-01-10|2026-03-01|MOVED",
            "40 station rd leeds|2026-03-02|null|null");
    // Ms Brook left her family's household on 1 March; her son stays.
    assertThat(membersOn("F0000002", LocalDate.of(2026, 2, 1)))
        .containsExactly("P0000004", "P0000005");
    assertThat(membersOn("F0000002", LocalDate.of(2026, 4, 1))).containsExactly("P0000005");
    assertThat(residentsOn("F0000002", LocalDate.of(2026, 4, 1))).containsExactly("P0000005");
    assertThat(residentsOn("F0000001", LocalDate.of(2026, 2, 1)))
        .containsExactly("P0000001", "P0000002", "P0000003");
    // The father: the council's household lists him until 1 March, the school still does.
    assertThat(
            jdbc.sql(
                    "select concat_ws(' ', hm.agency, coalesce(hm.from_date::text, 'null'),"
                        + " coalesce(hm.to_date::text, 'null'))"
                        + " from household_member hm join household h on h.id = hm.household_id"
                        + " where h.family_id = 'F0000001' and hm.person_id = 'P0000002'"
                        + " order by hm.agency")
                .query(String.class)
                .list())
        .containsExactly("COUNCIL null 2026-03-01", "EDUCATION null null");

    List<Map<String, Object>> tasks =
        jdbc.sql(
                "select kind, status, family_id, records::text as records, person_ids::text as people,"
                    + " agencies::text as agencies, involves_child, involves_police, priority,"
                    + " detail->>'conflict' as conflict, detail->'left'->>'leftOn' as left_on,"
                    + " detail->>'summary' as summary from review_task")
            .query()
            .listOfRows();
    assertThat(tasks).hasSize(1);
    Map<String, Object> task = tasks.getFirst();
    assertThat(task)
        .containsEntry("kind", "HOUSEHOLD_CONFLICT")
        .containsEntry("status", "OPEN")
        .containsEntry("family_id", "F0000001")
        .containsEntry("people", "{P0000002}")
        .containsEntry("agencies", "{COUNCIL,EDUCATION}")
        .containsEntry("involves_child", false)
        .containsEntry("involves_police", false)
        .containsEntry("conflict", "LEFT_BUT_STILL_LISTED")
        .containsEntry("left_on", "2026-03-02");
    assertThat((String) task.get("records"))
        .contains("\"agency\": \"COUNCIL\"", "\"recordId\": \"LA2\"", "\"recordId\": \"ED2\"");
    assertThat((String) task.get("summary"))
        .isEqualTo(
            "COUNCIL LA2 shows the person at another address from 2026-03-02, while EDUCATION ED2"
                + " still lists them at the address.");

    // The next night changes nothing, and raises nothing again.
    stage.run(UUID.randomUUID());
    assertThat(jdbc.sql("select count(*) from review_task").query(Long.class).single()).isOne();
  }

  @Test
  void aFamilyThatNoLongerFormsIsRetiredAndItsIdNeverReused() {
    stage.run(UUID.randomUUID());
    // A wrong link puts Ms Brook's health record into Mrs Ahmed: the two families join, and the
    // one sharing the most people keeps its id.
    relink("RX4", "P0000001");
    stage.run(UUID.randomUUID());
    assertThat(families())
        .containsExactly(
            Map.entry("F0000001", List.of("P0000001", "P0000002", "P0000003", "P0000005")));
    assertThat(
            jdbc.sql("select retired_at is not null from family where id = 'F0000002'")
                .query(Boolean.class)
                .single())
        .isTrue();

    // The link is undone: the Brooks are a family again, under a new id; F0000002 stays retired.
    relink("RX4", "P0000004");
    stage.run(UUID.randomUUID());
    assertThat(families())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "F0000001", List.of("P0000001", "P0000002", "P0000003"),
                "F0000003", List.of("P0000004", "P0000005")));
  }

  private void relink(String recordId, String personId) {
    jdbc.sql("update person_record set person_id = ? where record_id = ?")
        .params(personId, recordId)
        .update();
  }

  private Map<String, List<String>> families() {
    Map<String, List<String>> families = new java.util.TreeMap<>();
    jdbc.sql(
            "select m.family_id, m.person_id from family_member m join family f on f.id ="
                + " m.family_id where f.retired_at is null order by 1, 2")
        .query(
            rs -> {
              families
                  .computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                  .add(rs.getString(2));
            });
    return families;
  }

  private List<String> membersOn(String familyId, LocalDate day) {
    return jdbc.sql(
            "select person_id from family_member where family_id = ?"
                + " and (from_date is null or from_date <= ?) and (to_date is null or to_date >= ?)"
                + " order by 1")
        .params(familyId, Date.valueOf(day), Date.valueOf(day))
        .query(String.class)
        .list();
  }

  private List<String> residentsOn(String familyId, LocalDate day) {
    return jdbc.sql(
            "select distinct hm.person_id from household_member hm"
                + " join household h on h.id = hm.household_id where h.family_id = ?"
                + " and (hm.from_date is null or hm.from_date <= ?)"
                + " and (hm.to_date is null or hm.to_date >= ?) order by 1")
        .params(familyId, Date.valueOf(day), Date.valueOf(day))
        .query(String.class)
        .list();
  }

  private String role(String personId) {
    return jdbc.sql("select role from family_member where person_id = ?")
        .param(personId)
        .query(String.class)
        .single();
  }

  private String basis(String personId) {
    return jdbc.sql("select basis from family_member where person_id = ?")
        .param(personId)
        .query(String.class)
        .single();
  }

  private void extract(UUID id, String agency, LocalDate day) {
    Timestamp at = Timestamp.from(day.atTime(2, 0).toInstant(ZoneOffset.UTC));
    jdbc.sql(
            "insert into extract (id, agency, status, source, uploaded_by, persons_file,"
                + " received_at, started_at, finished_at, applied_at)"
                + " values (?, ?, 'COMPLETED', 'UPLOAD', 'test', 'persons.csv', ?, ?, ?, ?)")
        .params(id, agency, at, at, at, at)
        .update();
  }

  private void person(
      String personId,
      String agency,
      String recordId,
      LocalDate born,
      String address,
      String postcode,
      String householdId,
      UUID extract,
      LocalDate day) {
    Timestamp at = Timestamp.from(day.atTime(2, 0).toInstant(ZoneOffset.UTC));
    jdbc.sql(
            "insert into source_person (agency, record_id, given_name, family_name, date_of_birth,"
                + " address, postcode, household_id, content_hash, current, needs_matching,"
                + " extract_id, source_file, source_line, loaded_at, first_extract_id)"
                + " values (?, ?, 'Synthetic', 'Person', ?, ?, ?, ?, ?, true, false, ?,"
                + " 'persons.csv', 2, ?, ?)")
        .params(
            agency,
            recordId,
            Date.valueOf(born),
            address,
            postcode,
            householdId,
            "0".repeat(32),
            extract,
            at,
            extract)
        .update();
    jdbc.sql("insert into person (id, created_at) values (?, ?) on conflict do nothing")
        .params(personId, at)
        .update();
    jdbc.sql(
            "insert into person_record (agency, record_id, person_id, link_type, linked_at)"
                + " values (?, ?, ?, 'SOLE', ?)")
        .params(agency, recordId, personId, at)
        .update();
  }

  private void move(
      String agency,
      String recordId,
      String address,
      String postcode,
      UUID extract,
      LocalDate day) {
    Timestamp at = Timestamp.from(day.atTime(2, 0).toInstant(ZoneOffset.UTC));
    jdbc.sql(
            "update source_person set address = ?, postcode = ?, household_id = null,"
                + " extract_id = ?, loaded_at = ?, content_hash = ? where agency = ? and record_id = ?")
        .params(address, postcode, extract, at, "1".repeat(32), agency, recordId)
        .update();
  }
}
