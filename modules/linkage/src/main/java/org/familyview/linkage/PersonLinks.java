package org.familyview.linkage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.familyview.matching.RecordKey;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who holds which record, and how each person id came to be: {@code person}, {@code person_record},
 * {@code person_link_event} and {@code person_lineage}. The nightly run writes a run's people here
 * ({@link #writeRun}); a steward's decision is applied here at once, so that the steward sees its
 * result before the next run: records move between person ids (link type MANUAL) with a link event
 * each, and merges, splits and unmerges are written as lineage. The nightly run then reproduces the
 * same grouping from the match_decision constraints and keeps these ids.
 */
@Component
public class PersonLinks {

  /** The first record of a person, linked to no other. */
  public static final String SOLE = "SOLE";

  /** A link a steward decided. */
  public static final String MANUAL = "MANUAL";

  private final JdbcClient jdbc;
  private final LinkHistory history;
  private final RunLinks runs;

  PersonLinks(JdbcClient jdbc, LinkHistory history, RunLinks runs) {
    this.jdbc = jdbc;
    this.history = history;
    this.runs = runs;
  }

  public record Person(String id, Instant createdAt, @Nullable Instant retiredAt) {
    public boolean retired() {
      return retiredAt != null;
    }
  }

  /** A record's place in its person, and the link that put it there. */
  public record Membership(
      RecordKey record,
      String personId,
      String linkType,
      @Nullable String linkedTo,
      @Nullable Double matchProbability,
      @Nullable String reason,
      @Nullable String modelVersion,
      Instant linkedAt) {}

  /** A record's person and link as the people tables hold them now (for a run to compare). */
  public record Held(
      String personId,
      String linkType,
      @Nullable String linkedToAgency,
      @Nullable String linkedToRecordId,
      @Nullable String modelVersion) {}

  /** Where a run puts one record, and the link that put it there. */
  public record Placed(
      RecordKey key,
      String personId,
      String linkType,
      @Nullable RecordKey linkedTo,
      @Nullable Double matchWeight,
      @Nullable Double matchProbability,
      @Nullable String reason,
      @Nullable String decidedBy) {}

  /** What a run changed, for the step's counts and the tests. */
  public record Written(long recordsChanged, long merges, long splits, long retired) {}

  // Reads

  public Optional<Person> person(String id) {
    return jdbc.sql("select id, created_at, retired_at from person where id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              Timestamp retired = rs.getTimestamp("retired_at");
              return new Person(
                  rs.getString("id"),
                  rs.getTimestamp("created_at").toInstant(),
                  retired == null ? null : retired.toInstant());
            })
        .optional();
  }

  public Optional<String> personOf(String agency, String recordId) {
    return jdbc.sql("select person_id from person_record where agency = ? and record_id = ?")
        .params(agency, recordId)
        .query(String.class)
        .optional();
  }

  /** The persons holding these records, in the order asked; a record held by none is left out. */
  public Map<RecordKey, String> personOf(Collection<RecordKey> records) {
    Map<RecordKey, String> found = new LinkedHashMap<>();
    for (RecordKey r : records) {
      personOf(r.agency(), r.recordId()).ifPresent(p -> found.put(r, p));
    }
    return found;
  }

  public List<Membership> members(String personId) {
    return jdbc.sql(
            """
            select agency, record_id, person_id, link_type, linked_to_agency, linked_to_record_id,
                   match_probability, reason, model_version, linked_at
            from person_record where person_id = ? order by agency, record_id
            """)
        .param(personId)
        .query(
            (rs, n) -> {
              double probability = rs.getDouble("match_probability");
              boolean noProbability = rs.wasNull();
              String linkedAgency = rs.getString("linked_to_agency");
              return new Membership(
                  new RecordKey(rs.getString("agency"), rs.getString("record_id")),
                  rs.getString("person_id"),
                  rs.getString("link_type"),
                  linkedAgency == null
                      ? null
                      : linkedAgency + "/" + rs.getString("linked_to_record_id"),
                  noProbability ? null : probability,
                  rs.getString("reason"),
                  rs.getString("model_version"),
                  rs.getTimestamp("linked_at").toInstant());
            })
        .list();
  }

  public List<RecordKey> recordsOf(String personId) {
    return members(personId).stream().map(Membership::record).toList();
  }

  /** Everything that happened to a person id, oldest first; empty if there is no such id. */
  public Optional<PersonHistory> history(String personId) {
    return history.history(personId);
  }

  /** Records ever linked into a person, by the link events. */
  public Set<RecordKey> everHeld(String personId) {
    return new LinkedHashSet<>(
        jdbc.sql(
                """
                select distinct agency, record_id from person_link_event
                where person_id = ? and action = 'LINKED' order by agency, record_id
                """)
            .param(personId)
            .query((rs, n) -> new RecordKey(rs.getString(1), rs.getString(2)))
            .list());
  }

  /**
   * The earlier ids of a person: those merged into it (lineage MERGE from → this) that hold no
   * record now, each with the records it once held (from the link events), most recent merge first.
   * Split and unmerge give these ids back rather than minting new ones.
   */
  public Map<String, Set<RecordKey>> earlierIds(String personId) {
    Map<String, Set<RecordKey>> earlier = new LinkedHashMap<>();
    List<String> merged =
        jdbc.sql(
                """
                select l.from_person from person_lineage l
                where l.kind = 'MERGE' and l.to_person = ? and l.from_person <> ?
                  and not exists (select 1 from person_record r where r.person_id = l.from_person)
                group by l.from_person order by max(l.at) desc, l.from_person
                """)
            .param(personId)
            .param(personId)
            .query(String.class)
            .list();
    for (String id : merged) {
      earlier.put(id, everHeld(id));
    }
    return earlier;
  }

  /** The latest merge of {@code from} into {@code into} that no unmerge has undone yet. */
  public Optional<Instant> openMerge(String from, String into) {
    return jdbc.sql(
            """
            select max(m.at) from person_lineage m
            where m.kind = 'MERGE' and m.from_person = ? and m.to_person = ?
              and not exists (select 1 from person_lineage u where u.kind in ('UNMERGE', 'SPLIT')
                and u.from_person = m.to_person and u.to_person = m.from_person and u.at >= m.at)
            """)
        .param(from)
        .param(into)
        .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)))
        .single()
        .map(Timestamp::toInstant);
  }

  /** Persons merged into this one whose merge can still be undone, most recent first. */
  public List<String> undoableMerges(String personId) {
    return jdbc.sql(
            """
            select m.from_person from person_lineage m
            where m.kind = 'MERGE' and m.to_person = ? and m.from_person <> m.to_person
              and not exists (select 1 from person_lineage u where u.kind in ('UNMERGE', 'SPLIT')
                and u.from_person = m.to_person and u.to_person = m.from_person and u.at >= m.at)
            group by m.from_person order by max(m.at) desc, m.from_person
            """)
        .param(personId)
        .query(String.class)
        .list();
  }

  // A steward's acts

  /** Moves records into a person, each linked to the anchor record, and logs both sides. */
  public void move(
      Collection<RecordKey> records,
      String toPerson,
      @Nullable RecordKey anchor,
      String decidedBy,
      String reason,
      Instant at) {
    Timestamp when = Timestamp.from(at);
    for (RecordKey r : records) {
      Optional<String> from = personOf(r.agency(), r.recordId());
      if (from.isPresent() && from.get().equals(toPerson)) {
        continue;
      }
      from.ifPresent(old -> event(old, r, "UNLINKED", decidedBy, reason, when));
      RecordKey linkedTo = anchor == null || anchor.equals(r) ? null : anchor;
      linkManually(r, toPerson, linkedTo, reason, when);
      event(toPerson, r, "LINKED", decidedBy, reason, when);
    }
  }

  private void linkManually(
      RecordKey r, String toPerson, @Nullable RecordKey linkedTo, String reason, Timestamp when) {
    jdbc.sql(
            """
            insert into person_record (agency, record_id, person_id, link_type,
              linked_to_agency, linked_to_record_id, match_weight, match_probability, reason,
              model_version, run_id, linked_at)
            values (?, ?, ?, 'MANUAL', ?, ?, null, null, ?, null, null, ?)
            on conflict (agency, record_id) do update set person_id = excluded.person_id,
              link_type = 'MANUAL', linked_to_agency = excluded.linked_to_agency,
              linked_to_record_id = excluded.linked_to_record_id, match_weight = null,
              match_probability = null, reason = excluded.reason, model_version = null,
              run_id = null, linked_at = excluded.linked_at
            """)
        .param(r.agency())
        .param(r.recordId())
        .param(toPerson)
        .param(linkedTo == null ? null : linkedTo.agency())
        .param(linkedTo == null ? null : linkedTo.recordId())
        .param(reason)
        .param(when)
        .update();
  }

  /** Marks a record as held by a steward's ruling without moving it (a MATCH inside one person). */
  public void confirm(RecordKey record, RecordKey anchor, String reason, Instant at) {
    jdbc.sql(
            """
            update person_record set link_type = 'MANUAL', linked_to_agency = ?,
              linked_to_record_id = ?, match_weight = null, match_probability = null, reason = ?,
              model_version = null, run_id = null, linked_at = ?
            where agency = ? and record_id = ?
            """)
        .param(anchor.agency())
        .param(anchor.recordId())
        .param(reason)
        .param(Timestamp.from(at))
        .param(record.agency())
        .param(record.recordId())
        .update();
  }

  private void event(
      String personId, RecordKey r, String action, String by, String reason, Timestamp at) {
    jdbc.sql(
            """
            insert into person_link_event (person_id, agency, record_id, action, link_type,
              match_probability, model_version, run_id, decided_by, reason, at)
            values (?, ?, ?, ?, 'MANUAL', null, null, null, ?, ?, ?)
            """)
        .param(personId)
        .param(r.agency())
        .param(r.recordId())
        .param(action)
        .param(by)
        .param(reason)
        .param(at)
        .update();
  }

  public void retire(String personId, Instant at) {
    jdbc.sql("update person set retired_at = ? where id = ? and retired_at is null")
        .param(Timestamp.from(at))
        .param(personId)
        .update();
  }

  /**
   * Retention: the erased records' link history and links; rows deleted by table ({@code
   * person_link_event}, {@code person_record}).
   */
  public int eraseLinkEvents(RecordsToErase records) {
    return eraseRecordRows("person_link_event", records);
  }

  /** Retention: the erased records' links ({@code person_record} rows deleted). */
  public int eraseLinks(RecordsToErase records) {
    return eraseRecordRows("person_record", records);
  }

  private int eraseRecordRows(String table, RecordsToErase records) {
    return jdbc.sql(
            "delete from "
                + table
                + " t using "
                + RecordsToErase.DUE
                + " where upper(t.agency) = d.agency and t.record_id = d.record_id")
        .params(records.agencyArray(), records.recordIdArray())
        .update();
  }

  /**
   * Retention: each person left with no record is retired (kept as an id, never reused; one already
   * retired keeps its date); their ids, sorted.
   */
  public List<String> retireEmptied(RecordsToErase records, Instant at) {
    return jdbc
        .sql(
            """
            update person p set retired_at = coalesce(p.retired_at, ?)
            where p.id = any (?::text[])
            returning p.id
            """)
        .params(Timestamp.from(at), records.emptiedArray())
        .query(String.class)
        .list()
        .stream()
        .sorted()
        .toList();
  }

  public void revive(String personId) {
    jdbc.sql("update person set retired_at = null where id = ?").param(personId).update();
  }

  /**
   * A fresh person id, one above the highest in use ({@code P%07d}, as the matcher numbers them);
   * the lock keeps two decisions from taking the same number.
   */
  public String newPerson(Instant at) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('familyview.person-id'))")
        .query(Object.class)
        .list();
    String id = String.format("P%07d", runs.highestIssued() + 1);
    jdbc.sql("insert into person (id, created_at) values (?, ?)")
        .param(id)
        .param(Timestamp.from(at))
        .update();
    return id;
  }

  public void lineage(String kind, String from, String to, String decidedBy, Instant at) {
    jdbc.sql(
            """
            insert into person_lineage (kind, from_person, to_person, run_id, decided_by, at)
            values (?, ?, ?, null, ?, ?)
            """)
        .param(kind)
        .param(from)
        .param(to)
        .param(decidedBy)
        .param(Timestamp.from(at))
        .update();
  }

  // The nightly run

  /** Every record's person and link now, for a run to compare its clustering with. */
  public Map<RecordKey, Held> held() {
    return runs.held();
  }

  /** The highest person number ever issued, retired ids included. */
  public long highestIssued() {
    return runs.highestIssued();
  }

  /**
   * Writes a run's people: the {@code records} placements (taken one at a time, so that a run of a
   * million records holds no second copy of them), the person ids the run keeps, and what the
   * tables held before ({@link #held}).
   */
  public Written writeRun(
      UUID runId,
      int records,
      IntFunction<Placed> placement,
      Collection<String> personIds,
      Map<RecordKey, Held> held,
      @Nullable String modelVersion,
      Instant now) {
    return runs.write(runId, records, placement, personIds, held, modelVersion, now);
  }
}
