package org.familyview.pipeline.families;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.familyview.families.Family;
import org.familyview.families.Household;
import org.familyview.families.Member;
import org.familyview.families.Residency;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The family, family_member, household and household_member tables (V12). Family rows are kept (an
 * id is never reused; a family that no longer forms is retired); members and households are derived
 * and replaced family by family: a night replaces those of the families it regrouped.
 */
@Component
class FamilyTables {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  FamilyTables(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Last run's live families: id to everyone who was ever a member. */
  Map<String, Set<String>> liveFamilies() {
    Map<String, Set<String>> families = new HashMap<>();
    jdbc.sql(
            "select m.family_id, m.person_id from family_member m"
                + " join family f on f.id = m.family_id where f.retired_at is null")
        .query(
            rs -> {
              families.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            });
    return families;
  }

  /** The highest family number ever issued, retired families included. */
  long highestIssued() {
    Long highest =
        jdbc.sql(
                "select coalesce(max(substring(id from 2)::bigint), 0) from family"
                    + " where id ~ '^F[0-9]+$'")
            .query(Long.class)
            .single();
    return highest == null ? 0 : highest;
  }

  /** What was written. */
  record Written(long families, long members, long households, long residents, long retired) {
    long rows() {
      return families + members + households + residents;
    }
  }

  /** The rows of the derived tables, built before any is written. */
  private record Rows(
      List<Object[]> families,
      List<Object[]> members,
      List<Object[]> households,
      List<Object[]> residents) {}

  /**
   * Replaces the derived rows of last night's families {@code replaced} (all of them if null: a
   * night that regrouped everyone) with this run's {@code families}, under the given ids, and
   * retires those of them no family of this run took. Every other family's rows are left as they
   * are, not rewritten.
   */
  Written replace(
      UUID runId,
      List<Family> families,
      List<String> ids,
      @Nullable Set<String> replaced,
      Instant now) {
    Timestamp at = Timestamp.from(now);
    deleteDerived(replaced);
    Rows rows =
        new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int f = 0; f < families.size(); f++) {
      add(rows, families.get(f), ids.get(f), runId, at);
    }
    template.batchUpdate(
        "insert into family (id, created_at) values (?, ?) on conflict (id) do nothing",
        rows.families());
    long retired = retire(replaced, ids, at);
    template.batchUpdate(
        "insert into family_member (family_id, person_id, role, from_date, to_date, basis, run_id)"
            + " values (?, ?, ?, ?, ?, ?, ?)",
        rows.members());
    template.batchUpdate(
        "insert into household (id, family_id, address, postcode, from_date, to_date)"
            + " values (?, ?, ?, ?, ?, ?)",
        rows.households());
    template.batchUpdate(
        "insert into household_member (household_id, person_id, from_date, to_date, agency,"
            + " record_id) values (?, ?, ?, ?, ?, ?)",
        rows.residents());
    return new Written(
        rows.families().size(),
        rows.members().size(),
        rows.households().size(),
        rows.residents().size(),
        retired);
  }

  private void deleteDerived(@Nullable Set<String> replaced) {
    if (replaced == null) {
      template.update("delete from household_member");
      template.update("delete from household");
      template.update("delete from family_member");
      return;
    }
    Object ids = replaced.toArray(String[]::new);
    template.update(
        "delete from household_member where household_id in"
            + " (select id from household where family_id = any(?))",
        ids);
    template.update("delete from household where family_id = any(?)", ids);
    template.update("delete from family_member where family_id = any(?)", ids);
  }

  /**
   * Retires the live families among {@code replaced} (every live one if null) not in {@code ids}.
   */
  private long retire(@Nullable Set<String> replaced, List<String> ids, Timestamp at) {
    String[] kept = ids.toArray(String[]::new);
    if (replaced == null) {
      return jdbc.sql(
              "update family set retired_at = ? where retired_at is null and not (id = any(?))")
          .params(at, kept)
          .update();
    }
    return jdbc.sql(
            "update family set retired_at = ? where retired_at is null and id = any(?)"
                + " and not (id = any(?))")
        .params(at, replaced.toArray(String[]::new), kept)
        .update();
  }

  private static void add(Rows rows, Family family, String id, UUID runId, Timestamp at) {
    rows.families().add(new Object[] {id, at});
    for (Member member : family.members()) {
      rows.members()
          .add(
              new Object[] {
                id,
                member.personId(),
                member.role().name(),
                date(member.from()),
                date(member.to()),
                member.basis(),
                runId
              });
    }
    int n = 0;
    for (Household household : family.households()) {
      String householdId = id + "-H" + (++n);
      rows.households()
          .add(
              new Object[] {
                householdId,
                id,
                household.address(),
                household.postcode(),
                date(household.from()),
                date(household.to())
              });
      for (Residency residency : household.residents()) {
        rows.residents()
            .add(
                new Object[] {
                  householdId,
                  residency.personId(),
                  date(residency.from()),
                  date(residency.to()),
                  residency.agency(),
                  residency.recordId()
                });
      }
    }
  }

  private static @Nullable Date date(@Nullable LocalDate day) {
    return day == null ? null : Date.valueOf(day);
  }
}
