package org.familyview.eligibility;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.familyview.criteria.FamilyCase;
import org.familyview.criteria.FamilyEvent;
import org.familyview.criteria.FamilyMember;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads families as the criteria engine sees them: the current family's members (with the date of
 * birth most of their records agree on) and every current, dated event of each member's records.
 */
@Component
class FamilyCases {

  private final JdbcClient jdbc;

  FamilyCases(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next {@code limit} current family ids after {@code after}, in id order. */
  List<String> currentFamilies(String after, int limit) {
    return jdbc.sql(
            "select id from family where retired_at is null and id collate \"C\" > ? order by id collate \"C\" limit ?")
        .params(after, limit)
        .query(String.class)
        .list();
  }

  boolean exists(String familyId) {
    return jdbc.sql("select count(*) from family where id = ?")
            .param(familyId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** One spell of a person in a family. */
  private record Row(
      String familyId,
      String personId,
      String role,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {}

  /** The families' members and their events on or after {@code since}. */
  List<FamilyCase> load(List<String> familyIds, LocalDate since) {
    List<Row> rows = spells(familyIds.toArray(String[]::new));
    String[] people = rows.stream().map(Row::personId).distinct().toArray(String[]::new);
    Map<String, LocalDate> born = born(people);
    Map<String, List<FamilyEvent>> eventsOf = eventsOf(people, since);
    Map<String, List<Row>> byFamily = new LinkedHashMap<>();
    for (String id : familyIds) {
      byFamily.put(id, new ArrayList<>());
    }
    rows.forEach(r -> byFamily.get(r.familyId()).add(r));
    List<FamilyCase> cases = new ArrayList<>();
    byFamily.forEach(
        (familyId, memberRows) -> {
          Map<String, FamilyMember> members = members(memberRows, born);
          List<FamilyEvent> events = new ArrayList<>();
          for (String person : members.keySet()) {
            events.addAll(eventsOf.getOrDefault(person, List.of()));
          }
          cases.add(new FamilyCase(familyId, List.copyOf(members.values()), events));
        });
    return cases;
  }

  private List<Row> spells(String[] families) {
    return jdbc.sql(
            """
            select fm.family_id, fm.person_id, fm.role, fm.from_date, fm.to_date
            from family_member fm
            join person p on p.id = fm.person_id and p.retired_at is null
            where fm.family_id = any(?)
            order by fm.family_id, fm.person_id, fm.id
            """)
        .param(families)
        .query(
            (rs, n) ->
                new Row(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    date(rs.getDate(4)),
                    date(rs.getDate(5))))
        .list();
  }

  /** Each person's date of birth, as most of their current records give it. */
  private Map<String, LocalDate> born(String[] people) {
    Map<String, LocalDate> born = new HashMap<>();
    jdbc.sql(
            """
            select pr.person_id, mode() within group (order by sp.date_of_birth)
            from person_record pr
            join source_person sp on sp.agency = pr.agency and sp.record_id = pr.record_id
            where pr.person_id = any(?) and sp.current and sp.date_of_birth is not null
            group by pr.person_id
            """)
        .param(people)
        .query(
            rs -> {
              born.put(rs.getString(1), rs.getDate(2).toLocalDate());
            });
    return born;
  }

  private Map<String, List<FamilyEvent>> eventsOf(String[] people, LocalDate since) {
    Map<String, List<FamilyEvent>> eventsOf = new HashMap<>();
    jdbc.sql(
            """
            select pr.person_id, se.agency, se.event_id, se.type, se.detail, se.role, se.occurred_on
            from person_record pr
            join source_event se on se.agency = pr.agency and se.record_id = pr.record_id
            where pr.person_id = any(?) and se.current and se.occurred_on >= ?
            """)
        .params(people, Date.valueOf(since))
        .query(
            rs -> {
              String person = rs.getString(1);
              eventsOf
                  .computeIfAbsent(person, p -> new ArrayList<>())
                  .add(
                      new FamilyEvent(
                          rs.getString(2) + "/" + rs.getString(3),
                          person,
                          rs.getString(4),
                          rs.getString(5),
                          lower(rs.getString(6)),
                          rs.getDate(7).toLocalDate()));
            });
    return eventsOf;
  }

  /**
   * A person can have several spells in a family: one member, from the first spell's start to the
   * last one's end (open if any spell is).
   */
  private static Map<String, FamilyMember> members(
      List<Row> memberRows, Map<String, LocalDate> born) {
    Map<String, FamilyMember> members = new LinkedHashMap<>();
    for (Row r : memberRows) {
      FamilyMember earlier = members.get(r.personId());
      LocalDate from = r.from();
      LocalDate to = r.to();
      if (earlier != null) {
        from = earlier.from() == null || from == null ? null : earlierOf(earlier.from(), from);
        to = earlier.to() == null || to == null ? null : laterOf(earlier.to(), to);
      }
      members.put(
          r.personId(),
          new FamilyMember(
              r.personId(), born.get(r.personId()), r.role().equals("CHILD"), from, to));
    }
    return members;
  }

  /** Events of these ids ({@code agency/event_id}) as evidence lines, for views and the pack. */
  Map<String, EvidenceEvent> events(Set<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    List<String> sorted = List.copyOf(ids);
    String[] agencies =
        sorted.stream().map(i -> i.substring(0, i.indexOf('/'))).toArray(String[]::new);
    String[] eventIds =
        sorted.stream().map(i -> i.substring(i.indexOf('/') + 1)).toArray(String[]::new);
    Map<String, EvidenceEvent> found = new HashMap<>();
    jdbc.sql(
            """
            select se.agency, se.event_id, se.type, se.occurred_on, se.role, se.summary,
                   se.sensitivity, pr.person_id
            from unnest(?::text[], ?::text[]) as k(agency, event_id)
            join source_event se on se.agency = k.agency and se.event_id = k.event_id
            left join person_record pr on pr.agency = se.agency and pr.record_id = se.record_id
            """)
        .params(agencies, eventIds)
        .query(
            rs -> {
              String id = rs.getString(1) + "/" + rs.getString(2);
              Date on = rs.getDate(4);
              found.put(
                  id,
                  new EvidenceEvent(
                      id,
                      rs.getString(1),
                      rs.getString(3),
                      on == null ? null : on.toLocalDate(),
                      lower(rs.getString(5)),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8)));
            });
    return found;
  }

  private static @Nullable LocalDate date(@Nullable Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static @Nullable String lower(@Nullable String s) {
    return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
  }

  private static LocalDate laterOf(LocalDate a, LocalDate b) {
    return b.isAfter(a) ? b : a;
  }

  private static LocalDate earlierOf(LocalDate a, LocalDate b) {
    return b.isBefore(a) ? b : a;
  }
}
