package org.familyview.frontdoor;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the front door reads of a subject from the linkage tables (owned by linkage, read here): who
 * the subject is, which family a decision is recorded against, and which partners' records
 * FamilyView links to it.
 */
@Component
public class Subjects {

  private final JdbcClient jdbc;

  Subjects(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A current person or family.
   *
   * @param personIds the person, or the family's current members
   * @param familyId the family, or the person's current family if they have one
   * @param linked each partner's records linked to those persons (partner id → record ids)
   */
  public record Known(
      Contact.Subject subject,
      List<String> personIds,
      @Nullable String familyId,
      Map<String, List<String>> linked) {}

  public Optional<Known> find(Contact.Subject subject) {
    return switch (subject.kind()) {
      case PERSON -> person(subject);
      case FAMILY -> family(subject);
    };
  }

  private Optional<Known> person(Contact.Subject subject) {
    if (!exists("select count(*) from person where id = ? and retired_at is null", subject.id())) {
      return Optional.empty();
    }
    List<String> families =
        jdbc.sql(
                """
                select fm.family_id from family_member fm
                join family f on f.id = fm.family_id and f.retired_at is null
                where fm.person_id = ? and fm.to_date is null order by fm.family_id limit 1
                """)
            .param(subject.id())
            .query(String.class)
            .list();
    List<String> persons = List.of(subject.id());
    return Optional.of(
        new Known(
            subject, persons, families.isEmpty() ? null : families.getFirst(), linked(persons)));
  }

  private Optional<Known> family(Contact.Subject subject) {
    if (!exists("select count(*) from family where id = ? and retired_at is null", subject.id())) {
      return Optional.empty();
    }
    List<String> persons =
        jdbc.sql(
                """
                select distinct fm.person_id from family_member fm
                join person p on p.id = fm.person_id and p.retired_at is null
                where fm.family_id = ? and fm.to_date is null order by fm.person_id
                """)
            .param(subject.id())
            .query(String.class)
            .list();
    return Optional.of(new Known(subject, persons, subject.id(), linked(persons)));
  }

  private boolean exists(String sql, String id) {
    return jdbc.sql(sql).param(id).query(Long.class).single() > 0;
  }

  /** Partner id → the partner's record ids linked to these persons. */
  private Map<String, List<String>> linked(List<String> persons) {
    Map<String, List<String>> linked = new LinkedHashMap<>();
    jdbc.sql(
            """
            select agency, record_id from person_record where person_id = any(?)
            order by agency, record_id
            """)
        .param(persons.toArray(String[]::new))
        .query(
            rs -> {
              linked
                  .computeIfAbsent(partner(rs.getString(1)), k -> new ArrayList<>())
                  .add(rs.getString(2));
            });
    return linked;
  }

  /** One event of a partner's own record, as its checker sees it. */
  public record PartnerEvent(
      String recordId,
      String eventId,
      @Nullable LocalDate occurredOn,
      String type,
      @Nullable String summary) {}

  /** The partner's own events on these records, newest first: what its checker answers from. */
  public List<PartnerEvent> eventsOf(String partner, List<String> recordIds) {
    if (recordIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select record_id, event_id, occurred_on, type, summary from source_event
            where lower(agency) = ? and record_id = any(?) and current
            order by occurred_on desc nulls last, event_id
            """)
        .params(partner, recordIds.toArray(String[]::new))
        .query(
            (rs, n) -> {
              Date on = rs.getDate(3);
              return new PartnerEvent(
                  rs.getString(1),
                  rs.getString(2),
                  on == null ? null : on.toLocalDate(),
                  rs.getString(4),
                  rs.getString(5));
            })
        .list();
  }

  /** Partner ids are lower case ({@code police}); the store keeps agency names as enum names. */
  static String partner(String stored) {
    return stored.toLowerCase(Locale.ROOT);
  }
}
