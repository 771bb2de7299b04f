package org.familyview.pipeline.families;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.familyview.families.AddressKey;
import org.familyview.families.Sighting;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each source record's address and household history (table residence_observation, V14), kept by
 * comparing source_person's current row with the record's open spell at every run.
 *
 * <p>Dates come from the extracts: a spell starts on the day the extract that first showed it was
 * applied (source_person.loaded_at is written only when a record changes, so it is that day), holds
 * until the latest applied extract of the agency that still carried the record, and ends the day
 * before an extract showed something else, or on its last day seen when the record left the
 * agency's extract. Comparing with the open spell makes a second run with the same data change
 * nothing, so the step is idempotent for a run.
 */
@Component
class ResidenceObservations {

  static final ZoneId UK = ZoneId.of("Europe/London");

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  ResidenceObservations(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  private record OpenSpell(
      long id,
      @Nullable String addressKey,
      @Nullable String householdId,
      LocalDate firstSeen,
      LocalDate lastSeen) {}

  /** What the observation history changed in one update. */
  record Changes(long recordsRead, long opened, long closed, long extended) {}

  /** Brings the history up to date with source_person. */
  Changes update(UUID runId) {
    Map<String, LocalDate> latestExtract = new HashMap<>();
    jdbc.sql(
            "select agency, max(coalesce(applied_at, finished_at, received_at)) from extract"
                + " where status = 'COMPLETED' group by agency")
        .query(
            rs -> {
              latestExtract.put(rs.getString(1), day(rs.getTimestamp(2)));
            });
    Map<String, OpenSpell> open = new HashMap<>();
    jdbc.sql(
            "select id, agency, record_id, address_key, household_id, first_seen, last_seen"
                + " from residence_observation where ended_on is null")
        .query(
            rs -> {
              open.put(
                  rs.getString(2) + '\u0000' + rs.getString(3),
                  new OpenSpell(
                      rs.getLong(1),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getDate(6).toLocalDate(),
                      rs.getDate(7).toLocalDate()));
            });
    List<Object[]> extend = new ArrayList<>();
    List<Object[]> close = new ArrayList<>();
    List<Object[]> insert = new ArrayList<>();
    long[] read = {0};
    jdbc.sql(
            "select agency, record_id, address, postcode, household_id, current, loaded_at"
                + " from source_person")
        .query(
            rs -> {
              read[0]++;
              compare(rs, open, latestExtract, runId, extend, close, insert);
            });
    template.batchUpdate(
        "update residence_observation set last_seen = ?, address = ?, postcode = ? where id = ?",
        extend);
    template.batchUpdate(
        "update residence_observation set ended_on = ?, ended_by = ?, closed_in_run = ?"
            + " where id = ?",
        close);
    template.batchUpdate(
        "insert into residence_observation (agency, record_id, address_key, address, postcode,"
            + " household_id, first_seen, last_seen, opened_in_run) values (?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?)",
        insert);
    return new Changes(read[0], insert.size(), close.size(), extend.size());
  }

  private static void compare(
      ResultSet rs,
      Map<String, OpenSpell> open,
      Map<String, LocalDate> latestExtract,
      UUID runId,
      List<Object[]> extend,
      List<Object[]> close,
      List<Object[]> insert)
      throws SQLException {
    String agency = rs.getString(1);
    String recordId = rs.getString(2);
    String address = rs.getString(3);
    String postcode = rs.getString(4);
    String householdId = blankToNull(rs.getString(5));
    boolean current = rs.getBoolean(6);
    LocalDate changedOn = day(rs.getTimestamp(7));
    LocalDate latest = latestExtract.get(agency);
    LocalDate seenOn = latest != null && latest.isAfter(changedOn) ? latest : changedOn;
    String key = AddressKey.of(address);
    OpenSpell spell = open.get(agency + '\u0000' + recordId);
    if (!current) {
      if (spell != null) {
        close.add(
            new Object[] {Date.valueOf(spell.lastSeen()), "NO_LONGER_CURRENT", runId, spell.id()});
      }
      return;
    }
    if (spell != null
        && Objects.equals(spell.addressKey(), key)
        && Objects.equals(spell.householdId(), householdId)) {
      if (seenOn.isAfter(spell.lastSeen())) {
        extend.add(new Object[] {Date.valueOf(seenOn), address, postcode, spell.id()});
      }
      return;
    }
    if (spell != null) {
      LocalDate dayBefore = changedOn.minusDays(1);
      LocalDate ended = dayBefore.isBefore(spell.firstSeen()) ? spell.firstSeen() : dayBefore;
      close.add(new Object[] {Date.valueOf(ended), "MOVED", runId, spell.id()});
    }
    insert.add(
        new Object[] {
          agency,
          recordId,
          key,
          address,
          postcode,
          householdId,
          Date.valueOf(changedOn),
          Date.valueOf(seenOn),
          runId
        });
  }

  /**
   * Every person's sightings, from the history. A record's earliest spell has no start: it has held
   * as far back as FamilyView's records go, which is not the day the person moved in.
   */
  Map<String, List<Sighting>> sightingsByPerson() {
    Map<String, List<Sighting>> sightings = new HashMap<>();
    jdbc.sql(
            """
            select pr.person_id, o.agency, o.record_id, o.address, o.postcode, o.household_id,
                   o.first_seen, o.ended_on,
                   o.first_seen = min(o.first_seen) over (partition by o.agency, o.record_id)
            from residence_observation o
            join person_record pr on pr.agency = o.agency and pr.record_id = o.record_id
            order by pr.person_id, o.agency, o.record_id, o.first_seen, o.id
            """)
        .query(
            rs -> {
              LocalDate from = rs.getBoolean(9) ? null : rs.getDate(7).toLocalDate();
              Date ended = rs.getDate(8);
              sightings
                  .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(
                      new Sighting(
                          rs.getString(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getString(6),
                          from,
                          ended == null ? null : ended.toLocalDate()));
            });
    return sightings;
  }

  static LocalDate day(Timestamp at) {
    return at.toInstant().atZone(UK).toLocalDate();
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
