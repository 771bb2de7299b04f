package org.familyview.review.task;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.familyview.review.RecordRef;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who holds which record now, and the families people are in (V12 tables, read only). */
@Component("workbench.people")
public class People {

  private final JdbcClient jdbc;

  public People(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record Person(String id, Instant createdAt, @Nullable Instant retiredAt) {
    public boolean retired() {
      return retiredAt != null;
    }
  }

  /** A record's place in its person, and the link that put it there. */
  public record Membership(
      RecordRef record,
      String personId,
      String linkType,
      @Nullable String linkedTo,
      @Nullable Double matchProbability,
      @Nullable String reason,
      @Nullable String modelVersion,
      Instant linkedAt) {}

  public record FamilyMember(
      String familyId,
      String personId,
      String role,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      String basis) {}

  public record Household(
      String id,
      String familyId,
      @Nullable String address,
      @Nullable String postcode,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {}

  public Optional<Person> person(String id) {
    return jdbc.sql("select id, created_at, retired_at from person where id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              Timestamp retired = rs.getTimestamp("retired_at");
              return new Person(
                  rs.getString("id"),
                  rs.getTimestamp("created_at").toInstant(),
                  retired == null ? null : retired.toInstant());
            })
        .optional();
  }

  public Map<RecordRef, String> personOf(Collection<RecordRef> records) {
    Map<RecordRef, String> found = new LinkedHashMap<>();
    for (RecordRef r : records) {
      jdbc.sql("select person_id from person_record where agency = ? and record_id = ?")
          .param(r.agency())
          .param(r.recordId())
          .query(String.class)
          .optional()
          .ifPresent(p -> found.put(r, p));
    }
    return found;
  }

  public List<Membership> members(String personId) {
    return jdbc.sql(
            """
            select agency, record_id, person_id, link_type, linked_to_agency, linked_to_record_id,
                   match_probability, reason, model_version, linked_at
            from person_record where person_id = ? order by agency, record_id
            """)
        .param(personId)
        .query(
            (rs, n) -> {
              double probability = rs.getDouble("match_probability");
              boolean noProbability = rs.wasNull();
              String linkedAgency = rs.getString("linked_to_agency");
              return new Membership(
                  new RecordRef(rs.getString("agency"), rs.getString("record_id")),
                  rs.getString("person_id"),
                  rs.getString("link_type"),
                  linkedAgency == null
                      ? null
                      : linkedAgency + "/" + rs.getString("linked_to_record_id"),
                  noProbability ? null : probability,
                  rs.getString("reason"),
                  rs.getString("model_version"),
                  rs.getTimestamp("linked_at").toInstant());
            })
        .list();
  }

  public List<RecordRef> recordsOf(String personId) {
    return members(personId).stream().map(Membership::record).toList();
  }

  /** Every member of every current family any of these people is in. */
  public List<FamilyMember> familiesOf(Collection<String> personIds) {
    if (personIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select m.family_id, m.person_id, m.role, m.from_date, m.to_date, m.basis
            from family_member m join family f on f.id = m.family_id
            where f.retired_at is null and m.family_id in (
              select family_id from family_member where person_id = any(?))
            order by m.family_id, m.role, m.person_id, m.from_date
            """)
        .param(personIds.toArray(String[]::new))
        .query(
            (rs, n) ->
                new FamilyMember(
                    rs.getString("family_id"),
                    rs.getString("person_id"),
                    rs.getString("role"),
                    date(rs.getDate("from_date")),
                    date(rs.getDate("to_date")),
                    rs.getString("basis")))
        .list();
  }

  public List<Household> householdsOf(Collection<String> familyIds) {
    if (familyIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select id, family_id, address, postcode, from_date, to_date from household
            where family_id = any(?) order by family_id, from_date nulls first, id
            """)
        .param(familyIds.toArray(String[]::new))
        .query(
            (rs, n) ->
                new Household(
                    rs.getString("id"),
                    rs.getString("family_id"),
                    rs.getString("address"),
                    rs.getString("postcode"),
                    date(rs.getDate("from_date")),
                    date(rs.getDate("to_date"))))
        .list();
  }

  /** Families a person has ever been a member of, retired ones included (for blast radius). */
  public List<String> familyIdsEverHolding(String personId) {
    return new ArrayList<>(
        jdbc.sql("select distinct family_id from family_member where person_id = ? order by 1")
            .param(personId)
            .query(String.class)
            .list());
  }

  private static @Nullable LocalDate date(@Nullable Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
