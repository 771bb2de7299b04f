package org.familyview.frontdoor.rules;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.familyview.frontdoor.Contact;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads current families for the concern rules from the linkage and source tables (read only):
 * members with the date of birth most of their records agree on, every current dated event of their
 * records since a day with its provenance, and the family's households.
 */
@Component
class FamilyFactsReader {

  private final JdbcClient jdbc;

  FamilyFactsReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<String> currentFamilies(String after, int limit) {
    return jdbc.sql(
            "select id from family where retired_at is null and id collate \"C\" > ?"
                + " order by id collate \"C\" limit ?")
        .params(after, limit)
        .query(String.class)
        .list();
  }

  List<FamilyFacts> load(List<String> familyIds, LocalDate since) {
    String[] ids = familyIds.toArray(String[]::new);
    Map<String, List<FamilyFacts.Member>> members = members(ids);
    String[] people =
        members.values().stream()
            .flatMap(List::stream)
            .map(FamilyFacts.Member::personId)
            .distinct()
            .toArray(String[]::new);
    Map<String, List<FamilyFacts.Event>> events = events(people, since);
    Map<String, List<FamilyFacts.Household>> households = households(ids);
    List<FamilyFacts> facts = new ArrayList<>();
    for (String id : familyIds) {
      List<FamilyFacts.Member> of = members.getOrDefault(id, List.of());
      List<FamilyFacts.Event> theirs = new ArrayList<>();
      of.forEach(m -> theirs.addAll(events.getOrDefault(m.personId(), List.of())));
      facts.add(new FamilyFacts(id, of, theirs, households.getOrDefault(id, List.of())));
    }
    return facts;
  }

  /**
   * One member per person and family: the earliest start and, unless any spell is open, the end.
   */
  private Map<String, List<FamilyFacts.Member>> members(String[] families) {
    Map<String, Map<String, FamilyFacts.Member>> byFamily = new LinkedHashMap<>();
    jdbc.sql(
            """
            select fm.family_id, fm.person_id, fm.role = 'CHILD', min(fm.from_date),
              case when bool_or(fm.to_date is null) then null else max(fm.to_date) end,
              (select mode() within group (order by sp.date_of_birth)
                 from person_record pr
                 join source_person sp on sp.agency = upper(pr.agency)
                   and sp.record_id = pr.record_id
                 where pr.person_id = fm.person_id and sp.current and sp.date_of_birth is not null)
            from family_member fm
            join person p on p.id = fm.person_id and p.retired_at is null
            where fm.family_id = any(?)
            group by fm.family_id, fm.person_id, fm.role = 'CHILD'
            order by fm.family_id, fm.person_id
            """)
        .param(families)
        .query(
            rs -> {
              byFamily
                  .computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                  .putIfAbsent(
                      rs.getString(2),
                      new FamilyFacts.Member(
                          rs.getString(2),
                          date(rs.getDate(6)),
                          rs.getBoolean(3),
                          date(rs.getDate(4)),
                          date(rs.getDate(5))));
            });
    Map<String, List<FamilyFacts.Member>> members = new HashMap<>();
    byFamily.forEach((f, m) -> members.put(f, List.copyOf(m.values())));
    return members;
  }

  private Map<String, List<FamilyFacts.Event>> events(String[] people, LocalDate since) {
    Map<String, List<FamilyFacts.Event>> events = new HashMap<>();
    jdbc.sql(
            """
            select pr.person_id, se.agency, se.event_id, se.record_id, se.type, se.occurred_on,
              se.extract_id, se.source_file, se.source_line
            from person_record pr
            join source_event se on se.agency = upper(pr.agency) and se.record_id = pr.record_id
            where pr.person_id = any(?) and se.current and se.occurred_on >= ?
            """)
        .params(people, Date.valueOf(since))
        .query(
            rs -> {
              String person = rs.getString(1);
              LocalDate on = rs.getDate(6).toLocalDate();
              events
                  .computeIfAbsent(person, k -> new ArrayList<>())
                  .add(
                      new FamilyFacts.Event(
                          person,
                          rs.getString(5),
                          on,
                          new Contact.EvidenceEvent(
                              rs.getString(2).toLowerCase(Locale.ROOT),
                              rs.getString(3),
                              rs.getString(4),
                              person,
                              rs.getString(5),
                              on.toString(),
                              rs.getString(7),
                              rs.getString(8),
                              rs.getLong(9))));
            });
    return events;
  }

  private Map<String, List<FamilyFacts.Household>> households(String[] families) {
    Map<String, List<FamilyFacts.Household>> households = new HashMap<>();
    jdbc.sql(
            "select family_id, id, postcode, from_date, to_date from household"
                + " where family_id = any(?) order by family_id, from_date nulls first, id")
        .param(families)
        .query(
            rs -> {
              households
                  .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(
                      new FamilyFacts.Household(
                          rs.getString(2),
                          rs.getString(3),
                          date(rs.getDate(4)),
                          date(rs.getDate(5))));
            });
    return households;
  }

  private static @Nullable LocalDate date(@Nullable Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
