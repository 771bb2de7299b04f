package org.familyview.rights.retention;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.familyview.access.SharingAgreement;
import org.familyview.audit.trail.AuditAction;
import org.familyview.audit.trail.AuditEvent;
import org.familyview.audit.trail.AuditTrail;
import org.familyview.linkage.MatchDecisions;
import org.familyview.linkage.PersonLinks;
import org.familyview.linkage.RecordsToErase;
import org.familyview.linkage.ReviewTasks;
import org.familyview.search.people.PeopleIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases source records past their feed's retention, with everything derived from them.
 *
 * <p>The clock (docs/access-model.md, "Retention"): a record is due when it is no longer in its
 * agency's current snapshot and its last activity is older than the retention period of the
 * agency's data-sharing agreement. Its last activity is the later of the moment it left the
 * snapshot (the apply of the extract that no longer carried it; its last load if that is unknown)
 * and the day after its latest event. A record still delivered is never due, however old.
 *
 * <p>The cascade runs in one transaction, holding the same per-agency locks as a snapshot apply so
 * that no load makes a record current again half-way: warnings and staged rows of the record, its
 * events, the record, its link history and its link, steward decisions naming it, review tasks
 * naming it (removed, or the record taken out of a larger task with its detail cleared because the
 * detail quotes the compared values), its household membership; a person left with no record is
 * retired and leaves its families and households; a family left with no member is retired and its
 * households (addresses) are removed. Every person touched is deleted from the people index before
 * the transaction commits, so a failure of either leaves the records due for the next run. Each
 * erased record is then audited as {@code ERASURE} with ids only.
 */
@Component
public class RetentionErasure {

  private static final Logger log = LoggerFactory.getLogger(RetentionErasure.class);
  public static final String SCHEDULE_ACTOR = "retention-schedule";

  private final JdbcClient jdbc;
  private final PersonLinks links;
  private final MatchDecisions decisions;
  private final ReviewTasks tasks;
  private final TransactionTemplate transactions;
  private final Map<String, SharingAgreement> agreements;
  private final PeopleIndex people;
  private final AuditTrail audit;
  private final Clock clock;

  @Autowired
  public RetentionErasure(
      JdbcClient jdbc,
      LinkTables linkTables,
      PlatformTransactionManager transactions,
      Map<String, SharingAgreement> sharingAgreements,
      PeopleIndex people,
      AuditTrail audit) {
    this(jdbc, linkTables, transactions, sharingAgreements, people, audit, Clock.systemUTC());
  }

  /** The link tables' owners (modules/linkage), through which erasure reaches them. */
  @Component
  public record LinkTables(PersonLinks links, MatchDecisions decisions, ReviewTasks tasks) {}

  RetentionErasure(
      JdbcClient jdbc,
      LinkTables linkTables,
      PlatformTransactionManager transactions,
      Map<String, SharingAgreement> sharingAgreements,
      PeopleIndex people,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.links = linkTables.links();
    this.decisions = linkTables.decisions();
    this.tasks = linkTables.tasks();
    this.transactions = new TransactionTemplate(transactions);
    this.agreements = Map.copyOf(sharingAgreements);
    this.people = people;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Per stored agency name (POLICE, …), the instant before which last activity is past retention.
   */
  public Map<String, Instant> cutoffs(Instant asOf) {
    Map<String, Instant> cutoffs = new TreeMap<>();
    for (SharingAgreement agreement : agreements.values()) {
      Period retention = agreement.retention();
      cutoffs.put(
          agreement.agency().toUpperCase(Locale.ROOT),
          asOf.atZone(ZoneOffset.UTC).minus(retention).toInstant());
    }
    return cutoffs;
  }

  /** What a run now would erase, changing nothing. */
  public ErasureReport dryRun() {
    Instant asOf = clock.instant();
    Map<String, Instant> cutoffs = cutoffs(asOf);
    List<DueRecord> due =
        jdbc.sql(DUE).params(agencies(cutoffs), instants(cutoffs)).query(this::dueRecord).list();
    List<String> wouldRetire =
        jdbc.sql(
                """
                select pr.person_id from person_record pr
                join unnest(?::text[], ?::text[]) as d(agency, record_id)
                  on d.agency = pr.agency and d.record_id = pr.record_id
                group by pr.person_id
                having count(*) = (select count(*) from person_record a
                                   where a.person_id = pr.person_id)
                order by pr.person_id
                """)
            .params(
                due.stream().map(DueRecord::agency).toArray(String[]::new),
                due.stream().map(DueRecord::recordId).toArray(String[]::new))
            .query(String.class)
            .list();
    List<String> touched =
        due.stream().map(DueRecord::personId).filter(p -> p != null).distinct().sorted().toList();
    return new ErasureReport(
        UUID.randomUUID(),
        true,
        asOf,
        cutoffs,
        due,
        Map.of(),
        wouldRetire,
        touched.stream().filter(p -> !wouldRetire.contains(p)).toList(),
        List.of());
  }

  /**
   * Erases everything due now. {@code by} is the {@code ERASURE} audit event of whoever asked (an
   * administrator's request, or {@link #scheduled()}), completed here with each target.
   */
  public ErasureReport run(AuditEvent by) {
    Instant asOf = clock.instant();
    Map<String, Instant> cutoffs = cutoffs(asOf);
    UUID runId = UUID.randomUUID();
    ErasureReport report = transactions.execute(status -> erase(runId, asOf, cutoffs));
    if (report == null) {
      throw new IllegalStateException("the retention run returned nothing");
    }
    for (DueRecord record : report.records()) {
      audit.record(
          by.on("source-record", record.agency() + "/" + record.recordId())
              .withDetail(
                  "retention run "
                      + runId
                      + (record.personId() == null ? "" : "; person " + record.personId())
                      + (report.personsRetired().contains(record.personId()) ? " retired" : "")));
    }
    audit.record(
        by.on("retention-run", runId.toString())
            .withDetail(
                report.records().size()
                    + " records erased; "
                    + report.personsRetired().size()
                    + " persons and "
                    + report.familiesRetired().size()
                    + " families retired"));
    log.info(
        "Retention run {}: {} records erased, {} persons retired, {} families retired",
        runId,
        report.records().size(),
        report.personsRetired().size(),
        report.familiesRetired().size());
    return report;
  }

  /** The audit event of a run the schedule started. */
  public static AuditEvent scheduled() {
    return AuditEvent.of(SCHEDULE_ACTOR, Set.of(), AuditAction.ERASURE);
  }

  private ErasureReport erase(UUID runId, Instant asOf, Map<String, Instant> cutoffs) {
    lockTheApplies(cutoffs);
    List<DueRecord> due = dueRecords(cutoffs);
    Map<String, Integer> erased = new LinkedHashMap<>();
    if (due.isEmpty()) {
      return new ErasureReport(
          runId, false, asOf, cutoffs, due, erased, List.of(), List.of(), List.of());
    }
    Timestamp now = Timestamp.from(asOf);
    eraseSourceRecords(erased);
    RecordsToErase records = eraseLinks(erased, due);
    List<String> familiesRetired = eraseFamilies(erased, now);
    List<String> personsRetired = retirePersons(erased, records, asOf);
    List<String> reindexPending =
        jdbc.sql("select person_id from erasure_person where not emptied order by person_id")
            .query(String.class)
            .list();
    for (String personId : personsRetired) {
      unindex(personId);
    }
    for (String personId : reindexPending) {
      unindex(personId);
    }
    return new ErasureReport(
        runId, false, asOf, cutoffs, due, erased, personsRetired, reindexPending, familiesRetired);
  }

  /** The snapshot applies' locks, in a fixed order, so that no apply interleaves with the run. */
  private void lockTheApplies(Map<String, Instant> cutoffs) {
    for (String agency : cutoffs.keySet()) {
      jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
          .param("familyview.extract." + agency)
          .query()
          .singleRow();
    }
  }

  /** The records past their feed's retention, kept in {@code erasure_due} for every step. */
  private List<DueRecord> dueRecords(Map<String, Instant> cutoffs) {
    jdbc.sql(
            """
            create temporary table erasure_due (
              agency text, record_id text, person_id text, last_activity timestamptz,
              primary key (agency, record_id)) on commit drop
            """)
        .update();
    jdbc.sql("insert into erasure_due " + DUE)
        .params(agencies(cutoffs), instants(cutoffs))
        .update();
    return jdbc.sql(
            "select agency, record_id, person_id, last_activity from erasure_due"
                + " order by agency, record_id")
        .query(this::dueRecord)
        .list();
  }

  /** The records themselves: warnings, staged rows, later tables, events and persons. */
  private void eraseSourceRecords(Map<String, Integer> erased) {
    count(erased, "extract_warning", WARNINGS_OF_PERSONS);
    erased.merge("extract_warning", jdbc.sql(WARNINGS_OF_EVENTS).update(), Integer::sum);
    count(
        erased,
        "extract_person_stage",
        """
        delete from extract_person_stage s using extract x, erasure_due d
        where x.id = s.extract_id and x.agency = d.agency and s.record_id = d.record_id
        """);
    count(
        erased,
        "extract_event_stage",
        """
        delete from extract_event_stage s using extract x, erasure_due d
        where x.id = s.extract_id and x.agency = d.agency and s.record_id = d.record_id
        """);
    jdbc.sql(
            """
            create temporary table erasure_event on commit drop as
            select e.agency || '/' || e.event_id as event_key from source_event e
            join erasure_due d on e.agency = d.agency and e.record_id = d.record_id
            """)
        .update();
    eraseFromLaterTables(erased);
    count(
        erased,
        "source_event",
        "delete from source_event e using erasure_due d"
            + " where e.agency = d.agency and e.record_id = d.record_id");
    count(
        erased,
        "source_person",
        "delete from source_person p using erasure_due d"
            + " where p.agency = d.agency and p.record_id = d.record_id");
  }

  /**
   * The records' links, through their owner (linkage): link events, match decisions, person
   * records, then reviews. Returns what the link tables were told to forget.
   */
  private RecordsToErase eraseLinks(Map<String, Integer> erased, List<DueRecord> due) {
    RecordsToErase records =
        new RecordsToErase(
            due.stream().map(DueRecord::agency).toList(),
            due.stream().map(DueRecord::recordId).toList(),
            List.of());
    erased.merge("person_link_event", links.eraseLinkEvents(records), Integer::sum);
    erased.merge("match_decision", decisions.eraseNaming(records), Integer::sum);
    erased.merge("person_record", links.eraseLinks(records), Integer::sum);
    jdbc.sql(
            """
            create temporary table erasure_person on commit drop as
            select distinct d.person_id,
                   not exists (select 1 from person_record pr where pr.person_id = d.person_id)
                     as emptied
            from erasure_due d where d.person_id is not null
            """)
        .update();
    RecordsToErase withEmptied =
        new RecordsToErase(
            records.agencies(),
            records.recordIds(),
            jdbc.sql("select person_id from erasure_person where emptied")
                .query(String.class)
                .list());
    ReviewTasks.Erased reviews = tasks.eraseNaming(withEmptied);
    erased.merge("review_task", reviews.removed(), Integer::sum);
    erased.merge("review_task.reduced", reviews.reduced(), Integer::sum);
    return withEmptied;
  }

  /**
   * Memberships of emptied people and erased records; a family left with nobody is retired, and its
   * addresses, and a household nobody is left in, go with it.
   */
  private List<String> eraseFamilies(Map<String, Integer> erased, Timestamp now) {
    eraseHouseholdMemberships(erased);
    // The families step's digests of what it grouped a person from are derived from their date of
    // birth and addresses: they go with the person, not at the next night.
    erased.put(
        "family_grouping_input",
        jdbc.sql(
                "delete from family_grouping_input"
                    + " where person_id in (select person_id from erasure_person where emptied)")
            .update());
    jdbc.sql(
            """
            create temporary table erasure_family on commit drop as
            with gone as (
              delete from family_member f
              where f.person_id in (select person_id from erasure_person where emptied)
              returning f.family_id)
            select distinct family_id from gone
            """)
        .update();
    erased.put(
        "family_member",
        jdbc.sql("select count(*)::int from erasure_family").query(Integer.class).single());
    List<String> familiesRetired =
        retire(
            erased,
            "family.retired",
            """
            update family f set retired_at = ?
            where f.retired_at is null and f.id in (select family_id from erasure_family)
              and not exists (select 1 from family_member m where m.family_id = f.id)
            returning f.id
            """,
            now);
    // A retired family's addresses, and a household nobody is left in, go with them.
    count(
        erased,
        "household_member",
        "delete from household_member where household_id in"
            + " (select id from household where family_id = any (?::text[]))",
        (Object) familiesRetired.toArray(String[]::new));
    count(
        erased,
        "household",
        """
        delete from household h
        where (h.family_id = any (?::text[])
               or h.id in (select household_id from erasure_household))
          and not exists (select 1 from household_member m where m.household_id = h.id)
        """,
        (Object) familiesRetired.toArray(String[]::new));
    return familiesRetired;
  }

  /** Household memberships of erased records and of emptied people, counted by household. */
  private void eraseHouseholdMemberships(Map<String, Integer> erased) {
    jdbc.sql(
            """
            create temporary table erasure_household on commit drop as
            with gone as (
              delete from household_member h
              where exists (select 1 from erasure_due d
                            where upper(h.agency) = d.agency and h.record_id = d.record_id)
                 or h.person_id in (select person_id from erasure_person where emptied)
              returning h.household_id)
            select household_id, count(*) as members from gone group by household_id
            """)
        .update();
    erased.put(
        "household_member",
        jdbc.sql("select coalesce(sum(members), 0)::int from erasure_household")
            .query(Integer.class)
            .single());
  }

  /** A person with no record left is retired (kept as an id, never reused). */
  private List<String> retirePersons(
      Map<String, Integer> erased, RecordsToErase records, Instant asOf) {
    List<String> retired = links.retireEmptied(records, asOf);
    erased.put("person.retired", retired.size());
    return retired;
  }

  /**
   * Runs an update that retires rows as of {@code now} and returns their ids, sorted, counted under
   * {@code key}.
   */
  private List<String> retire(
      Map<String, Integer> erased, String key, String updateReturningId, Timestamp now) {
    List<String> retired =
        jdbc.sql(updateReturningId).param(now).query(String.class).list().stream()
            .sorted()
            .toList();
    erased.put(key, retired.size());
    return retired;
  }

  /**
   * Tables added after the people and families schema (V12) by the nightly stages, each cleared
   * only if this database has it: a record's address history, the matcher's per-run record and pair
   * tables, the steward's acts naming the record (their evidence quotes its values), and the erased
   * events among a criteria result's evidence.
   */
  private void eraseFromLaterTables(Map<String, Integer> erased) {
    if (exists("residence_observation")) {
      eraseRecordRows(erased, "residence_observation");
    }
    if (exists("pipeline_match_record")) {
      eraseRecordRows(erased, "pipeline_match_record");
    }
    if (exists("pipeline_match_pair")) {
      erasePairRows(erased, "pipeline_match_pair");
    }
    if (exists("review_decision")) {
      count(
          erased,
          "review_decision",
          """
          delete from review_decision r
          where exists (select 1 from jsonb_array_elements(r.records) x
                        join erasure_due d
                          on upper(x->>'agency') = d.agency and x->>'recordId' = d.record_id)
          """);
    }
    if (exists("criteria_result")) {
      count(
          erased,
          "criteria_result.evidence",
          """
          update criteria_result c
          set evidence = array(select x from unnest(c.evidence) x
                               where upper(x) not in (select upper(event_key) from erasure_event))
          where c.evidence && array(select event_key from erasure_event)
          """);
    }
  }

  private boolean exists(String table) {
    return jdbc.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single();
  }

  private void unindex(String personId) {
    try {
      people.delete(personId);
    } catch (ElasticsearchException e) {
      if (e.status() != 404) {
        throw e;
      }
      // No index yet: nothing to remove. (A person not in the index is a "not_found" answer.)
    } catch (co.elastic.clients.transport.TransportException e) {
      if (e.statusCode() != 404) {
        throw new UncheckedIOException(e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a table's rows about a due record (the table keeps the agency in lower case). */
  private void eraseRecordRows(Map<String, Integer> erased, String table) {
    count(
        erased,
        table,
        "delete from "
            + table
            + " t using erasure_due d"
            + " where upper(t.agency) = d.agency and t.record_id = d.record_id");
  }

  /** Deletes a table's record pairs with a due record on either side. */
  private void erasePairRows(Map<String, Integer> erased, String table) {
    count(
        erased,
        table,
        "delete from "
            + table
            + " m using erasure_due d"
            + " where (upper(m.left_agency) = d.agency and m.left_record_id = d.record_id)"
            + " or (upper(m.right_agency) = d.agency and m.right_record_id = d.record_id)");
  }

  private void count(Map<String, Integer> erased, String table, String sql, Object... params) {
    erased.merge(table, jdbc.sql(sql).params(params).update(), Integer::sum);
  }

  private DueRecord dueRecord(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new DueRecord(
        rs.getString("agency"),
        rs.getString("record_id"),
        rs.getString("person_id"),
        rs.getTimestamp("last_activity").toInstant());
  }

  private static String[] agencies(Map<String, Instant> cutoffs) {
    return new ArrayList<>(cutoffs.keySet()).toArray(String[]::new);
  }

  private static String[] instants(Map<String, Instant> cutoffs) {
    return cutoffs.values().stream().map(Instant::toString).toArray(String[]::new);
  }

  /** The due records, with the person each belongs to; parameters: agencies, cutoffs (text[]). */
  private static final String DUE =
      """
      select p.agency, p.record_id, pr.person_id, a.last_activity
      from source_person p
      join unnest(?::text[], ?::text[]) as r(agency, cutoff) on r.agency = p.agency
      left join extract x on x.id = p.no_longer_current_since
      left join person_record pr on upper(pr.agency) = p.agency and pr.record_id = p.record_id
      cross join lateral (
        select greatest(coalesce(x.applied_at, p.loaded_at),
                        (select (max(e.occurred_on) + 1)::timestamptz from source_event e
                         where e.agency = p.agency and e.record_id = p.record_id))
                 as last_activity) a
      where not p.current and a.last_activity < r.cutoff::timestamptz
      """;

  private static final String WARNINGS_OF_PERSONS =
      """
      delete from extract_warning w using source_person p, erasure_due d
      where p.agency = d.agency and p.record_id = d.record_id
        and w.extract_id = p.extract_id and w.file = p.source_file and w.line = p.source_line
      """;

  private static final String WARNINGS_OF_EVENTS =
      """
      delete from extract_warning w using source_event e, erasure_due d
      where e.agency = d.agency and e.record_id = d.record_id
        and w.extract_id = e.extract_id and w.file = e.source_file and w.line = e.source_line
      """;
}
