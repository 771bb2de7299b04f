package org.familyview.frontdoor;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The one owner of {@code front_door_contact} and {@code front_door_check}. */
@Component
public class Contacts {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  Contacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores a new contact and its checks. A rule's contact whose (rule, family, evidence) is already
   * stored is not stored again: false.
   */
  boolean insert(Contact c, @Nullable String evidenceKey) {
    int rows =
        jdbc.sql(
                """
                insert into front_door_contact (id, subject_kind, subject_id, family_id, source,
                  concern, rag, raised_at, due_at, raised_by, rule_id, rule_version, rule_label,
                  evidence, evidence_key)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict do nothing
                """)
            .params(
                c.id(),
                c.subject().kind().name(),
                c.subject().id(),
                c.familyId(),
                c.source(),
                c.concern(),
                c.rag().name(),
                Timestamp.from(c.raisedAt()),
                Timestamp.from(c.dueAt()),
                c.raisedBy(),
                c.rule() == null ? null : c.rule().ruleId(),
                c.rule() == null ? null : c.rule().version(),
                c.rule() == null ? null : c.rule().label(),
                c.rule() == null ? null : JSON.writeValueAsString(c.rule().evidence()),
                evidenceKey)
            .update();
    if (rows == 0) {
      return false;
    }
    for (Contact.Check check : c.checks()) {
      jdbc.sql(
              """
              insert into front_door_check (contact_id, partner, due_at, status, linked)
              values (?, ?, ?, 'REQUESTED', ?)
              """)
          .params(
              c.id(),
              check.partner(),
              Timestamp.from(check.dueAt()),
              check.linked().toArray(String[]::new))
          .update();
    }
    return true;
  }

  Optional<Contact> find(UUID id) {
    return load("where c.id = ?", id).stream().findFirst();
  }

  /** Contacts raised on or after {@code since}, oldest first. */
  List<Contact> raisedSince(Instant since) {
    return load("where c.raised_at >= ? order by c.raised_at, c.id", Timestamp.from(since));
  }

  /** Contacts about any of these subjects (person or family ids) raised on or after a time. */
  List<Contact> aboutSince(Collection<String> subjectIds, Instant since) {
    return load(
        "where (c.subject_id = any(?) or c.family_id = any(?)) and c.raised_at >= ?"
            + " order by c.raised_at",
        subjectIds.toArray(String[]::new),
        subjectIds.toArray(String[]::new),
        Timestamp.from(since));
  }

  /** Decided contacts recorded against a family or about any of its members. */
  List<Contact> decidedAbout(String familyId, Collection<String> personIds) {
    return load(
        "where c.outcome is not null and (c.family_id = ? or c.subject_id = any(?))"
            + " order by c.decided_at",
        familyId,
        personIds.toArray(String[]::new));
  }

  /** True if the check was still open and is now answered. */
  boolean answer(
      UUID id,
      String partner,
      String response,
      @Nullable Boolean nothingKnown,
      Instant at,
      String by) {
    return jdbc.sql(
                """
                update front_door_check set status = 'ANSWERED', response = ?, nothing_known = ?,
                  answered_at = ?, answered_by = ?
                where contact_id = ? and partner = ? and status = 'REQUESTED'
                """)
            .params(response, nothingKnown, Timestamp.from(at), by, id, partner)
            .update()
        == 1;
  }

  /** True if the contact was undecided and now is decided. */
  boolean decide(UUID id, Outcome outcome, String reason, Instant at, String by) {
    return jdbc.sql(
                """
                update front_door_contact set outcome = ?, reason = ?, decided_at = ?, decided_by = ?
                where id = ? and outcome is null
                """)
            .params(outcome.name(), reason, Timestamp.from(at), by, id)
            .update()
        == 1;
  }

  /** An open check to announce as due or overdue. */
  record Announcement(UUID contactId, String partner, Instant dueAt, boolean overdue) {}

  /**
   * Marks and returns the open checks that have come within {@code dueBy} of their deadline (not
   * yet announced as due) or passed it (not yet announced as overdue), so each is announced once.
   */
  List<Announcement> announce(Instant now, Instant dueBy) {
    List<Announcement> overdue =
        jdbc.sql(
                """
                update front_door_check set overdue_announced = true, due_announced = true
                where status = 'REQUESTED' and not overdue_announced and due_at < ?
                returning contact_id, partner, due_at
                """)
            .param(Timestamp.from(now))
            .query((rs, n) -> announcement(rs, true))
            .list();
    List<Announcement> due =
        jdbc.sql(
                """
                update front_door_check set due_announced = true
                where status = 'REQUESTED' and not due_announced and due_at <= ?
                returning contact_id, partner, due_at
                """)
            .param(Timestamp.from(dueBy))
            .query((rs, n) -> announcement(rs, false))
            .list();
    List<Announcement> all = new ArrayList<>(overdue);
    all.addAll(due);
    return all;
  }

  private static Announcement announcement(ResultSet rs, boolean overdue) throws SQLException {
    return new Announcement(
        rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(), overdue);
  }

  private List<Contact> load(String where, Object... params) {
    List<Contact> rows =
        jdbc.sql(
                """
                select c.id, c.subject_kind, c.subject_id, c.family_id, c.source, c.concern, c.rag,
                  c.raised_at, c.due_at, c.raised_by, c.rule_id, c.rule_version, c.rule_label,
                  c.evidence::text, c.outcome, c.reason, c.decided_at, c.decided_by
                from front_door_contact c
                """
                    + where)
            .params(params)
            .query((rs, n) -> row(rs))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<Contact.Check>> checks = checksOf(rows.stream().map(Contact::id).toList());
    return rows.stream().map(c -> c.withChecks(checks.getOrDefault(c.id(), List.of()))).toList();
  }

  private Map<UUID, List<Contact.Check>> checksOf(List<UUID> ids) {
    Map<UUID, List<Contact.Check>> checks = new LinkedHashMap<>();
    jdbc.sql(
            """
            select contact_id, partner, due_at, status, linked, response, nothing_known,
              answered_at, answered_by
            from front_door_check where contact_id = any(?) order by partner
            """)
        .param(ids.toArray(UUID[]::new))
        .query(
            rs -> {
              checks
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(
                      new Contact.Check(
                          rs.getString(2),
                          rs.getTimestamp(3).toInstant(),
                          CheckStatus.valueOf(rs.getString(4)),
                          strings(rs.getArray(5)),
                          rs.getString(6),
                          (Boolean) rs.getObject(7),
                          instant(rs.getTimestamp(8)),
                          rs.getString(9)));
            });
    return checks;
  }

  /** A contact from its row, its checks not yet attached. */
  private static Contact row(ResultSet rs) throws SQLException {
    String ruleId = rs.getString(11);
    String outcome = rs.getString(15);
    return new Contact(
        rs.getObject(1, UUID.class),
        new Contact.Subject(Contact.Subject.Kind.valueOf(rs.getString(2)), rs.getString(3)),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        Rag.valueOf(rs.getString(7)),
        rs.getTimestamp(8).toInstant(),
        rs.getTimestamp(9).toInstant(),
        rs.getString(10),
        ruleId == null
            ? null
            : new Contact.Fired(
                ruleId, rs.getString(12), rs.getString(13), evidence(rs.getString(14))),
        List.of(),
        outcome == null
            ? null
            : new Contact.Decision(
                Outcome.valueOf(outcome),
                rs.getString(16),
                rs.getTimestamp(17).toInstant(),
                rs.getString(18)));
  }

  private static List<Contact.EvidenceEvent> evidence(@Nullable String json) {
    return json == null
        ? List.of()
        : JSON.readValue(json, new TypeReference<List<Contact.EvidenceEvent>>() {});
  }

  private static List<String> strings(@Nullable Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static @Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
