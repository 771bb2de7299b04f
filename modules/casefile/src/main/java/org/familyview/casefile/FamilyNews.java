package org.familyview.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What is new on a family since a moment: the chronology records its members' partners loaded after
 * it, by partner. Counts only, so that a list of families says where to look without showing any
 * record (a redacted record counts, as its entry shows on the page anyway).
 */
@Component
public class FamilyNews {

  private final JdbcClient jdbc;

  public FamilyNews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** New records by partner since {@code since} (every record if null). Partners with none: 0. */
  public Map<String, Integer> since(String familyId, @Nullable Instant since) {
    Map<String, Integer> counts = new TreeMap<>();
    jdbc.sql(
            """
            select e.agency,
              count(distinct e.event_id) filter (where cast(? as timestamptz) is null
                                                  or e.loaded_at > cast(? as timestamptz))
            from family_member fm
            join person_record pr on pr.person_id = fm.person_id
            join source_event e on e.agency = upper(pr.agency) and e.record_id = pr.record_id
            where fm.family_id = ?
            group by e.agency
            """)
        .params(ts(since), ts(since), familyId)
        .query(
            rs -> {
              counts.put(Agencies.code(rs.getString(1)), rs.getInt(2));
            });
    return counts;
  }

  /** For each family, new records by partner since the user last opened it (all if never). */
  public Map<String, Map<String, Integer>> sinceLastVisit(
      String username, Collection<String> familyIds) {
    Map<String, Map<String, Integer>> news = new LinkedHashMap<>();
    familyIds.forEach(f -> news.put(f, new TreeMap<>()));
    if (familyIds.isEmpty()) {
      return news;
    }
    jdbc.sql(
            """
            select fm.family_id, e.agency,
              count(distinct e.event_id) filter (where v.visited_at is null
                                                  or e.loaded_at > v.visited_at)
            from family_member fm
            join person_record pr on pr.person_id = fm.person_id
            join source_event e on e.agency = upper(pr.agency) and e.record_id = pr.record_id
            left join last_visit v on v.username = ? and v.family_id = fm.family_id
            where fm.family_id = any(?)
            group by fm.family_id, e.agency
            """)
        .params(username, familyIds.toArray(String[]::new))
        .query(
            rs -> {
              news.get(rs.getString(1)).put(Agencies.code(rs.getString(2)), rs.getInt(3));
            });
    return news;
  }

  /** A partner's records on the family that its later deliveries no longer carry. */
  public record Withdrawn(String agency, int notCurrent, int records) {}

  /**
   * Partners some of whose records on this family are no longer current (a later delivery left them
   * out or retired them), so that the family page says so itself instead of calling the feed
   * current.
   */
  public java.util.List<Withdrawn> withdrawn(String familyId) {
    return jdbc.sql(
            """
            select sp.agency, count(distinct sp.record_id) filter (where not sp.current),
              count(distinct sp.record_id)
            from family_member fm
            join person_record pr on pr.person_id = fm.person_id
            join source_person sp on sp.agency = upper(pr.agency) and sp.record_id = pr.record_id
            where fm.family_id = ?
            group by sp.agency
            having count(*) filter (where not sp.current) > 0
            order by sp.agency
            """)
        .param(familyId)
        .query((rs, n) -> new Withdrawn(Agencies.code(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
        .list();
  }

  private static @Nullable Timestamp ts(@Nullable Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}
