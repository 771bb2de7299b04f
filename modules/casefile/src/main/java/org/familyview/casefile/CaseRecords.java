package org.familyview.casefile;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads people, families, households and their events from PostgreSQL, the truth behind every case
 * view. {@code person_record.agency} is joined case-insensitively to the source tables, which keep
 * agencies as enum names.
 */
@Component
public class CaseRecords {

  public record PersonRow(String id, Instant createdAt, @Nullable Instant retiredAt) {}

  public record Successor(String personId, String kind, Instant at) {}

  public record Membership(
      String familyId,
      String personId,
      String role,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      String basis) {

    public boolean coversToday(LocalDate today) {
      return (from == null || !from.isAfter(today)) && (to == null || !to.isBefore(today));
    }
  }

  public record FamilyRow(String id, Instant createdAt, @Nullable Instant retiredAt) {}

  public record HouseholdMember(
      String personId,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      @Nullable String agency,
      @Nullable String recordId) {

    boolean livedThereOn(LocalDate date) {
      return (from == null || !from.isAfter(date)) && (to == null || !to.isBefore(date));
    }
  }

  public record Household(
      String id,
      @Nullable String address,
      @Nullable String postcode,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      List<HouseholdMember> members) {

    public Household {
      members = List.copyOf(members);
    }

    /** Who lived here on a date: the household's period and each member's must both cover it. */
    public List<HouseholdMember> membersOn(LocalDate date) {
      if ((from != null && from.isAfter(date)) || (to != null && to.isBefore(date))) {
        return List.of();
      }
      return members.stream().filter(m -> m.livedThereOn(date)).toList();
    }
  }

  public record EventRow(
      String personId,
      String agency,
      String eventId,
      String recordId,
      @Nullable LocalDate occurredOn,
      @Nullable LocalTime occurredTime,
      String type,
      @Nullable String role,
      @Nullable String summary,
      String sensitivity,
      Provenance provenance) {}

  public record Delivery(
      String agency,
      UUID extractId,
      String status,
      Instant receivedAt,
      @Nullable Instant finishedAt,
      @Nullable String failureReason) {}

  private final JdbcClient jdbc;

  public CaseRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<PersonRow> person(String id) {
    return jdbc.sql("select id, created_at, retired_at from person where id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new PersonRow(
                    rs.getString("id"),
                    rs.getTimestamp("created_at").toInstant(),
                    instant(rs, "retired_at")))
        .optional();
  }

  /** The current persons a retired id's records went to, through any chain of merges and splits. */
  public List<Successor> successors(String retiredId) {
    return jdbc.sql(
            """
            with recursive chain(person_id, kind, at, depth) as (
              select to_person, kind, at, 1 from person_lineage where from_person = ?
              union
              select l.to_person, l.kind, l.at, c.depth + 1
              from person_lineage l join chain c on l.from_person = c.person_id
              where c.depth < 50
            )
            select distinct on (c.person_id) c.person_id, c.kind, c.at
            from chain c join person p on p.id = c.person_id
            where p.retired_at is null
            order by c.person_id, c.at desc
            """)
        .param(retiredId)
        .query(
            (rs, n) ->
                new Successor(
                    rs.getString("person_id"),
                    rs.getString("kind"),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  public List<SourceRecord> records(String personId) {
    return records(List.of(personId)).getOrDefault(personId, List.of());
  }

  /** Each person's linked records, current ones first. */
  public Map<String, List<SourceRecord>> records(Collection<String> personIds) {
    Map<String, List<SourceRecord>> byPerson = new LinkedHashMap<>();
    if (personIds.isEmpty()) {
      return byPerson;
    }
    jdbc.sql(
            """
            select pr.person_id, pr.agency as link_agency, pr.record_id, pr.link_type,
              pr.linked_to_agency, pr.linked_to_record_id, pr.match_probability, pr.match_weight,
              pr.reason, pr.model_version, pr.linked_at,
              sp.agency, sp.given_name, sp.middle_names, sp.family_name, sp.aliases,
              sp.date_of_birth, sp.sex, sp.address, sp.postcode, sp.nhs_number, sp.upn, sp.pnc_id,
              sp.current, sp.extract_id, sp.source_file, sp.loaded_at
            from person_record pr
            join source_person sp on sp.agency = upper(pr.agency) and sp.record_id = pr.record_id
            where pr.person_id = any(?)
            order by pr.person_id, sp.current desc, sp.agency, sp.record_id
            """)
        .param(personIds.toArray(String[]::new))
        .query(
            (ResultSet rs) -> {
              byPerson
                  .computeIfAbsent(rs.getString("person_id"), k -> new ArrayList<>())
                  .add(sourceRecord(rs));
            });
    return byPerson;
  }

  public List<Membership> familiesOf(String personId) {
    return jdbc.sql(
            """
            select fm.family_id, fm.person_id, fm.role, fm.from_date, fm.to_date, fm.basis
            from family_member fm join family f on f.id = fm.family_id
            where fm.person_id = ? and f.retired_at is null
            order by fm.from_date nulls first, fm.family_id
            """)
        .param(personId)
        .query((rs, n) -> membership(rs))
        .list();
  }

  public Optional<FamilyRow> family(String id) {
    return jdbc.sql("select id, created_at, retired_at from family where id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new FamilyRow(
                    rs.getString("id"),
                    rs.getTimestamp("created_at").toInstant(),
                    instant(rs, "retired_at")))
        .optional();
  }

  public List<Membership> members(String familyId) {
    return jdbc.sql(
            """
            select family_id, person_id, role, from_date, to_date, basis from family_member
            where family_id = ?
            order by case role when 'PARENT_OR_CARER' then 0 when 'CHILD' then 1 else 2 end,
              from_date nulls first, person_id
            """)
        .param(familyId)
        .query((rs, n) -> membership(rs))
        .list();
  }

  public List<Household> households(String familyId) {
    Map<String, Household> households = new LinkedHashMap<>();
    Map<String, List<HouseholdMember>> members = new LinkedHashMap<>();
    jdbc.sql(
            """
            select h.id, h.address, h.postcode, h.from_date, h.to_date,
              hm.person_id, hm.from_date as member_from, hm.to_date as member_to, hm.agency,
              hm.record_id
            from household h left join household_member hm on hm.household_id = h.id
            where h.family_id = ?
            order by h.from_date nulls first, h.id, hm.from_date nulls first, hm.person_id
            """)
        .param(familyId)
        .query(
            (ResultSet rs) -> {
              String id = rs.getString("id");
              households.computeIfAbsent(
                  id,
                  k -> {
                    try {
                      return new Household(
                          id,
                          rs.getString("address"),
                          rs.getString("postcode"),
                          date(rs, "from_date"),
                          date(rs, "to_date"),
                          List.of());
                    } catch (SQLException e) {
                      throw new IllegalStateException(e);
                    }
                  });
              List<HouseholdMember> list = members.computeIfAbsent(id, k -> new ArrayList<>());
              if (rs.getString("person_id") != null) {
                list.add(
                    new HouseholdMember(
                        rs.getString("person_id"),
                        date(rs, "member_from"),
                        date(rs, "member_to"),
                        rs.getString("agency"),
                        rs.getString("record_id")));
              }
            });
    return households.values().stream()
        .map(
            h ->
                new Household(
                    h.id(), h.address(), h.postcode(), h.from(), h.to(), members.get(h.id())))
        .toList();
  }

  /** Every event of the records linked to these persons, in no particular order. */
  public List<EventRow> events(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select pr.person_id, pr.link_type, pr.linked_to_agency, pr.linked_to_record_id,
              pr.match_probability, pr.match_weight, pr.reason, pr.model_version, pr.linked_at,
              e.agency, e.event_id, e.record_id, e.occurred_on, e.occurred_time, e.type, e.role,
              e.summary, e.sensitivity, e.current, e.extract_id, e.source_file, e.source_line,
              e.loaded_at
            from person_record pr
            join source_event e on e.agency = upper(pr.agency) and e.record_id = pr.record_id
            where pr.person_id = any(?)
            """)
        .param(personIds.toArray(String[]::new))
        .query(
            (rs, n) -> {
              String agency = Agencies.code(rs.getString("agency"));
              Time time = rs.getTime("occurred_time");
              return new EventRow(
                  rs.getString("person_id"),
                  agency,
                  rs.getString("event_id"),
                  rs.getString("record_id"),
                  date(rs, "occurred_on"),
                  time == null ? null : time.toLocalTime(),
                  rs.getString("type"),
                  rs.getString("role"),
                  rs.getString("summary"),
                  rs.getString("sensitivity"),
                  new Provenance(
                      agency,
                      rs.getString("record_id"),
                      rs.getString("event_id"),
                      rs.getObject("extract_id", UUID.class),
                      rs.getString("source_file"),
                      rs.getLong("source_line"),
                      rs.getTimestamp("loaded_at").toInstant(),
                      rs.getBoolean("current"),
                      link(rs)));
            })
        .list();
  }

  /** The latest delivery of each agency, whatever became of it. */
  public List<Delivery> latestDeliveries() {
    return jdbc.sql(
            """
            select distinct on (agency) agency, id, status, received_at, finished_at, failure_reason
            from extract order by agency, received_at desc
            """)
        .query(CaseRecords::delivery)
        .list();
  }

  /** The latest delivery of each agency that loaded. */
  public List<Delivery> latestCompleted() {
    return jdbc.sql(
            """
            select distinct on (agency) agency, id, status, received_at, finished_at, failure_reason
            from extract where status = 'COMPLETED'
            order by agency, finished_at desc nulls last
            """)
        .query(CaseRecords::delivery)
        .list();
  }

  /** The earliest dated event each agency holds: where its data starts. */
  public Map<String, LocalDate> dataStarts() {
    Map<String, LocalDate> starts = new LinkedHashMap<>();
    jdbc.sql("select agency, min(occurred_on) as first from source_event group by agency")
        .query(
            (ResultSet rs) -> {
              LocalDate first = date(rs, "first");
              if (first != null) {
                starts.put(Agencies.code(rs.getString("agency")), first);
              }
            });
    return starts;
  }

  private static Delivery delivery(ResultSet rs, int n) throws SQLException {
    return new Delivery(
        Agencies.code(rs.getString("agency")),
        rs.getObject("id", UUID.class),
        rs.getString("status"),
        rs.getTimestamp("received_at").toInstant(),
        instant(rs, "finished_at"),
        rs.getString("failure_reason"));
  }

  private static Membership membership(ResultSet rs) throws SQLException {
    return new Membership(
        rs.getString("family_id"),
        rs.getString("person_id"),
        rs.getString("role"),
        date(rs, "from_date"),
        date(rs, "to_date"),
        rs.getString("basis"));
  }

  private static SourceRecord sourceRecord(ResultSet rs) throws SQLException {
    Array aliases = rs.getArray("aliases");
    return new SourceRecord(
        Agencies.code(rs.getString("agency")),
        rs.getString("record_id"),
        rs.getString("given_name"),
        rs.getString("middle_names"),
        rs.getString("family_name"),
        aliases == null ? List.of() : Arrays.asList((String[]) aliases.getArray()),
        date(rs, "date_of_birth"),
        rs.getString("sex"),
        rs.getString("address"),
        rs.getString("postcode"),
        rs.getString("nhs_number"),
        rs.getString("upn"),
        rs.getString("pnc_id"),
        rs.getBoolean("current"),
        rs.getObject("extract_id", UUID.class),
        rs.getString("source_file"),
        rs.getTimestamp("loaded_at").toInstant(),
        link(rs));
  }

  private static Link link(ResultSet rs) throws SQLException {
    return new Link(
        rs.getString("link_type"),
        rs.getString("linked_to_agency"),
        rs.getString("linked_to_record_id"),
        (Double) rs.getObject("match_probability"),
        (Double) rs.getObject("match_weight"),
        rs.getString("reason"),
        rs.getString("model_version"),
        rs.getTimestamp("linked_at").toInstant());
  }

  private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
    Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
