package org.familyview.linkage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What happened to a person id: its link events and lineage, and the live ids it became. */
@Component
class LinkHistory {

  private final JdbcClient jdbc;

  LinkHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<PersonHistory> history(String personId) {
    record Row(Timestamp createdAt, @Nullable Timestamp retiredAt) {}
    Optional<Row> person =
        jdbc.sql("select created_at, retired_at from person where id = ?")
            .param(personId)
            .query((rs, n) -> new Row(rs.getTimestamp(1), rs.getTimestamp(2)))
            .optional();
    if (person.isEmpty()) {
      return Optional.empty();
    }
    List<PersonHistory.Entry> events = new ArrayList<>();
    events.addAll(
        jdbc.sql(
                "select action, at, agency, record_id, link_type, match_probability,"
                    + " model_version, run_id, decided_by, reason from person_link_event"
                    + " where person_id = ? order by at, id")
            .param(personId)
            .query((rs, n) -> linkEvent(rs))
            .list());
    events.addAll(
        jdbc.sql(
                "select kind, at, run_id, decided_by, from_person, to_person from person_lineage"
                    + " where from_person = ? or to_person = ? order by at, id")
            .params(personId, personId)
            .query((rs, n) -> lineage(rs))
            .list());
    events.sort(Comparator.comparing(PersonHistory.Entry::at));
    Timestamp retired = person.get().retiredAt();
    return Optional.of(
        new PersonHistory(
            personId,
            person.get().createdAt().toInstant(),
            retired == null ? null : retired.toInstant(),
            retired == null ? List.of() : became(personId),
            events));
  }

  /** The live ids a retired id's records went to, following merges and splits onwards. */
  private List<String> became(String personId) {
    Set<String> seen = new HashSet<>(Set.of(personId));
    Set<String> live = new TreeSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(personId));
    while (!queue.isEmpty() && seen.size() < 1_000) {
      String from = queue.poll();
      for (String to :
          jdbc.sql(
                  "select l.to_person from person_lineage l where l.from_person = ?"
                      + " and l.kind in ('MERGE', 'SPLIT') order by l.at, l.id")
              .param(from)
              .query(String.class)
              .list()) {
        if (seen.add(to)) {
          if (isLive(to)) {
            live.add(to);
          } else {
            queue.add(to);
          }
        }
      }
    }
    return List.copyOf(live);
  }

  private boolean isLive(String personId) {
    return jdbc.sql("select retired_at is null from person where id = ?")
        .param(personId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  private static PersonHistory.Entry linkEvent(ResultSet rs) throws SQLException {
    double probability = rs.getDouble(6);
    boolean noProbability = rs.wasNull();
    return new PersonHistory.Entry(
        rs.getString(1),
        rs.getTimestamp(2).toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        noProbability ? null : probability,
        rs.getString(7),
        rs.getObject(8, UUID.class),
        rs.getString(9),
        rs.getString(10),
        null,
        null);
  }

  private static PersonHistory.Entry lineage(ResultSet rs) throws SQLException {
    return new PersonHistory.Entry(
        rs.getString(1),
        rs.getTimestamp(2).toInstant(),
        null,
        null,
        null,
        null,
        null,
        rs.getObject(3, UUID.class),
        rs.getString(4),
        null,
        rs.getString(5),
        rs.getString(6));
  }
}
