package org.familyview.audit.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.familyview.audit.read.AuditScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The three unusual-access reports over a period {@code [from, to)}. Each is one SQL statement so
 * that PostgreSQL does the work over a trail of millions of entries.
 */
@Component
public class UnusualAccessReports {

  /** The actions that read case data: what "many views in a short time" counts. */
  public static final List<String> CASE_READS =
      List.of("PERSON_VIEW", "FAMILY_VIEW", "CHRONOLOGY_READ", "SEARCH");

  /**
   * Reads by staff on the register of people whose family name and postcode are the reader's own;
   * an auditor's scope is added where the marker comment stands.
   */
  private static final String SHARED_SURNAME_AND_POSTCODE =
      """
          with staff (username, family_name, postcode) as (
            select * from unnest(?::text[], ?::text[], ?::text[])
          ), reads as (
            select e.seq, e.recorded_at, e.actor, e.action, e.target_type, e.target_id
            from audit_entry e
            where e.target_type in ('source-record', 'person', 'family')
              and e.actor = any (?::text[])
              and e.recorded_at >= ? and e.recorded_at < ? /*scope*/
          ), read_records as (
            select r.*, p.agency, p.record_id
            from reads r
            join source_person p on r.target_id = p.agency || '/' || p.record_id
            where r.target_type = 'source-record'
            union all
            select r.*, pr.agency, pr.record_id
            from reads r
            join person_record pr on pr.person_id = r.target_id
            where r.target_type = 'person'
            union all
            select r.*, pr.agency, pr.record_id
            from reads r
            join family_member fm on fm.family_id = r.target_id
            join person_record pr on pr.person_id = fm.person_id
            where r.target_type = 'family'
          )
          select distinct on (rr.seq) rr.seq, rr.recorded_at, rr.actor, rr.action,
                 rr.target_type, rr.target_id, rr.agency, rr.record_id
          from read_records rr
          join source_person p on p.agency = rr.agency and p.record_id = rr.record_id
          join staff s on s.username = rr.actor
          where lower(btrim(p.family_name)) = s.family_name
            and upper(regexp_replace(p.postcode, '\\s', '', 'g')) = s.postcode
          order by rr.seq desc, rr.agency, rr.record_id
          """;

  private final JdbcClient jdbc;

  public UnusualAccessReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every break-glass entry, granted or refused, and every other refused access, newest first. A
   * granted entry is joined to the grant it recorded (same user, target and purpose, the latest
   * grant made before the entry: the controller writes the grant, then the entry) to show whether
   * an auditor has reviewed it.
   */
  public List<OutOfCaseloadAccess> outOfCaseload(Instant from, Instant to) {
    return outOfCaseload(from, to, AuditScope.EVERYTHING);
  }

  /** {@link #outOfCaseload(Instant, Instant)} of the entries within an auditor's scope. */
  public List<OutOfCaseloadAccess> outOfCaseload(Instant from, Instant to, AuditScope scope) {
    return jdbc.sql(
            """
            select e.seq, e.recorded_at, e.actor, e.action, e.outcome, e.target_type, e.target_id,
                   e.purpose, e.detail, g.id as grant_id, g.reviewed_by, g.reviewed_at
            from audit_entry e
            left join lateral (
              select id, reviewed_by, reviewed_at from access_grant g
              where e.action = 'BREAK_GLASS' and e.outcome = 'ALLOWED'
                and g.username = e.actor and g.target_type = e.target_type
                and g.target_id = e.target_id and g.purpose = e.purpose
                and g.granted_at <= e.recorded_at + interval '1 millisecond'
              order by g.granted_at desc limit 1) g on true
            where (e.action = 'BREAK_GLASS' or e.outcome = 'DENIED')
              -- An incomplete break-glass form (no purpose chosen, too short a reason) refused
              -- nothing: the user was asked to finish the form.
              and not (e.action = 'BREAK_GLASS' and e.outcome = 'DENIED'
                       and (e.detail like 'form incomplete:%' or e.detail = 'invalid purpose or reason'))
              and e.recorded_at >= ? and e.recorded_at < ? /*scope*/
            order by e.seq desc
            """
                .replace("/*scope*/", scope.condition("e")))
        .params(params(scope, Timestamp.from(from), Timestamp.from(to)))
        .query(
            (rs, n) ->
                new OutOfCaseloadAccess(
                    rs.getLong("seq"),
                    instant(rs, "recorded_at"),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("outcome"),
                    rs.getString("target_type"),
                    rs.getString("target_id"),
                    rs.getString("purpose"),
                    rs.getString("detail"),
                    rs.getObject("grant_id", UUID.class),
                    rs.getString("reviewed_by"),
                    rs.getTimestamp("reviewed_at") == null ? null : instant(rs, "reviewed_at"),
                    rs.getTimestamp("reviewed_at") != null))
        .list();
  }

  /**
   * Users who made more than {@code threshold} case reads within any {@code window} in the period.
   * For each read, a window function counts that user's reads in {@code [read, read + window)}; a
   * user is reported once, with their busiest window. Refused reads count too: a burst of refusals
   * is as worth a look as a burst of reads.
   */
  public List<ManyViews> manyViews(Instant from, Instant to, int threshold, Duration window) {
    return manyViews(from, to, threshold, window, AuditScope.EVERYTHING);
  }

  /** {@link #manyViews(Instant, Instant, int, Duration)} of the users within an auditor's scope. */
  public List<ManyViews> manyViews(
      Instant from, Instant to, int threshold, Duration window, AuditScope scope) {
    List<Object> params = new ArrayList<>();
    params.add(window.toNanos() / 1_000_000_000.0);
    params.addAll(params(scope, Timestamp.from(from), Timestamp.from(to)));
    params.add(threshold);
    return jdbc
        .sql(
            """
            with reads as (
              select actor, recorded_at,
                     count(*) over (partition by actor order by recorded_at
                       range between current row
                       and make_interval(secs => ?) - interval '1 microsecond' following) as views
              from audit_entry e
              where action in ('PERSON_VIEW', 'FAMILY_VIEW', 'CHRONOLOGY_READ', 'SEARCH')
                and recorded_at >= ? and recorded_at < ? /*scope*/
            ), busy as (
              select actor, recorded_at, views, count(*) over (partition by actor) as windows
              from reads where views > ?
            )
            select distinct on (actor) actor, recorded_at, views, windows
            from busy order by actor, views desc, recorded_at
            """
                .replace("/*scope*/", scope.condition("e")))
        .params(params)
        .query(
            (rs, n) -> {
              Instant start = instant(rs, "recorded_at");
              return new ManyViews(
                  rs.getString("actor"),
                  start,
                  start.plus(window),
                  rs.getLong("views"),
                  rs.getLong("windows"));
            })
        .list()
        .stream()
        .sorted((a, b) -> Long.compare(b.views(), a.views()))
        .toList();
  }

  /**
   * Reads, by staff on the register, of people whose family name and postcode are the staff
   * member's own. A read names a source record ({@link SharedSurnameAndPostcode#SOURCE_RECORD},
   * {@code agency/record_id}), a person (every source record linked to it in {@code person_record})
   * or a family (every record of every member in {@code family_member}, whatever their dates: a
   * former member is still someone the reader may know). An entry is listed once, with the first
   * matching record (by agency and record id) as the evidence.
   */
  public List<SharedSurnameAndPostcode> sharedSurnameAndPostcode(
      Instant from, Instant to, List<StaffMember> register) {
    return sharedSurnameAndPostcode(from, to, register, AuditScope.EVERYTHING);
  }

  /** The same, of the reads within an auditor's scope. */
  public List<SharedSurnameAndPostcode> sharedSurnameAndPostcode(
      Instant from, Instant to, List<StaffMember> register, AuditScope scope) {
    if (register.isEmpty()) {
      return List.of();
    }
    String[] usernames = register.stream().map(StaffMember::username).toArray(String[]::new);
    String[] names = register.stream().map(StaffMember::familyName).toArray(String[]::new);
    String[] postcodes = register.stream().map(StaffMember::postcode).toArray(String[]::new);
    return jdbc.sql(SHARED_SURNAME_AND_POSTCODE.replace("/*scope*/", scope.condition("e")))
        .params(
            params(
                scope,
                usernames,
                names,
                postcodes,
                usernames,
                Timestamp.from(from),
                Timestamp.from(to)))
        .query(
            (rs, n) ->
                new SharedSurnameAndPostcode(
                    rs.getLong("seq"),
                    instant(rs, "recorded_at"),
                    rs.getString("actor"),
                    rs.getString("action"),
                    rs.getString("target_type"),
                    rs.getString("target_id"),
                    rs.getString("agency"),
                    rs.getString("record_id")))
        .list();
  }

  /** The statement's own parameters, then the scope's, whose condition ends its where clause. */
  private static List<Object> params(AuditScope scope, Object... before) {
    List<Object> params = new ArrayList<>(List.of(before));
    params.addAll(scope.parameters());
    return params;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getTimestamp(column).toInstant();
  }
}
