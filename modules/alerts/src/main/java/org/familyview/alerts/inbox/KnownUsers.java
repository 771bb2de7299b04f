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
 * The users FamilyView has seen sign in, with their token's team, email address, authority and
 * roles. FamilyView keeps no user directory of its own (Keycloak is one), and a notification needs
 * only this much: the members of an owning team, and where a digest goes. A user is written at most
 * every few minutes, not on every request.
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
    seen(username, team, email, checksFor, null, List.of());
  }

  /**
   * @param authority the authority their token names (null: none)
   * @param roles their FamilyView roles, as the realm names them
   */
  public void seen(
      String username,
      @Nullable String team,
      @Nullable String email,
      @Nullable String checksFor,
      @Nullable String authority,
      List<String> roles) {
    Instant now = clock.instant();
    Instant last = written.get(username);
    if (last != null && last.plus(REFRESH).isAfter(now)) {
      return;
    }
    jdbc.sql(
            """
            insert into notification_user
              (username, team, email, checks_for, authority, roles, last_seen)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (username) do update
              set team = excluded.team, email = excluded.email,
                  checks_for = excluded.checks_for, authority = excluded.authority,
                  roles = excluded.roles, last_seen = excluded.last_seen
            """)
        .params(
            username,
            team,
            email,
            checksFor,
            authority,
            roles.isEmpty() ? null : String.join(",", roles.stream().sorted().toList()),
            Timestamp.from(now))
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

  /** The known holders of a role (its realm name) in an authority, e.g. its safeguarding leads. */
  public List<String> holdingRole(String role, String authority) {
    return jdbc.sql(
            """
            select username from notification_user
            where authority = ? and ? = any(string_to_array(roles, ','))
            order by username
            """)
        .params(authority, role)
        .query(String.class)
        .list();
  }

  /** The authority each of these users' token named when last seen; unknown users are absent. */
  public Map<String, String> authorityOf(List<String> usernames) {
    Map<String, String> authorities = new java.util.TreeMap<>();
    jdbc.sql(
            """
            select username, authority from notification_user
            where username = any(?) and authority is not null
            """)
        .param(usernames.toArray(String[]::new))
        .query(
            rs -> {
              authorities.put(rs.getString(1), rs.getString(2));
            });
    return authorities;
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
