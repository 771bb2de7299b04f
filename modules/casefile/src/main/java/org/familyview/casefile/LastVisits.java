package org.familyview.casefile;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each user's last visit to each family (table last_visit, V26). A visit returns the moment the
 * marks on the page count from: the visit before this sitting, so a keyworker going from the family
 * page to its chronology and back still sees what was new when they arrived.
 */
@Component
public class LastVisits {

  /** Views closer together than this are one sitting. */
  static final Duration SITTING = Duration.ofMinutes(30);

  private final JdbcClient jdbc;
  private final Clock clock;

  @Autowired
  public LastVisits(JdbcClient jdbc) {
    this(jdbc, Clock.systemUTC());
  }

  LastVisits(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records a view now and returns what is "new" counts from: the last visit before this sitting,
   * or null on a first visit (everything is new).
   */
  public @Nullable Instant visit(String username, String familyId) {
    Instant now = clock.instant();
    Timestamp sittingStart = Timestamp.from(now.minus(SITTING));
    Timestamp at = Timestamp.from(now);
    // A new sitting moves the last view into previous_visit_at; within one it stays.
    java.util.List<@Nullable Timestamp> previous =
        jdbc.sql(
                """
            insert into last_visit as v (username, family_id, visited_at, previous_visit_at)
            values (?, ?, ?, null)
            on conflict (username, family_id) do update set
              previous_visit_at = case when v.visited_at < ? then v.visited_at
                                       else v.previous_visit_at end,
              visited_at = excluded.visited_at
            returning previous_visit_at
            """)
            .params(username, familyId, at, sittingStart)
            .query((rs, n) -> rs.getTimestamp(1))
            .list();
    Timestamp last = previous.isEmpty() ? null : previous.getFirst();
    return last == null ? null : last.toInstant();
  }

  /** When the user last opened each of these families (absent if never). */
  public Map<String, Instant> lastVisited(String username, Collection<String> familyIds) {
    Map<String, Instant> visits = new HashMap<>();
    if (familyIds.isEmpty()) {
      return visits;
    }
    jdbc.sql(
            "select family_id, visited_at from last_visit where username = ? and family_id = any(?)")
        .params(username, familyIds.toArray(String[]::new))
        .query(
            rs -> {
              visits.put(rs.getString(1), rs.getTimestamp(2).toInstant());
            });
    return visits;
  }
}
