package org.familyview.ingest.load;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.familyview.extracts.ExtractFile;
import org.familyview.ingest.extract.Extract;
import org.familyview.ingest.extract.FileCounts;
import org.familyview.ingest.guard.SnapshotGuard;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies an extract's staged snapshot to the agency's source records, set-based, inside the
 * caller's transaction (the {@code applySnapshot} step's, or a confirmation's): records not current
 * before (or never seen) are new, current ones with another content hash changed (and marked for
 * re-matching), equal hashes unchanged and untouched, current records missing from the snapshot
 * become no longer current, and events follow their person's currency. Until the transaction
 * commits, the previous snapshot is what everyone sees.
 */
final class Snapshot {

  private final JdbcClient jdbc;
  private final Clock clock;

  Snapshot(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Takes the agency's lock (one snapshot of an agency at a time, whichever instance or thread
   * applies it) and tells whether the extract is already applied.
   */
  boolean lockAndCheckApplied(Extract extract) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
        .param("familyview.extract." + extract.agency().stored())
        .query()
        .singleRow();
    return jdbc.sql("select applied_at is not null from extract where id = ? for update")
        .param(extract.id())
        .query(Boolean.class)
        .single();
  }

  /** Fresh statistics and no nested loops for the set operations that follow. */
  void plan() {
    // The staging tables were emptied after the previous load and autovacuum may have recorded
    // them as empty; without fresh statistics the planner probes the source tables row by row.
    // The same holds for the source tables after a first load or a retention erasure: statistics
    // that say "empty" turn the anti-joins below into a scan of the whole table per staged row.
    // ANALYZE samples a fixed number of rows, so it costs well under a second at any size.
    jdbc.sql("analyze extract_person_stage").update();
    jdbc.sql("analyze extract_event_stage").update();
    jdbc.sql("analyze source_person").update();
    jdbc.sql("analyze source_event").update();
    // Statistics cannot help a first load: the source table is truly empty when analysed, so the
    // planner expects one row and anti-joins each staged record against it with a nested loop
    // over a sequential scan. But the insert fills that table as it runs, and every probe then
    // walks all the rows this statement has inserted so far (invisible to it, still read): a
    // first load of 100,000 police records ran for over a quarter of an hour, quadratic in the
    // file. Hash and merge joins read the other side once, at any size; this transaction's
    // statements are all set operations over whole snapshots, where a nested loop never wins by
    // much, so it does without them.
    jdbc.sql("set local enable_nestloop = off").update();
  }

  /**
   * What applying persons.csv would do: its data rows (accepted and rejected), the agency's current
   * persons, and how many of those it does not carry.
   */
  SnapshotGuard.Figures personFigures(Extract extract) {
    return figures(
        extract, ExtractFile.PERSONS, "source_person", "extract_person_stage", "record_id");
  }

  /** The same for events.csv. */
  SnapshotGuard.Figures eventFigures(Extract extract) {
    return figures(extract, ExtractFile.EVENTS, "source_event", "extract_event_stage", "event_id");
  }

  private SnapshotGuard.Figures figures(
      Extract extract, ExtractFile file, String table, String stage, String key) {
    long rows =
        jdbc.sql("select count(*) from " + stage + " where extract_id = ?")
                .param(extract.id())
                .query(Long.class)
                .single()
            + countOf("extract_reject", extract.id(), file, "and line > 0");
    return jdbc.sql(
            "select count(*), count(*) filter (where not exists (select 1 from "
                + stage
                + " s where s.extract_id = ? and s."
                + key
                + " = t."
                + key
                + ")) from "
                + table
                + " t where t.agency = ? and t.current")
        .params(extract.id(), extract.agency().stored())
        .query(
            (rs, n) ->
                new SnapshotGuard.Figures(file.fileName(), rows, rs.getLong(1), rs.getLong(2)))
        .single();
  }

  /**
   * Records what was read, accepted, rejected and warned about in each file, for an extract that is
   * held rather than applied: the partner sees their rejects while the extract waits. New, changed,
   * unchanged and no longer current stay 0 until it is applied.
   */
  void recordIntake(Extract extract) {
    Diff none = new Diff(0, 0, 0);
    record(
        extract.id(),
        "persons_",
        counts(extract.id(), ExtractFile.PERSONS, "extract_person_stage", none, 0));
    if (extract.hasEvents()) {
      record(
          extract.id(),
          "events_",
          counts(extract.id(), ExtractFile.EVENTS, "extract_event_stage", none, 0));
    }
  }

  /** Applies both files and completes the extract. */
  void apply(Extract extract) {
    UUID id = extract.id();
    Instant now = clock.instant();
    FileCounts persons = applyPersons(extract, now);
    FileCounts events =
        extract.hasEvents() ? applyEvents(extract, now) : new FileCounts(0, 0, 0, 0, 0, 0, 0, 0);
    eventsFollowPersons(extract);
    record(id, "persons_", persons);
    record(id, "events_", events);
    jdbc.sql(
            """
            update extract e set
              persons_with_date_of_birth = c.dob, persons_with_postcode = c.postcode,
              persons_with_nhs_number = c.nhs, persons_with_upn = c.upn, persons_with_pnc_id = c.pnc,
              applied_at = ?, status = 'COMPLETED', finished_at = ?
            from (select count(date_of_birth) dob, count(postcode) postcode, count(nhs_number) nhs,
                         count(upn) upn, count(pnc_id) pnc
                  from extract_person_stage where extract_id = ?) c
            where e.id = ?
            """)
        .params(Timestamp.from(now), Timestamp.from(clock.instant()), id, id)
        .update();
    // In the same transaction: once the extract reads COMPLETED its staged rows are gone, and no
    // crash between here and the clearStaging step can leave them behind.
    ClearStaging.of(jdbc, id);
  }

  private FileCounts applyPersons(Extract extract, Instant now) {
    UUID id = extract.id();
    String agency = extract.agency().stored();
    Diff diff = diff(PERSON_FILE, agency, id);
    // The retention clock of a record starts with the extract that stops carrying it: its id is
    // kept here and its applied_at is the start (see RetentionErasure). A held extract sets
    // neither, so it starts no clock until it is confirmed.
    long noLongerCurrent = retireAbsent(PERSON_FILE, agency, id);
    upsertPersons(id, agency, now);
    return counts(id, ExtractFile.PERSONS, PERSON_FILE.stage(), diff, noLongerCurrent);
  }

  private void upsertPersons(UUID id, String agency, Instant now) {
    // Changed and reappearing records are updated, new ones inserted: two plain statements
    // rather than one INSERT ... ON CONFLICT, whose speculative insertion costs a first load of
    // millions of rows dearly. Unchanged records are not written at all.
    jdbc.sql(
            """
            update source_person p set
              given_name = s.given_name, middle_names = s.middle_names,
              family_name = s.family_name,
              aliases = coalesce(string_to_array(s.aliases, ';'), '{}'),
              date_of_birth = s.date_of_birth, sex = s.sex, address = s.address,
              postcode = s.postcode, nhs_number = s.nhs_number, upn = s.upn, pnc_id = s.pnc_id,
              phone = s.phone, email = s.email, household_id = s.household_id,
              content_hash = s.content_hash, current = true, needs_matching = true,
              extract_id = s.extract_id, source_file = ?, source_line = s.line, loaded_at = ?,
              no_longer_current_since = null
            from extract_person_stage s
            where s.extract_id = ? and p.agency = ? and p.record_id = s.record_id
              and (p.content_hash <> s.content_hash or not p.current)
            """)
        .params(ExtractFile.PERSONS.fileName(), Timestamp.from(now), id, agency)
        .update();
    jdbc.sql(
            """
            insert into source_person (agency, record_id, given_name, middle_names, family_name,
              aliases, date_of_birth, sex, address, postcode, nhs_number, upn, pnc_id, phone, email,
              household_id, content_hash, current, needs_matching, extract_id, source_file,
              source_line, loaded_at, first_extract_id, no_longer_current_since)
            select ?, s.record_id, s.given_name, s.middle_names, s.family_name,
              coalesce(string_to_array(s.aliases, ';'), '{}'), s.date_of_birth, s.sex, s.address,
              s.postcode, s.nhs_number, s.upn, s.pnc_id, s.phone, s.email, s.household_id,
              s.content_hash, true, true, s.extract_id, ?, s.line, ?, s.extract_id, null
            from extract_person_stage s
            where s.extract_id = ?
              and not exists (select 1 from source_person p
                              where p.agency = ? and p.record_id = s.record_id)
            """)
        .params(agency, ExtractFile.PERSONS.fileName(), Timestamp.from(now), id, agency)
        .update();
  }

  private FileCounts applyEvents(Extract extract, Instant now) {
    UUID id = extract.id();
    String agency = extract.agency().stored();
    Diff diff = diff(EVENT_FILE, agency, id);
    long noLongerCurrent = retireAbsent(EVENT_FILE, agency, id);
    // Retired with their person and now left out of the events file too: they stay retired.
    jdbc.sql(
            """
            update source_event e set retired_with_person = false
            where e.agency = ? and e.retired_with_person
              and not exists (select 1 from extract_event_stage s
                              where s.extract_id = ? and s.event_id = e.event_id)
            """)
        .params(agency, id)
        .update();
    upsertEvents(id, agency, now);
    return counts(id, ExtractFile.EVENTS, EVENT_FILE.stage(), diff, noLongerCurrent);
  }

  private void upsertEvents(UUID id, String agency, Instant now) {
    // Written current; eventsFollowPersons then retires those whose person is not current.
    jdbc.sql(
            """
            update source_event e set
              record_id = s.record_id, occurred_on = s.occurred_on,
              occurred_time = s.occurred_time, type = s.type, detail = s.detail, role = s.role,
              summary = s.summary, sensitivity = s.sensitivity, content_hash = s.content_hash,
              current = true, extract_id = s.extract_id, source_file = ?, source_line = s.line,
              loaded_at = ?, no_longer_current_since = null, retired_with_person = false
            from extract_event_stage s
            where s.extract_id = ? and e.agency = ? and e.event_id = s.event_id
              and (e.content_hash <> s.content_hash or not e.current)
            """)
        .params(ExtractFile.EVENTS.fileName(), Timestamp.from(now), id, agency)
        .update();
    jdbc.sql(
            """
            insert into source_event (agency, event_id, record_id, occurred_on, occurred_time,
              type, detail, role, summary, sensitivity, content_hash, current, extract_id,
              source_file, source_line, loaded_at, first_extract_id, no_longer_current_since)
            select ?, s.event_id, s.record_id, s.occurred_on, s.occurred_time, s.type, s.detail,
              s.role, s.summary, s.sensitivity, s.content_hash, true, s.extract_id, ?, s.line, ?,
              s.extract_id, null
            from extract_event_stage s
            where s.extract_id = ?
              and not exists (select 1 from source_event e
                              where e.agency = ? and e.event_id = s.event_id)
            """)
        .params(agency, ExtractFile.EVENTS.fileName(), Timestamp.from(now), id, agency)
        .update();
  }

  /**
   * An event is current only while its person is: events of a person who left the snapshot are
   * retired with them (whether or not this delivery had an events.csv), and come back with them
   * unless an events.csv has since left them out. The extract's events counts stay those of its
   * events file: these follow from persons.csv.
   */
  private void eventsFollowPersons(Extract extract) {
    String agency = extract.agency().stored();
    jdbc.sql(
            """
            update source_event e set current = false, no_longer_current_since = ?,
              retired_with_person = true
            where e.agency = ? and e.current
              and not exists (select 1 from source_person p
                              where p.agency = e.agency and p.record_id = e.record_id
                                and p.current)
            """)
        .params(extract.id(), agency)
        .update();
    jdbc.sql(
            """
            update source_event e set current = true, no_longer_current_since = null,
              retired_with_person = false
            where e.agency = ? and e.retired_with_person
              and exists (select 1 from source_person p
                          where p.agency = e.agency and p.record_id = e.record_id and p.current)
            """)
        .param(agency)
        .update();
  }

  /** New, changed and unchanged rows of the staged file against the agency's current records. */
  private Diff diff(Tables file, String agency, UUID id) {
    return jdbc.sql(
            """
            select count(*) filter (where t.%3$s is null or not t.current),
                   count(*) filter (where t.current and t.content_hash <> s.content_hash),
                   count(*) filter (where t.current and t.content_hash = s.content_hash)
            from %1$s s
            left join %2$s t on t.agency = ? and t.%3$s = s.%3$s
            where s.extract_id = ?
            """
                .formatted(file.stage(), file.source(), file.key()))
        .params(agency, id)
        .query((rs, n) -> new Diff(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .single();
  }

  /** The agency's current records that the staged file no longer carries stop being current. */
  private long retireAbsent(Tables file, String agency, UUID id) {
    return jdbc.sql(
            """
            update %2$s t set current = false, no_longer_current_since = ?
            where t.agency = ? and t.current
              and not exists (select 1 from %1$s s
                              where s.extract_id = ? and s.%3$s = t.%3$s)
            """
                .formatted(file.stage(), file.source(), file.key()))
        .params(id, agency, id)
        .update();
  }

  private FileCounts counts(UUID id, ExtractFile file, String stage, Diff diff, long gone) {
    long accepted =
        jdbc.sql("select count(*) from " + stage + " where extract_id = ?")
            .param(id)
            .query(Long.class)
            .single();
    long rejected = countOf("extract_reject", id, file, "and line > 0");
    long warnings = countOf("extract_warning", id, file, "");
    return new FileCounts(
        accepted + rejected,
        accepted,
        rejected,
        warnings,
        diff.newRecords(),
        diff.changed(),
        diff.unchanged(),
        gone);
  }

  private long countOf(String table, UUID id, ExtractFile file, String condition) {
    // A reject on line 0 is a whole file, not a row: it is never counted among the rows.
    return jdbc.sql(
            "select count(*) from " + table + " where extract_id = ? and file = ? " + condition)
        .params(id, file.fileName())
        .query(Long.class)
        .single();
  }

  private void record(UUID id, String prefix, FileCounts c) {
    jdbc.sql(
            "update extract set "
                + String.join(
                    ", ",
                    prefix + "read = ?",
                    prefix + "accepted = ?",
                    prefix + "rejected = ?",
                    prefix + "warnings = ?",
                    prefix + "new = ?",
                    prefix + "changed = ?",
                    prefix + "unchanged = ?",
                    prefix + "no_longer_current = ?")
                + " where id = ?")
        .params(
            c.read(),
            c.accepted(),
            c.rejected(),
            c.warnings(),
            c.newRecords(),
            c.changed(),
            c.unchanged(),
            c.noLongerCurrent(),
            id)
        .update();
  }

  private record Diff(long newRecords, long changed, long unchanged) {}

  /** A file's staging table, the source table it is applied to, and the key that joins them. */
  private record Tables(String stage, String source, String key) {}

  private static final Tables PERSON_FILE =
      new Tables("extract_person_stage", "source_person", "record_id");
  private static final Tables EVENT_FILE =
      new Tables("extract_event_stage", "source_event", "event_id");
}
