package org.familyview.access.authority;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Places families and people from what the nightly families stage wrote ({@code household}, V12)
 * and, for a person in no family, from the postcodes of their current source records. Read at the
 * time of asking, so a move the night found counts from the next request on.
 */
@Component
public class FamilyPlaces implements Places {

  private final JdbcClient jdbc;
  private final Authorities authorities;

  public FamilyPlaces(JdbcClient jdbc, Authorities authorities) {
    this.jdbc = jdbc;
    this.authorities = authorities;
  }

  @Override
  public Authorities authorities() {
    return authorities;
  }

  /** Where one family lives; a family with no household is the unplaced authority's. */
  @Override
  public Place of(String familyId) {
    if (authorities.isSingle()) {
      return new Place(authorities.unplaced().id(), List.of());
    }
    List<Residence> homes =
        jdbc.sql("select postcode, from_date, to_date from household where family_id = ?")
            .param(familyId)
            .query((rs, n) -> residence(rs.getString(1), rs.getDate(2), rs.getDate(3)))
            .list();
    return Place.of(homes, authorities);
  }

  /** Every current family's place, for visibility filters and the moved-families list. */
  @Override
  public Map<String, Place> all() {
    Map<String, List<Residence>> homes = new HashMap<>();
    jdbc.sql(
            """
            select f.id, h.postcode, h.from_date, h.to_date
            from family f left join household h on h.family_id = f.id
            where f.retired_at is null
            """)
        .query(
            rs -> {
              List<Residence> list =
                  homes.computeIfAbsent(rs.getString(1), id -> new ArrayList<>());
              if (rs.getString(2) != null || rs.getDate(3) != null) {
                list.add(residence(rs.getString(2), rs.getDate(3), rs.getDate(4)));
              }
            });
    Map<String, Place> places = new HashMap<>();
    homes.forEach((family, list) -> places.put(family, Place.of(list, authorities)));
    return places;
  }

  /** Where a person in no family lives, from their current source records' postcodes. */
  @Override
  public java.util.Set<String> familiesOf(String personId) {
    return java.util.Set.copyOf(
        jdbc.sql(
                """
                select distinct m.family_id from family_member m join family f on f.id = m.family_id
                where m.person_id = ? and f.retired_at is null
                """)
            .param(personId)
            .query(String.class)
            .list());
  }

  @Override
  public String ofUnfamiliedPerson(String personId) {
    List<String> postcodes =
        jdbc.sql(
                """
                select sp.postcode from person_record pr
                join source_person sp on sp.agency = pr.agency and sp.record_id = pr.record_id
                where pr.person_id = ? and sp.current and sp.postcode is not null
                order by sp.loaded_at desc
                """)
            .param(personId)
            .query(String.class)
            .list();
    return postcodes.stream()
        .flatMap(p -> authorities.covering(p).stream())
        .map(Authority::id)
        .findFirst()
        .orElse(authorities.unplaced().id());
  }

  private static Residence residence(
      @Nullable String postcode, java.sql.@Nullable Date from, java.sql.@Nullable Date to) {
    return new Residence(postcode, day(from), day(to));
  }

  private static @Nullable LocalDate day(@Nullable Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
