package org.familyview.pipeline.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.familyview.linktool.SyntheticPopulation;
import org.familyview.matching.SourceRecord;
import org.familyview.pipeline.PipelineFixture;
import org.familyview.pipeline.run.PipelineRun;
import org.familyview.pipeline.run.PipelineRuns;
import org.familyview.search.events.EventsIndex;
import org.familyview.search.families.FamiliesIndex;
import org.familyview.search.people.PeopleIndex;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The indexing step's incremental path against the real PostgreSQL and Elasticsearch, through whole
 * nightly runs (schema pipeline_it, indices familyview-pipeline-it-*): after a first full build, a
 * further extract changes some people and events, the next run updates the live indices in place,
 * and what they then hold equals, document for document and field for field, what a full rebuild of
 * the same database makes. And the cases where a run must rebuild in full instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncrementalIndexingIntegrationTests {

  static final Duration WAIT = Duration.ofSeconds(180);
  static final List<SourceRecord> POPULATION =
      SyntheticPopulation.generate(20261122L, 0.3, 500).records();

  @Autowired PipelineRuns runs;
  @Autowired IndexingStage stage;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;
  @Autowired ElasticsearchClient elastic;
  @Autowired PeopleIndex people;
  @Autowired FamiliesIndex families;
  @Autowired EventsIndex events;

  @BeforeEach
  void aLoadedPopulationWithEvents() {
    PipelineFixture.startFromNothing(jdbc);
    UUID extract = UUID.randomUUID();
    loadPersons(POPULATION, extract);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < POPULATION.size(); i++) {
      SourceRecord r = POPULATION.get(i);
      for (int n = 0; n < 1 + i % 3; n++) {
        rows.add(event(r, "E" + i + "-" + n, LocalDate.of(2020, 1 + n, 1 + i % 28), extract));
      }
    }
    insertEvents(rows);
  }

  @Test
  void aSecondRunUpdatesTheLiveIndicesInPlaceToWhatAFullRebuildMakes() throws Exception {
    complete(runs.request("steward", false));
    assertThat(last().mode()).isEqualTo(IndexingStage.FULL);
    List<String> built = live();

    // A further extract: a record that links to an existing person, a changed postcode, a
    // person erased whole, a record erased from a person who keeps others, and a new event.
    UUID extract = UUID.randomUUID();
    SourceRecord twin = withNhsNumberAndOneRecord(true);
    SourceRecord newcomer =
        new SourceRecord(
            twin.agency(),
            twin.recordId() + "-2",
            twin.givenName(),
            twin.middleNames(),
            twin.familyName(),
            twin.aliases(),
            twin.dateOfBirth(),
            twin.sex(),
            twin.address(),
            twin.postcode(),
            twin.nhsNumber(),
            twin.upn(),
            twin.pncId(),
            twin.phone(),
            twin.email(),
            twin.householdId());
    loadPersons(List.of(newcomer), extract);
    SourceRecord mover = withNhsNumberAndOneRecord(false);
    jdbc.sql(
            "update source_person set postcode = 'LS6 2AB', content_hash = md5(random()::text),"
                + " needs_matching = true, extract_id = ?, loaded_at = now()"
                + " where agency = ? and record_id = ?")
        .params(extract, key(mover), mover.recordId())
        .update();
    String erasedPerson = personWith(1, personOf(twin), personOf(mover));
    eraseRecords(erasedPerson, null);
    String keeper = personWith(2);
    String keptRecord = recordsOf(keeper).get(0);
    eraseRecords(keeper, keptRecord);
    SourceRecord eventful = POPULATION.get(7);
    insertEvents(List.<Object[]>of(event(eventful, "NEW-1", LocalDate.of(2026, 11, 1), extract)));

    complete(runs.request("steward", false));

    IndexedState.Build second = last();
    assertThat(second.mode()).as("the second run").isEqualTo(IndexingStage.INCREMENTAL);
    assertThat(live()).as("the same concrete indices behind the aliases").isEqualTo(built);
    assertThat(personOf(newcomer))
        .as("the new record joined an existing person")
        .isEqualTo(personOf(twin));
    Map<String, Map<String, Object>> updated = documents();
    assertThat(updated.get("people")).doesNotContainKey(erasedPerson).containsKey(keeper);
    assertThat(updated.get("events"))
        .containsKey(key(eventful).toLowerCase(Locale.ROOT) + ":NEW-1");
    assertThat(written(second.runId())).as("documents written in place").isPositive();

    jdbc.sql("delete from index_build").update();
    stage.run(UUID.randomUUID());

    assertThat(last().mode()).isEqualTo(IndexingStage.FULL);
    assertThat(live()).doesNotContainAnyElementsOf(built);
    Map<String, Map<String, Object>> rebuilt = documents();
    for (String kind : List.of("people", "families", "events")) {
      assertThat(updated.get(kind)).as(kind).isNotEmpty().isEqualTo(rebuilt.get(kind));
    }
  }

  @Test
  void aRunRebuildsInFullWhenTheIndexIsNotWhatTheLastRunLeftOrTooMuchChanged() throws Exception {
    complete(runs.request("steward", false));
    stage.run(UUID.randomUUID());
    assertThat(last().mode()).as("nothing changed").isEqualTo(IndexingStage.INCREMENTAL);

    jdbc.sql("update index_build set mapping_version = 'older'").update();
    assertFullBecause("the mappings changed");

    jdbc.sql("update index_build set status = 'FAILED'").update();
    assertFullBecause("did not complete");

    List<String> familiesLive = families.index().currentIndices();
    elastic.indices().delete(d -> d.index(familiesLive));
    assertFullBecause("is not the index the last run left behind");

    jdbc.sql("update index_build set started_at = started_at - interval '8 days'").update();
    assertFullBecause("the last full build is older than");

    jdbc.sql(
            "update source_person set postcode = 'LS6 2AB'"
                + " where record_id in (select record_id from source_person order by record_id"
                + " limit 200)")
        .update();
    assertFullBecause("people changed (more than 20 %)");
    stage.run(UUID.randomUUID());
    assertThat(last().mode()).as("after the full build").isEqualTo(IndexingStage.INCREMENTAL);
  }

  private void assertFullBecause(String reason) {
    stage.run(UUID.randomUUID());
    assertThat(last().mode()).isEqualTo(IndexingStage.FULL);
    assertThat(
            jdbc.sql("select reason from index_build order by started_at desc limit 1")
                .query(String.class)
                .single())
        .contains(reason);
  }

  private IndexedState.Build last() {
    return new IndexedState(
            jdbc,
            new org.springframework.jdbc.support.JdbcTransactionManager(template.getDataSource()))
        .last()
        .orElseThrow();
  }

  private long written(UUID runId) {
    return jdbc.sql(
            "select people_written + families_written + events_written + people_deleted"
                + " + events_deleted from index_build where run_id = ?")
        .param(runId)
        .query(Long.class)
        .single();
  }

  private List<String> live() throws Exception {
    List<String> live = new ArrayList<>();
    live.addAll(people.currentIndices());
    live.addAll(families.currentIndices());
    live.addAll(events.currentIndices());
    return live;
  }

  /** Every document of the three indices: the source, or for events (no source) its doc values. */
  private Map<String, Map<String, Object>> documents() throws Exception {
    Map<String, Map<String, Object>> all = new TreeMap<>();
    all.put("people", sources(people.alias()));
    all.put("families", sources(families.alias()));
    elastic.indices().refresh(r -> r.index(events.alias()));
    SearchResponse<Object> response =
        elastic.search(
            s ->
                s.index(events.alias())
                    .size(10_000)
                    .docvalueFields(f -> f.field("agency"))
                    .docvalueFields(f -> f.field("person_id"))
                    .docvalueFields(f -> f.field("family_id"))
                    .docvalueFields(f -> f.field("type"))
                    .docvalueFields(f -> f.field("role"))
                    .docvalueFields(f -> f.field("occurred_on"))
                    .docvalueFields(f -> f.field("sensitivity")),
            Object.class);
    Map<String, Object> docs = new TreeMap<>();
    for (Hit<Object> hit : response.hits().hits()) {
      Map<String, String> fields = new TreeMap<>();
      hit.fields().forEach((name, value) -> fields.put(name, value.toJson().toString()));
      docs.put(hit.id(), fields.toString());
    }
    all.put("events", docs);
    return all;
  }

  private Map<String, Object> sources(String alias) throws Exception {
    elastic.indices().refresh(r -> r.index(alias));
    SearchResponse<Object> response =
        elastic.search(s -> s.index(alias).size(10_000), Object.class);
    assertThat(response.hits().total().value()).isLessThan(10_000);
    Map<String, Object> docs = new TreeMap<>();
    for (Hit<Object> hit : response.hits().hits()) {
      docs.put(hit.id(), String.valueOf(hit.source()));
    }
    return docs;
  }

  /** A record with an NHS number whose person holds it alone (and, if asked, has events). */
  private SourceRecord withNhsNumberAndOneRecord(boolean first) {
    List<SourceRecord> found = new ArrayList<>();
    for (SourceRecord r : POPULATION) {
      if (r.nhsNumber() != null && !r.nhsNumber().isBlank()) {
        String person = personOf(r);
        if (recordsOf(person).size() == 1) {
          found.add(r);
        }
      }
    }
    return first ? found.get(0) : found.get(found.size() - 1);
  }

  /** The last live person (by id) with this many records, events, and none of the ids given. */
  private String personWith(int records, String... except) {
    return jdbc.sql(
            "select r.person_id from person_record r join person p on p.id = r.person_id"
                + " where p.retired_at is null and not (r.person_id = any (?))"
                + " group by r.person_id having count(*) = "
                + records
                + " and bool_or(exists (select 1 from source_event e where e.agency = r.agency"
                + " and e.record_id = r.record_id))"
                + " order by r.person_id desc limit 1")
        .param((Object) except)
        .query(String.class)
        .single();
  }

  private List<String> recordsOf(String person) {
    return jdbc.sql(
            "select agency || '/' || record_id from person_record where person_id = ?"
                + " order by agency, record_id")
        .param(person)
        .query(String.class)
        .list();
  }

  private String personOf(SourceRecord r) {
    return jdbc.sql("select person_id from person_record where agency = ? and record_id = ?")
        .params(key(r), r.recordId())
        .query(String.class)
        .single();
  }

  /**
   * What retention erasure does to a person's records: their events, the records and their links
   * go; a person left with none is retired and leaves their family; the person leaves the people
   * index (RetentionErasure removes every person it touched, for the next run to index again).
   */
  private void eraseRecords(String person, String except) throws Exception {
    for (String record : recordsOf(person)) {
      if (record.equals(except)) {
        continue;
      }
      String[] key = record.split("/", 2);
      for (String table : List.of("source_event", "source_person", "person_record")) {
        jdbc.sql("delete from " + table + " where agency = ? and record_id = ?")
            .params(key[0], key[1])
            .update();
      }
    }
    if (except == null) {
      jdbc.sql("delete from family_member where person_id = ?").param(person).update();
      jdbc.sql("update person set retired_at = now() where id = ?").param(person).update();
    }
    people.delete(person);
  }

  private PipelineRun complete(UUID id) throws InterruptedException {
    return PipelineFixture.complete(runs, id, WAIT);
  }

  private static String key(SourceRecord r) {
    return r.agency().toUpperCase(Locale.ROOT);
  }

  private static Object[] event(SourceRecord r, String eventId, LocalDate on, UUID extract) {
    return new Object[] {
      key(r),
      eventId,
      r.recordId(),
      Date.valueOf(on),
      eventId.hashCode() % 2 == 0 ? "police.domestic_abuse_incident" : "health.ae_attendance",
      eventId.hashCode() % 3 == 0 ? "victim" : "subject",
      eventId.hashCode() % 5 == 0 ? "SENSITIVE" : "STANDARD",
      String.format(Locale.ROOT, "%032x", eventId.hashCode() & 0xffffffffL),
      extract,
      Timestamp.from(Instant.now()),
      extract
    };
  }

  private void insertEvents(List<Object[]> rows) {
    template.batchUpdate(
        "insert into source_event (agency, event_id, record_id, occurred_on, type, role,"
            + " sensitivity, content_hash, current, extract_id, source_file, source_line,"
            + " loaded_at, first_extract_id) values (?, ?, ?, ?, ?, ?, ?, ?, true, ?,"
            + " 'events.csv', 1, ?, ?)",
        rows);
  }

  private void loadPersons(List<SourceRecord> records, UUID extract) {
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> rows = new ArrayList<>();
    long line = 1;
    for (SourceRecord r : records) {
      rows.add(
          new Object[] {
            key(r),
            r.recordId(),
            blank(r.givenName()),
            blank(r.familyName()),
            date(r.dateOfBirth()),
            blank(r.sex()),
            blank(r.address()),
            blank(r.postcode()),
            blank(r.nhsNumber()),
            blank(r.householdId()),
            String.format(Locale.ROOT, "%032x", r.hashCode() & 0xffffffffL),
            extract,
            ++line,
            now,
            extract
          });
    }
    template.batchUpdate(
        "insert into source_person (agency, record_id, given_name, family_name, date_of_birth,"
            + " sex, address, postcode, nhs_number, household_id, content_hash, current,"
            + " needs_matching, extract_id, source_file, source_line, loaded_at, first_extract_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, true, ?, 'persons.csv', ?, ?, ?)",
        rows);
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
