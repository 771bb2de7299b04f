package org.familyview.review.decision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.familyview.review.RecordRef;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies a steward's decision to the people at once, so the steward sees its result before the
 * next nightly run: records move between person ids (link type MANUAL) with a link event each, and
 * merges, splits and unmerges are written as lineage. The nightly run then reproduces the same
 * grouping from the match_decision constraints and keeps these ids.
 */
@Component("workbench.personLinks")
public class PersonLinks {

  private final JdbcClient jdbc;

  public PersonLinks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Moves records into a person, each linked to the anchor record, and logs both sides. */
  void move(
      Collection<RecordRef> records,
      String toPerson,
      @Nullable RecordRef anchor,
      String decidedBy,
      String reason,
      Instant at) {
    Timestamp when = Timestamp.from(at);
    for (RecordRef r : records) {
      Optional<String> from =
          jdbc.sql("select person_id from person_record where agency = ? and record_id = ?")
              .param(r.agency())
              .param(r.recordId())
              .query(String.class)
              .optional();
      if (from.isPresent() && from.get().equals(toPerson)) {
        continue;
      }
      from.ifPresent(old -> event(old, r, "UNLINKED", decidedBy, reason, when));
      RecordRef linkedTo = anchor == null || anchor.equals(r) ? null : anchor;
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
      event(toPerson, r, "LINKED", decidedBy, reason, when);
    }
  }

  /** Marks a record as held by a steward's ruling without moving it (a MATCH inside one person). */
  void confirm(RecordRef record, RecordRef anchor, String reason, Instant at) {
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
      String personId, RecordRef r, String action, String by, String reason, Timestamp at) {
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

  void retire(String personId, Instant at) {
    jdbc.sql("update person set retired_at = ? where id = ? and retired_at is null")
        .param(Timestamp.from(at))
        .param(personId)
        .update();
  }

  void revive(String personId) {
    jdbc.sql("update person set retired_at = null where id = ?").param(personId).update();
  }

  /**
   * A fresh person id, one above the highest in use ({@code P%07d}, as the matcher numbers them);
   * the lock keeps two decisions from taking the same number.
   */
  String newPerson(Instant at) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('familyview.person-id'))")
        .query(Object.class)
        .list();
    long highest =
        jdbc.sql(
                "select coalesce(max(substring(id from 2)::bigint), 0) from person where id ~ '^P[0-9]+$'")
            .query(Long.class)
            .single();
    String id = String.format("P%07d", highest + 1);
    jdbc.sql("insert into person (id, created_at) values (?, ?)")
        .param(id)
        .param(Timestamp.from(at))
        .update();
    return id;
  }

  void lineage(String kind, String from, String to, String decidedBy, Instant at) {
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

  /**
   * The earlier ids of a person: those merged into it (lineage MERGE from → this) that hold no
   * record now, each with the records it once held (from the link events), most recent merge first.
   * Split and unmerge give these ids back rather than minting new ones.
   */
  Map<String, Set<RecordRef>> earlierIds(String personId) {
    Map<String, Set<RecordRef>> earlier = new LinkedHashMap<>();
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
      Set<RecordRef> held =
          new java.util.LinkedHashSet<>(
              jdbc.sql(
                      """
                      select distinct agency, record_id from person_link_event
                      where person_id = ? and action = 'LINKED' order by agency, record_id
                      """)
                  .param(id)
                  .query((rs, n) -> new RecordRef(rs.getString(1), rs.getString(2)))
                  .list());
      earlier.put(id, held);
    }
    return earlier;
  }

  /** The latest merge of {@code from} into {@code into} that no unmerge has undone yet. */
  Optional<Instant> openMerge(String from, String into) {
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

  /** Records ever linked into a person, by the link events. */
  Set<RecordRef> everHeld(String personId) {
    return new java.util.LinkedHashSet<>(
        jdbc.sql(
                """
                select distinct agency, record_id from person_link_event
                where person_id = ? and action = 'LINKED' order by agency, record_id
                """)
            .param(personId)
            .query((rs, n) -> new RecordRef(rs.getString(1), rs.getString(2)))
            .list());
  }
}
