package org.familyview.pipeline.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.familyview.linktool.SyntheticPopulation;
import org.familyview.matching.SourceRecord;
import org.familyview.pipeline.PipelineFixture;
import org.familyview.pipeline.run.PipelineRun;
import org.familyview.pipeline.run.PipelineRuns;
import org.familyview.search.events.EventsIndex;
import org.familyview.search.families.FamiliesIndex;
import org.familyview.search.people.PeopleIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The prerequisite for a region's Elasticsearch cluster (docs/scaling.md): the nightly run's
 * indexing step, unchanged, builds the people, families and events indices on a cluster of two real
 * nodes started for this test (TwoNodeCluster, from the distribution in var/), the indices' shards
 * spread over both nodes, every document there. Both nodes are stopped at the end.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "familyview.search.index-prefix=familyview-two-node-it")
class TwoNodeIndexingIntegrationTests {

  static final List<SourceRecord> POPULATION =
      SyntheticPopulation.generate(20261207L, 0.3, 300).records();
  static TwoNodeCluster cluster;

  @Autowired PipelineRuns runs;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;
  @Autowired ElasticsearchClient elastic;
  @Autowired PeopleIndex people;
  @Autowired FamiliesIndex families;
  @Autowired EventsIndex events;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    Optional<Path> home = TwoNodeCluster.distribution();
    assumeTrue(
        home.isPresent(),
        "no Elasticsearch distribution under FV_VAR_DIR: run through ./familyview test");
    cluster = TwoNodeCluster.start(home.get());
  }

  @AfterAll
  static void stopBothNodes() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * The index bookkeeping this test wrote names indices on the two-node cluster, which is gone now:
   * the next test's indexing step, on the suite's own node, must not take them for its own.
   */
  @AfterEach
  void forgetTheTwoNodeIndices() {
    for (String table : List.of("index_build", "index_document", "index_extract")) {
      jdbc.sql("delete from " + table).update();
    }
  }

  @DynamicPropertySource
  static void theTwoNodeCluster(DynamicPropertyRegistry registry) {
    registry.add("spring.elasticsearch.uris", () -> cluster.uris());
  }

  @Test
  void theIndexingStepBuildsEveryIndexOnTheClusterWithShardsOnBothNodes() throws Exception {
    aLoadedPopulationWithEvents();

    PipelineRun run = complete(runs.request("steward", false));

    assertThat(elastic.cluster().health().numberOfNodes()).isEqualTo(2);
    long livePeople =
        jdbc.sql(
                "select count(distinct p.id) from person p join person_record r"
                    + " on r.person_id = p.id where p.retired_at is null")
            .query(Long.class)
            .single();
    long liveFamilies =
        jdbc.sql("select count(*) from family where retired_at is null").query(Long.class).single();
    long currentEvents =
        jdbc.sql("select count(*) from source_event where current").query(Long.class).single();
    assertThat(livePeople).isGreaterThan(100);
    assertThat(liveFamilies).isPositive();
    assertThat(count(people.alias())).isEqualTo(livePeople);
    assertThat(count(families.alias())).isEqualTo(liveFamilies);
    assertThat(count(events.alias())).isEqualTo(currentEvents);
    assertThat(run.steps())
        .filteredOn(s -> s.name().equals("indexing"))
        .singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo("COMPLETED"));

    // The three indices' shards are started and spread over the two nodes: each node took part.
    List<String[]> shards =
        Arrays.stream(
                cluster
                    .get("/_cat/shards/familyview-two-node-it-*?h=index,prirep,state,node")
                    .strip()
                    .split("\n"))
            .map(line -> line.trim().split("\\s+"))
            .toList();
    assertThat(shards).hasSizeGreaterThanOrEqualTo(3);
    assertThat(shards).allSatisfy(s -> assertThat(s[2]).isEqualTo("STARTED"));
    Set<String> nodes = shards.stream().map(s -> s[3]).collect(Collectors.toSet());
    assertThat(nodes).containsExactlyInAnyOrder("node-a", "node-b");
  }

  private long count(String alias) throws Exception {
    elastic.indices().refresh(r -> r.index(alias));
    return elastic.count(c -> c.index(alias)).count();
  }

  private void aLoadedPopulationWithEvents() {
    PipelineFixture.startFromNothing(jdbc);
    UUID extract = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> persons = new ArrayList<>();
    List<Object[]> eventRows = new ArrayList<>();
    for (int i = 0; i < POPULATION.size(); i++) {
      SourceRecord r = POPULATION.get(i);
      String agency = r.agency().toUpperCase(Locale.ROOT);
      persons.add(
          new Object[] {
            agency,
            r.recordId(),
            blank(r.givenName()),
            blank(r.familyName()),
            date(r.dateOfBirth()),
            blank(r.address()),
            blank(r.postcode()),
            blank(r.nhsNumber()),
            blank(r.householdId()),
            String.format(Locale.ROOT, "%032x", r.hashCode() & 0xffffffffL),
            extract,
            i + 2,
            now,
            extract
          });
      for (int n = 0; n < 1 + i % 3; n++) {
        String id = "E" + i + "-" + n;
        eventRows.add(
            new Object[] {
              agency,
              id,
              r.recordId(),
              Date.valueOf(LocalDate.of(2021, 1 + n, 1 + i % 28)),
              String.format(Locale.ROOT, "%032x", id.hashCode() & 0xffffffffL),
              extract,
              now,
              extract
            });
      }
    }
    template.batchUpdate(
        "insert into source_person (agency, record_id, given_name, family_name, date_of_birth,"
            + " address, postcode, nhs_number, household_id, content_hash, current,"
            + " needs_matching, extract_id, source_file, source_line, loaded_at, first_extract_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, true, ?, 'persons.csv', ?, ?, ?)",
        persons);
    template.batchUpdate(
        "insert into source_event (agency, event_id, record_id, occurred_on, type, role,"
            + " sensitivity, content_hash, current, extract_id, source_file, source_line,"
            + " loaded_at, first_extract_id) values (?, ?, ?, ?, 'health.ae_attendance',"
            + " 'subject', 'STANDARD', ?, true, ?, 'events.csv', 1, ?, ?)",
        eventRows);
  }

  private PipelineRun complete(UUID id) throws InterruptedException {
    return PipelineFixture.complete(runs, id, Duration.ofSeconds(180));
  }

  private static Date date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Date.valueOf(LocalDate.parse(value));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
