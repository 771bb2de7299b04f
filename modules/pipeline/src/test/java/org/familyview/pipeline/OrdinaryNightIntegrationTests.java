package org.familyview.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.familyview.matching.SourceRecord;
import org.familyview.pipeline.run.PipelineRun;
import org.familyview.pipeline.run.PipelineRuns;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ordinary night (issue 14): after a first night, some records are new, some gone and some
 * changed, and the next night runs on top of everything the first left (stable ids, lineage, open
 * tasks, the stored model, the families and their ids). What it makes must be what a full re-run
 * over the same records makes from nothing but the same model: the same people, each the same set
 * of current records, and the same families of them. This is the equality any incremental step must
 * keep (docs/matching.md §10). The families step regroups only the people around what changed and
 * leaves the other families' rows as they were: asserted too, so the equality is that of the
 * incremental path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrdinaryNightIntegrationTests {

  static final Duration WAIT = Duration.ofSeconds(240);
  static final List<SourceRecord> WORLD = SourceRows.population(20261207L, 600);

  @Autowired PipelineRuns runs;
  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;

  @Test
  void aNightAfterNewGoneAndChangedRecordsMakesThePeopleAndFamiliesOfAFullReRun() throws Exception {
    PipelineFixture.startFromNothing(jdbc);
    // The first twelve records arrive only on the second night.
    SourceRows.load(template, WORLD.subList(12, WORLD.size()));
    UUID first = runs.request("steward", false);
    complete(first);
    Set<Set<String>> firstPeople = people();

    SourceRows.load(template, WORLD.subList(0, 12));
    int gone = retire(WORLD.subList(100, 112));
    int changed = change(WORLD.subList(200, 212));
    UUID ordinary = runs.request("steward", false);
    complete(ordinary);
    Set<Set<String>> ordinaryPeople = people();
    Set<Set<String>> ordinaryFamilies = families();
    Map<String, Long> familiesBy = familiesWrittenBy();
    Map<String, Long> peopleBy = peopleGroupedBy();

    // The full re-run: the same source records and the same stored model, nothing else kept.
    PipelineFixture.wipe(jdbc, PipelineFixture.DERIVED);
    complete(runs.request("steward", false));

    assertThat(gone).isEqualTo(12);
    assertThat(changed).isEqualTo(12);
    assertThat(ordinaryPeople).isNotEqualTo(firstPeople);
    assertThat(ordinaryPeople).hasSizeGreaterThan(300);
    assertThat(ordinaryFamilies).hasSizeGreaterThan(50);
    assertThat(people()).isEqualTo(ordinaryPeople);
    // The ordinary night took the incremental path: it regrouped the people around the 36 records
    // and left most families' rows as the first night wrote them.
    long families = familiesBy.values().stream().mapToLong(Long::longValue).sum();
    assertThat(familiesBy.getOrDefault(ordinary.toString(), 0L)).isPositive();
    assertThat(familiesBy.getOrDefault(first.toString(), 0L)).isGreaterThan(families / 2);
    long grouped = peopleBy.values().stream().mapToLong(Long::longValue).sum();
    assertThat(peopleBy.getOrDefault(ordinary.toString(), 0L)).isPositive().isLessThan(grouped / 2);
    Set<Set<String>> reRunFamilies = families();
    assertThat(withCurrentMembers(reRunFamilies)).isEqualTo(withCurrentMembers(ordinaryFamilies));
    // All the ordinary night has beyond: families whose members have all left every snapshot. They
    // stay, with their chronology (docs/extract-contract.md §8); a re-run from the current records
    // alone cannot know of them.
    Set<Set<String>> onlyOrdinary = new HashSet<>(ordinaryFamilies);
    onlyOrdinary.removeAll(reRunFamilies);
    assertThat(onlyOrdinary).allSatisfy(family -> assertThat(family).isEmpty());
  }

  /** How many live families each run last wrote the members of. */
  private Map<String, Long> familiesWrittenBy() {
    Map<String, Long> by = new TreeMap<>();
    jdbc.sql(
            "select m.run_id::text, count(distinct m.family_id) from family_member m join family f"
                + " on f.id = m.family_id where f.retired_at is null group by m.run_id")
        .query(
            (java.sql.ResultSet rs) -> {
              by.put(rs.getString(1), rs.getLong(2));
            });
    return by;
  }

  /** How many people each run last grouped (the families step's record of its inputs). */
  private Map<String, Long> peopleGroupedBy() {
    Map<String, Long> by = new TreeMap<>();
    jdbc.sql("select run_id::text, count(*) from family_grouping_input group by run_id")
        .query(
            (java.sql.ResultSet rs) -> {
              by.put(rs.getString(1), rs.getLong(2));
            });
    return by;
  }

  private static Set<Set<String>> withCurrentMembers(Set<Set<String>> families) {
    Set<Set<String>> current = new HashSet<>(families);
    current.removeIf(Set::isEmpty);
    return current;
  }

  /** Left out of the next snapshot: no longer current, as the load marks them. */
  private int retire(List<SourceRecord> records) {
    int n = 0;
    for (SourceRecord r : records) {
      n +=
          jdbc.sql(
                  "update source_person set current = false where agency = upper(?) and"
                      + " record_id = ?")
              .params(r.agency(), r.recordId())
              .update();
    }
    return n;
  }

  /** A new phone number and a keying slip in the given name, re-delivered. */
  private int change(List<SourceRecord> records) {
    int n = 0;
    for (SourceRecord r : records) {
      n +=
          jdbc.sql(
                  "update source_person set phone = '07700 900' || lpad((length(record_id) * 37"
                      + " % 1000)::text, 3, '0'), given_name = case when length(given_name) > 3"
                      + " then left(given_name, length(given_name) - 1) else given_name end,"
                      + " content_hash = md5(record_id || 'changed'), needs_matching = true"
                      + " where agency = upper(?) and record_id = ?")
              .params(r.agency(), r.recordId())
              .update();
    }
    return n;
  }

  /** Each live person as the set of its current records. */
  private Set<Set<String>> people() {
    return new HashSet<>(recordsByPerson().values());
  }

  /** Each live family as the set of its members' current records. */
  private Set<Set<String>> families() {
    Map<String, Set<String>> byPerson = recordsByPerson();
    Map<String, Set<String>> byFamily = new TreeMap<>();
    jdbc.sql(
            "select m.family_id, m.person_id from family_member m join family f on f.id ="
                + " m.family_id where f.retired_at is null")
        .query(
            (java.sql.ResultSet rs) -> {
              byFamily
                  .computeIfAbsent(rs.getString(1), f -> new TreeSet<>())
                  .addAll(byPerson.getOrDefault(rs.getString(2), Set.of()));
            });
    return new HashSet<>(byFamily.values());
  }

  private Map<String, Set<String>> recordsByPerson() {
    Map<String, Set<String>> byPerson = new TreeMap<>();
    jdbc.sql(
            "select r.person_id, r.agency || '/' || r.record_id from person_record r join"
                + " source_person s on s.agency = r.agency and s.record_id = r.record_id join"
                + " person p on p.id = r.person_id where s.current and p.retired_at is null")
        .query(
            (java.sql.ResultSet rs) -> {
              byPerson.computeIfAbsent(rs.getString(1), p -> new TreeSet<>()).add(rs.getString(2));
            });
    return byPerson;
  }

  private PipelineRun complete(UUID id) throws InterruptedException {
    return PipelineFixture.complete(runs, id, WAIT);
  }
}
