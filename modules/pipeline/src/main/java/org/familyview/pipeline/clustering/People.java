package org.familyview.pipeline.clustering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.familyview.matching.RecordKey;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a run's people: {@code person}, {@code person_record} (only the records whose person or
 * link changed), a {@code person_link_event} for every record that changed person, {@code
 * person_lineage} for merges and splits between earlier ids, and retires the ids left without
 * records.
 */
@Component
class People {

  private static final int BATCH = 5_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  People(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** A record's person and link as the people tables hold them now. */
  record Held(
      String personId,
      String linkType,
      @Nullable String linkedToAgency,
      @Nullable String linkedToRecordId,
      @Nullable String modelVersion) {}

  Map<RecordKey, Held> held() {
    Map<RecordKey, Held> held = new HashMap<>();
    jdbc.sql(
            "select agency, record_id, person_id, link_type, linked_to_agency,"
                + " linked_to_record_id, model_version from person_record")
        .query(
            rs -> {
              held.put(
                  new RecordKey(rs.getString(1), rs.getString(2)),
                  new Held(
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7)));
            });
    return held;
  }

  /** The highest person number ever issued, retired ids included. */
  long highestIssued() {
    return jdbc.sql(
            "select coalesce(max(substring(id from 2)::bigint), 0) from person"
                + " where id ~ '^P[0-9]+$'")
        .query(Long.class)
        .single();
  }

  /** What changed, for the step's counts and the tests. */
  record Written(long recordsChanged, long merges, long splits, long retired) {}

  Written write(
      UUID runId,
      List<RecordKey> keys,
      Placement[] placements,
      List<String> personOfCluster,
      Map<RecordKey, Held> held,
      @Nullable String modelVersion,
      Instant now) {
    Timestamp at = Timestamp.from(now);
    Set<String> previouslyHeld = new HashSet<>();
    held.values().forEach(h -> previouslyHeld.add(h.personId()));
    List<Object[]> people = new ArrayList<>();
    for (String id : new LinkedHashSet<>(personOfCluster)) {
      if (!previouslyHeld.contains(id)) {
        people.add(new Object[] {id, at});
      }
    }
    batch(
        "insert into person (id, created_at) values (?, ?)"
            + " on conflict (id) do update set retired_at = null",
        people);

    List<Object[]> upserts = new ArrayList<>();
    List<Object[]> events = new ArrayList<>();
    Map<String, Set<String>> newIdsOfOld = new TreeMap<>();
    Map<String, Set<String>> oldIdsOfNew = new TreeMap<>();
    for (int i = 0; i < keys.size(); i++) {
      RecordKey key = keys.get(i);
      Placement p = placements[i];
      String person = personOfCluster.get(p.cluster());
      Held before = held.get(key);
      if (before != null) {
        newIdsOfOld.computeIfAbsent(before.personId(), k -> new TreeSet<>()).add(person);
        oldIdsOfNew.computeIfAbsent(person, k -> new TreeSet<>()).add(before.personId());
      }
      boolean moved = before == null || !before.personId().equals(person);
      if (moved || !sameLink(before, p, modelVersion)) {
        upserts.add(
            new Object[] {
              key.agency(),
              key.recordId(),
              person,
              p.linkType(),
              p.linkedTo() == null ? null : p.linkedTo().agency(),
              p.linkedTo() == null ? null : p.linkedTo().recordId(),
              p.matchWeight(),
              p.matchProbability(),
              p.reason(),
              modelVersion,
              runId,
              at
            });
      }
      if (moved) {
        if (before != null) {
          events.add(
              event(
                  before.personId(),
                  key,
                  "UNLINKED",
                  before.linkType(),
                  null,
                  modelVersion,
                  runId,
                  null,
                  "now held by " + person,
                  at));
        }
        events.add(
            event(
                person,
                key,
                "LINKED",
                p.linkType(),
                p.matchProbability(),
                modelVersion,
                runId,
                p.decidedBy(),
                p.reason(),
                at));
      }
    }
    batch(
        "insert into person_record (agency, record_id, person_id, link_type, linked_to_agency,"
            + " linked_to_record_id, match_weight, match_probability, reason, model_version,"
            + " run_id, linked_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (agency, record_id) do update set person_id = excluded.person_id,"
            + " link_type = excluded.link_type, linked_to_agency = excluded.linked_to_agency,"
            + " linked_to_record_id = excluded.linked_to_record_id,"
            + " match_weight = excluded.match_weight,"
            + " match_probability = excluded.match_probability, reason = excluded.reason,"
            + " model_version = excluded.model_version, run_id = excluded.run_id,"
            + " linked_at = excluded.linked_at",
        upserts);
    batch(
        "insert into person_link_event (person_id, agency, record_id, action, link_type,"
            + " match_probability, model_version, run_id, decided_by, reason, at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        events);

    // An id that keeps records is a live person, whatever happened to it before.
    jdbc.sql(
            "update person set retired_at = null where retired_at is not null"
                + " and id in (select person_id from person_record)")
        .update();

    List<Object[]> lineage = new ArrayList<>();
    long splits = 0;
    long merges = 0;
    for (Map.Entry<String, Set<String>> e : newIdsOfOld.entrySet()) {
      if (e.getValue().size() > 1) {
        splits++;
        for (String to : e.getValue()) {
          if (!to.equals(e.getKey())) {
            lineage.add(new Object[] {"SPLIT", e.getKey(), to, runId, at});
          }
        }
      }
    }
    for (Map.Entry<String, Set<String>> e : oldIdsOfNew.entrySet()) {
      if (e.getValue().size() > 1) {
        merges++;
        for (String from : e.getValue()) {
          if (!from.equals(e.getKey())) {
            lineage.add(new Object[] {"MERGE", from, e.getKey(), runId, at});
          }
        }
      }
    }
    batch(
        "insert into person_lineage (kind, from_person, to_person, run_id, decided_by, at)"
            + " values (?, ?, ?, ?, null, ?)",
        lineage);
    long retired =
        jdbc.sql(
                "update person set retired_at = ? where retired_at is null and not exists"
                    + " (select 1 from person_record r where r.person_id = person.id)")
            .param(at)
            .update();
    return new Written(upserts.size(), merges, splits, retired);
  }

  private static boolean sameLink(Held before, Placement p, @Nullable String modelVersion) {
    return before.linkType().equals(p.linkType())
        && Objects.equals(
            before.linkedToAgency(), p.linkedTo() == null ? null : p.linkedTo().agency())
        && Objects.equals(
            before.linkedToRecordId(), p.linkedTo() == null ? null : p.linkedTo().recordId())
        && (p.linkType().equals(Placement.SOLE)
            || p.linkType().equals(Placement.MANUAL)
            || Objects.equals(before.modelVersion(), modelVersion));
  }

  private static Object[] event(
      String person,
      RecordKey key,
      String action,
      String linkType,
      @Nullable Double probability,
      @Nullable String modelVersion,
      UUID runId,
      @Nullable String decidedBy,
      @Nullable String reason,
      Timestamp at) {
    return new Object[] {
      person,
      key.agency(),
      key.recordId(),
      action,
      linkType,
      probability,
      modelVersion,
      runId,
      decidedBy,
      reason,
      at
    };
  }

  /** The records of this run are matched: they no longer wait for the next run. */
  long matched(UUID runId) {
    return jdbc.sql(
            "update source_person s set needs_matching = false from pipeline_match_record m"
                + " where m.run_id = ? and s.agency = m.agency and s.record_id = m.record_id"
                + " and s.needs_matching")
        .param(runId)
        .update();
  }

  private void batch(String sql, List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += BATCH) {
      template.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
    }
  }
}
