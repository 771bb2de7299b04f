package org.familyview.linkage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import java.util.function.IntFunction;
import org.familyview.linkage.PersonLinks.Held;
import org.familyview.linkage.PersonLinks.Placed;
import org.familyview.linkage.PersonLinks.Written;
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
class RunLinks {

  private static final int BATCH = 5_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  RunLinks(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

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

  Written write(
      UUID runId,
      int records,
      IntFunction<Placed> placement,
      Collection<String> personIds,
      Map<RecordKey, Held> held,
      @Nullable String modelVersion,
      Instant now) {
    Timestamp at = Timestamp.from(now);
    insertNewPeople(personIds, held, at);
    Changes changes = new Changes(runId, modelVersion, at);
    for (int i = 0; i < records; i++) {
      Placed placed = placement.apply(i);
      changes.add(placed, held.get(placed.key()));
    }
    writeLinks(changes);
    reviveHolders();
    Lineage lineage = lineage(changes, runId, at);
    batch(
        "insert into person_lineage (kind, from_person, to_person, run_id, decided_by, at)"
            + " values (?, ?, ?, ?, null, ?)",
        lineage.rows());
    long retired = retireEmpty(at);
    return new Written(changes.upserts.size(), lineage.merges(), lineage.splits(), retired);
  }

  private void insertNewPeople(
      Collection<String> personIds, Map<RecordKey, Held> held, Timestamp at) {
    Set<String> previouslyHeld = new HashSet<>();
    held.values().forEach(h -> previouslyHeld.add(h.personId()));
    List<Object[]> people = new ArrayList<>();
    for (String id : new LinkedHashSet<>(personIds)) {
      if (!previouslyHeld.contains(id)) {
        people.add(new Object[] {id, at});
      }
    }
    batch(
        "insert into person (id, created_at) values (?, ?)"
            + " on conflict (id) do update set retired_at = null",
        people);
  }

  /** The rows a run changes, and which ids each earlier id went to (and came from). */
  private static final class Changes {
    private final UUID runId;
    private final @Nullable String modelVersion;
    private final Timestamp at;
    private final List<Object[]> upserts = new ArrayList<>();
    private final List<Object[]> events = new ArrayList<>();
    private final Map<String, Set<String>> newIdsOfOld = new TreeMap<>();
    private final Map<String, Set<String>> oldIdsOfNew = new TreeMap<>();

    Changes(UUID runId, @Nullable String modelVersion, Timestamp at) {
      this.runId = runId;
      this.modelVersion = modelVersion;
      this.at = at;
    }

    void add(Placed p, @Nullable Held before) {
      String person = p.personId();
      if (before != null) {
        newIdsOfOld.computeIfAbsent(before.personId(), k -> new TreeSet<>()).add(person);
        oldIdsOfNew.computeIfAbsent(person, k -> new TreeSet<>()).add(before.personId());
      }
      boolean moved = before == null || !before.personId().equals(person);
      if (moved || !sameLink(before, p, modelVersion)) {
        upserts.add(upsert(p));
      }
      if (moved) {
        events(p, before);
      }
    }

    private Object[] upsert(Placed p) {
      return new Object[] {
        p.key().agency(),
        p.key().recordId(),
        p.personId(),
        p.linkType(),
        p.linkedTo() == null ? null : p.linkedTo().agency(),
        p.linkedTo() == null ? null : p.linkedTo().recordId(),
        p.matchWeight(),
        p.matchProbability(),
        p.reason(),
        modelVersion,
        runId,
        at
      };
    }

    private void events(Placed p, @Nullable Held before) {
      if (before != null) {
        events.add(
            event(
                before.personId(),
                p.key(),
                "UNLINKED",
                before.linkType(),
                null,
                null,
                "now held by " + p.personId()));
      }
      events.add(
          event(
              p.personId(),
              p.key(),
              "LINKED",
              p.linkType(),
              p.matchProbability(),
              p.decidedBy(),
              p.reason()));
    }

    private Object[] event(
        String person,
        RecordKey key,
        String action,
        String linkType,
        @Nullable Double probability,
        @Nullable String decidedBy,
        @Nullable String reason) {
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
  }

  private static boolean sameLink(Held before, Placed p, @Nullable String modelVersion) {
    return before.linkType().equals(p.linkType())
        && Objects.equals(
            before.linkedToAgency(), p.linkedTo() == null ? null : p.linkedTo().agency())
        && Objects.equals(
            before.linkedToRecordId(), p.linkedTo() == null ? null : p.linkedTo().recordId())
        && (p.linkType().equals(PersonLinks.SOLE)
            || p.linkType().equals(PersonLinks.MANUAL)
            || Objects.equals(before.modelVersion(), modelVersion));
  }

  private void writeLinks(Changes changes) {
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
        changes.upserts);
    batch(
        "insert into person_link_event (person_id, agency, record_id, action, link_type,"
            + " match_probability, model_version, run_id, decided_by, reason, at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        changes.events);
  }

  /** An id that keeps records is a live person, whatever happened to it before. */
  private void reviveHolders() {
    jdbc.sql(
            "update person set retired_at = null where retired_at is not null"
                + " and id in (select person_id from person_record)")
        .update();
  }

  /** The lineage rows to write, and how many splits and merges they record. */
  private record Lineage(List<Object[]> rows, long splits, long merges) {}

  private static Lineage lineage(Changes changes, UUID runId, Timestamp at) {
    List<Object[]> rows = new ArrayList<>();
    long splits = 0;
    for (Map.Entry<String, Set<String>> e : changes.newIdsOfOld.entrySet()) {
      if (e.getValue().size() > 1) {
        splits++;
        for (String to : e.getValue()) {
          if (!to.equals(e.getKey())) {
            rows.add(new Object[] {"SPLIT", e.getKey(), to, runId, at});
          }
        }
      }
    }
    long merges = 0;
    for (Map.Entry<String, Set<String>> e : changes.oldIdsOfNew.entrySet()) {
      if (e.getValue().size() > 1) {
        merges++;
        for (String from : e.getValue()) {
          if (!from.equals(e.getKey())) {
            rows.add(new Object[] {"MERGE", from, e.getKey(), runId, at});
          }
        }
      }
    }
    return new Lineage(rows, splits, merges);
  }

  private long retireEmpty(Timestamp at) {
    return jdbc.sql(
            "update person set retired_at = ? where retired_at is null and not exists"
                + " (select 1 from person_record r where r.person_id = person.id)")
        .param(at)
        .update();
  }

  private void batch(String sql, List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += BATCH) {
      template.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + BATCH)));
    }
  }
}
