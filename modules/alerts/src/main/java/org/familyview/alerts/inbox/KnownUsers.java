package org.familyview.alerts.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The users FamilyView has seen sign in, with their token's team and email address. FamilyView
 * keeps no user directory of its own (Keycloak is one), and a notification needs only this much:
 * the members of an owning team, and where a digest goes. A user is written at most every few
 * minutes, not on every request.
 */
@Component
public class KnownUsers {

  private static final Duration REFRESH = Duration.ofMinutes(5);

  private final JdbcClient jdbc;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Instant> written = new ConcurrentHashMap<>();

  KnownUsers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A user with the address the digest goes to. */
  public record Recipient(String username, String email) {}

  public void seen(String username, @Nullable String team, @Nullable String email) {
    seen(username, team, email, null);
  }

  /**
   * @param checksFor the partner (lower case, as {@code /api/extracts/{partner}} names it) whose
   *     front-door checks the user answers, or null when they are no partner-checker
   */
  public void seen(
      String username, @Nullable String team, @Nullable String email, @Nullable String checksFor) {
    Instant now = clock.instant();
    Instant last = written.get(username);
    if (last != null && last.plus(REFRESH).isAfter(now)) {
      return;
    }
    jdbc.sql(
            """
            insert into notification_user (username, team, email, checks_for, last_seen)
            values (?, ?, ?, ?, ?)
            on conflict (username) do update
              set team = excluded.team, email = excluded.email,
                  checks_for = excluded.checks_for, last_seen = excluded.last_seen
            """)
        .params(username, team, email, checksFor, Timestamp.from(now))
        .update();
    written.put(username, now);
  }

  /** The known members of a team (the Keycloak {@code team} attribute). */
  public List<String> members(String team) {
    return jdbc.sql("select username from notification_user where team = ? order by username")
        .param(team)
        .query(String.class)
        .list();
  }

  /** The known checkers of a partner (lower case), e.g. {@code police}. */
  public List<String> checkers(String partner) {
    return jdbc.sql("select username from notification_user where checks_for = ? order by username")
        .param(partner.toLowerCase(java.util.Locale.ROOT))
        .query(String.class)
        .list();
  }

  public @Nullable String teamOf(String username) {
    return jdbc.sql("select team from notification_user where username = ?")
        .param(username)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  public List<Recipient> withEmail(List<String> usernames) {
    return jdbc.sql(
            """
            select username, email from notification_user
            where username = any(?) and email is not null order by username
            """)
        .param(usernames.toArray(String[]::new))
        .query((rs, n) -> new Recipient(rs.getString("username"), rs.getString("email")))
        .list();
  }
}
