package org.familyview.review.task;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The families people are in now, and their households (read only). */
@Component
public class Families {

  private final JdbcClient jdbc;

  public Families(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

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

  private static @Nullable LocalDate date(@Nullable Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
