package org.familyview.review.radius;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.familyview.matching.RecordKey;
import org.familyview.review.decision.Change;
import org.familyview.review.decision.ReviewDecisions;
import org.familyview.review.decision.StewardDecision;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a wrong link exposed, for correction and breach assessment. When a decision undoes a link (a
 * split, an unmerge, or a NO_MATCH on records that were linked), the two sides' records were shown
 * as one person: every person id that held records of both sides, over the time it did (from the
 * link events), is an exposure. Within each exposure window, the audit trail names every read of
 * that person and of the families it was in (person and family views, chronologies, exports,
 * criteria results...) and who made it.
 */
@Component("workbench.blastRadius")
public class BlastRadius {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final ReviewDecisions decisions;

  public BlastRadius(JdbcClient jdbc, ReviewDecisions decisions) {
    this.jdbc = jdbc;
    this.decisions = decisions;
  }

  public record Report(
      UUID decisionId,
      String action,
      String decidedBy,
      Instant decidedAt,
      boolean undidALink,
      @Nullable String personId,
      List<RecordKey> staying,
      List<RecordKey> leaving,
      List<Exposure> exposures,
      List<String> families,
      List<ExposedEvent> events,
      List<Access> accesses,
      Map<String, Long> accessesByAction,
      List<String> usersWhoSaw) {}

  /** A person id that showed both sides together, from its link to its undoing. */
  public record Exposure(String personId, Instant from, Instant to) {}

  /**
   * An event of one side that appeared under the other side's person. {@code side} is {@code
   * leaving} (the records the decision took out) or {@code staying}.
   */
  public record ExposedEvent(
      String agency,
      String eventId,
      String recordId,
      String side,
      @Nullable LocalDate occurredOn,
      String type,
      String sensitivity) {}

  /** One audit entry in an exposure window. */
  public record Access(
      long seq,
      Instant at,
      String user,
      String roles,
      String action,
      String outcome,
      @Nullable String targetType,
      @Nullable String targetId,
      @Nullable String purpose) {}

  public Optional<Report> of(UUID decisionId) {
    return decisions.find(decisionId).map(this::report);
  }

  private Report report(StewardDecision d) {
    Change.Undone undone = undone(d);
    if (undone == null) {
      return new Report(
          d.id(),
          d.action(),
          d.decidedBy(),
          d.decidedAt(),
          false,
          null,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          Map.of(),
          List.of());
    }
    List<Exposure> exposures = exposures(undone, d.decidedAt());
    Set<String> families = new TreeSet<>();
    List<Access> accesses = accesses(exposures, families);
    Map<String, Long> byAction = new TreeMap<>();
    Set<String> users = new TreeSet<>();
    for (Access a : accesses) {
      byAction.merge(a.action(), 1L, Long::sum);
      if ("ALLOWED".equals(a.outcome())) {
        users.add(a.user());
      }
    }
    List<ExposedEvent> events = new ArrayList<>();
    events.addAll(events(undone.leaving(), "leaving"));
    events.addAll(events(undone.staying(), "staying"));
    return new Report(
        d.id(),
        d.action(),
        d.decidedBy(),
        d.decidedAt(),
        true,
        undone.personId(),
        undone.staying(),
        undone.leaving(),
        exposures,
        List.copyOf(families),
        events,
        accesses,
        byAction,
        List.copyOf(users));
  }

  /**
   * Every audited access to a person exposed, or to a family they were in, while exposed, each
   * once, in the order of the trail; the families are gathered into {@code families}.
   */
  private List<Access> accesses(List<Exposure> exposures, Set<String> families) {
    List<Access> accesses = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (Exposure e : exposures) {
      List<String> familiesOf = familiesOf(e.personId());
      families.addAll(familiesOf);
      List<String> targets = new ArrayList<>(familiesOf);
      targets.add(e.personId());
      for (Access a : accesses(targets, e.from(), e.to())) {
        if (seen.add(a.seq())) {
          accesses.add(a);
        }
      }
    }
    accesses.sort(java.util.Comparator.comparingLong(Access::seq));
    return accesses;
  }

  private static Change.@Nullable Undone undone(StewardDecision d) {
    if (d.result() == null) {
      return null;
    }
    return JSON.readValue(d.result(), Change.class).undone();
  }

  /**
   * Sweeps the link events of both sides' records in time order: a person id is exposed while it
   * holds at least one record of each side. Without link events (rows written by hand), the undone
   * person is taken as exposed for as long as the trail goes back.
   */
  List<Exposure> exposures(Change.Undone undone, Instant undoneAt) {
    Set<RecordKey> staying = new HashSet<>(undone.staying());
    Set<RecordKey> leaving = new HashSet<>(undone.leaving());
    Set<RecordKey> all = new LinkedHashSet<>(staying);
    all.addAll(leaving);
    record LinkEvent(String personId, RecordKey record, String action, Instant at) {}
    List<LinkEvent> events =
        jdbc.sql(
                """
                select person_id, agency, record_id, action, at from person_link_event
                where agency || '/' || record_id = any(?) and at <= ?
                order by at, id
                """)
            .param(all.stream().map(RecordKey::toString).toArray(String[]::new))
            .param(Timestamp.from(undoneAt))
            .query(
                (rs, n) ->
                    new LinkEvent(
                        rs.getString("person_id"),
                        new RecordKey(rs.getString("agency"), rs.getString("record_id")),
                        rs.getString("action"),
                        rs.getTimestamp("at").toInstant()))
            .list();
    Map<RecordKey, String> holder = new HashMap<>();
    Map<String, Set<RecordKey>> held = new HashMap<>();
    Map<String, Instant> openSince = new LinkedHashMap<>();
    List<Exposure> exposures = new ArrayList<>();
    for (LinkEvent e : events) {
      String before = holder.get(e.record());
      if (before != null) {
        held.get(before).remove(e.record());
      }
      if ("LINKED".equals(e.action())) {
        holder.put(e.record(), e.personId());
        held.computeIfAbsent(e.personId(), p -> new HashSet<>()).add(e.record());
      } else {
        holder.remove(e.record());
      }
      for (String person :
          new LinkedHashSet<>(List.of(e.personId(), before == null ? e.personId() : before))) {
        Set<RecordKey> records = held.getOrDefault(person, Set.of());
        boolean both =
            records.stream().anyMatch(staying::contains)
                && records.stream().anyMatch(leaving::contains);
        if (both && !openSince.containsKey(person)) {
          openSince.put(person, e.at());
        } else if (!both && openSince.containsKey(person)) {
          exposures.add(new Exposure(person, openSince.remove(person), e.at()));
        }
      }
    }
    openSince.forEach((person, from) -> exposures.add(new Exposure(person, from, undoneAt)));
    if (exposures.isEmpty()) {
      exposures.add(new Exposure(undone.personId(), Instant.EPOCH, undoneAt));
    }
    return exposures;
  }

  private List<String> familiesOf(String personId) {
    return jdbc.sql(
            "select distinct family_id from family_member where person_id = ? order by family_id")
        .param(personId)
        .query(String.class)
        .list();
  }

  /** Reads of these ids in [from, to]: the undoing itself closes the window. */
  private List<Access> accesses(List<String> targets, Instant from, Instant to) {
    return jdbc.sql(
            """
            select seq, recorded_at, actor, actor_roles, action, outcome, target_type, target_id,
                   purpose
            from audit_entry
            where target_id = any(?) and coalesce(target_type, '') <> 'review-task'
              and recorded_at >= ? and recorded_at <= ?
            order by seq
            """)
        .param(targets.toArray(String[]::new))
        .param(Timestamp.from(from))
        .param(Timestamp.from(to))
        .query(
            (rs, n) ->
                new Access(
                    rs.getLong("seq"),
                    rs.getTimestamp("recorded_at").toInstant(),
                    rs.getString("actor"),
                    rs.getString("actor_roles"),
                    rs.getString("action"),
                    rs.getString("outcome"),
                    rs.getString("target_type"),
                    rs.getString("target_id"),
                    rs.getString("purpose")))
        .list();
  }

  private List<ExposedEvent> events(List<RecordKey> records, String side) {
    if (records.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select agency, event_id, record_id, occurred_on, type, sensitivity from source_event
            where agency || '/' || record_id = any(?)
            order by occurred_on nulls last, agency, event_id
            """)
        .param(records.stream().map(RecordKey::toString).toArray(String[]::new))
        .query(
            (rs, n) -> {
              Date on = rs.getDate("occurred_on");
              return new ExposedEvent(
                  rs.getString("agency"),
                  rs.getString("event_id"),
                  rs.getString("record_id"),
                  side,
                  on == null ? null : on.toLocalDate(),
                  rs.getString("type"),
                  rs.getString("sensitivity"));
            })
        .list();
  }
}
