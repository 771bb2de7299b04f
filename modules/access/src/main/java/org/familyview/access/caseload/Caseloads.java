package org.familyview.access.caseload;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Caseload assignments and break-glass grants, and the questions access control asks of them. */
@Component
public class Caseloads implements OpenCases {

  public record Assignment(
      UUID id,
      String keyworker,
      String familyId,
      LocalDate startsOn,
      @Nullable LocalDate endsOn,
      String assignedBy) {

    /** An assignment holds from its first day to its last, both included; no end, no limit. */
    public boolean currentOn(LocalDate day) {
      return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }
  }

  public record Grant(
      UUID id,
      String username,
      String targetType,
      String targetId,
      String purpose,
      Instant expiresAt) {

    /** A grant lapses at its expiry instant: from then on the reason must be given again. */
    public boolean liveAt(Instant now) {
      return expiresAt.isAfter(now);
    }
  }

  /** The grant in the current row of a query over every column of {@code access_grant}. */
  private static Grant grant(ResultSet row, int rowNum) throws SQLException {
    return new Grant(
        row.getObject("id", UUID.class),
        row.getString("username"),
        row.getString("target_type"),
        row.getString("target_id"),
        row.getString("purpose"),
        row.getTimestamp("expires_at").toInstant());
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  @org.springframework.beans.factory.annotation.Autowired
  public Caseloads(JdbcClient jdbc) {
    this(jdbc, Clock.systemUTC());
  }

  Caseloads(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Assignment assign(
      String keyworker,
      String familyId,
      LocalDate startsOn,
      @Nullable LocalDate endsOn,
      String lead) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into caseload_assignment (id, keyworker, family_id, starts_on, ends_on, assigned_by, assigned_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            keyworker,
            familyId,
            Date.valueOf(startsOn),
            endsOn == null ? null : Date.valueOf(endsOn),
            lead,
            Timestamp.from(clock.instant()))
        .update();
    return new Assignment(id, keyworker, familyId, startsOn, endsOn, lead);
  }

  public List<Assignment> of(String keyworker) {
    return jdbc.sql(
            """
            select id, keyworker, family_id, starts_on, ends_on, assigned_by from caseload_assignment
            where keyworker = ? order by starts_on desc
            """)
        .param(keyworker)
        .query(
            (rs, n) ->
                new Assignment(
                    rs.getObject("id", UUID.class),
                    rs.getString("keyworker"),
                    rs.getString("family_id"),
                    rs.getDate("starts_on").toLocalDate(),
                    rs.getDate("ends_on") == null ? null : rs.getDate("ends_on").toLocalDate(),
                    rs.getString("assigned_by")))
        .list();
  }

  /** The families on a keyworker's caseload today. */
  @Override
  public Set<String> currentFamilies(String keyworker) {
    LocalDate today = LocalDate.now(clock);
    return of(keyworker).stream()
        .filter(assignment -> assignment.currentOn(today))
        .map(Assignment::familyId)
        .collect(Collectors.toUnmodifiableSet());
  }

  public Grant grant(
      String username,
      String targetType,
      String targetId,
      String purpose,
      String reason,
      java.time.Duration lasting) {
    Instant now = clock.instant();
    Grant grant =
        new Grant(UUID.randomUUID(), username, targetType, targetId, purpose, now.plus(lasting));
    jdbc.sql(
            """
            insert into access_grant (id, username, target_type, target_id, purpose, reason, granted_at, expires_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            grant.id(),
            username,
            targetType,
            targetId,
            purpose,
            reason,
            Timestamp.from(now),
            Timestamp.from(grant.expiresAt()))
        .update();
    return grant;
  }

  /** Whether the user holds an unexpired break-glass grant on this person or family. */
  @Override
  public boolean hasGrant(String username, String targetType, String targetId) {
    Instant now = clock.instant();
    return jdbc
        .sql(
            """
            select id, username, target_type, target_id, purpose, expires_at from access_grant
            where username = ? and target_type = ? and target_id = ?
            """)
        .params(username, targetType, targetId)
        .query(Caseloads::grant)
        .stream()
        .anyMatch(grant -> grant.liveAt(now));
  }

  /** When the user's latest live grant on this person or family ends; empty if none is live. */
  public java.util.Optional<Instant> grantExpiry(
      String username, String targetType, String targetId) {
    return jdbc
        .sql(
            """
            select max(expires_at) from access_grant
            where username = ? and target_type = ? and target_id = ? and expires_at > ?
            """)
        .params(username, targetType, targetId, java.sql.Timestamp.from(clock.instant()))
        .query((rs, n) -> rs.getTimestamp(1))
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .map(java.sql.Timestamp::toInstant)
        .findFirst();
  }

  /** The user's unexpired break-glass grants, latest expiry first. */
  public List<Grant> liveGrants(String username) {
    return jdbc.sql(
            """
            select id, username, target_type, target_id, purpose, expires_at from access_grant
            where username = ? and expires_at > ? order by expires_at desc
            """)
        .params(username, java.sql.Timestamp.from(clock.instant()))
        .query(Caseloads::grant)
        .list();
  }

  /**
   * Who holds each of these families today (keyworkers, sorted); a family nobody holds is absent.
   */
  public java.util.Map<String, List<String>> holders(java.util.Collection<String> familyIds) {
    java.util.Map<String, List<String>> holders = new java.util.TreeMap<>();
    if (familyIds.isEmpty()) {
      return holders;
    }
    Date today = Date.valueOf(LocalDate.now(clock));
    jdbc.sql(
            """
            select distinct family_id, keyworker from caseload_assignment
            where family_id = any(?) and starts_on <= ? and (ends_on is null or ends_on >= ?)
            order by family_id, keyworker
            """)
        .params(familyIds.toArray(String[]::new), today, today)
        .query(
            rs -> {
              holders
                  .computeIfAbsent(rs.getString(1), f -> new java.util.ArrayList<>())
                  .add(rs.getString(2));
            });
    return holders;
  }
}
