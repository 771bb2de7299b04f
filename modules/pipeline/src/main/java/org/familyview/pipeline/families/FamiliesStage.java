package org.familyview.pipeline.families;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.familyview.families.Family;
import org.familyview.families.FamilyGrouper;
import org.familyview.families.FamilyIds;
import org.familyview.families.FamilyRules;
import org.familyview.families.Grouping;
import org.familyview.families.Resident;
import org.familyview.families.RoleEvent;
import org.familyview.families.Sighting;
import org.familyview.families.StatedParent;
import org.familyview.families.StatedRelationships;
import org.familyview.identifiers.Placeholders;
import org.familyview.pipeline.PipelineStage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The families step: brings the address history up to date, groups the people the matcher made into
 * families and households, keeps family ids stable and raises household conflicts. All of it in one
 * transaction, so a failed run leaves last night's families in place and a re-run of the same run
 * id writes the same rows.
 */
@Component
class FamiliesStage implements PipelineStage {

  private static final Logger log = LoggerFactory.getLogger(FamiliesStage.class);

  private final JdbcClient jdbc;
  private final ResidenceObservations observations;
  private final FamilyTables tables;
  private final GroupingInputs inputs;
  private final HouseholdConflictTasks tasks;
  private final FamilyRules rules;
  private final TransactionTemplate transaction;
  private final Clock clock;

  FamiliesStage(
      JdbcClient jdbc,
      ResidenceObservations observations,
      FamilyTables tables,
      GroupingInputs inputs,
      HouseholdConflictTasks tasks,
      FamiliesProperties properties,
      PlatformTransactionManager transactions,
      ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.observations = observations;
    this.tables = tables;
    this.inputs = inputs;
    this.tasks = tasks;
    this.rules = properties.rules();
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public String name() {
    return "families";
  }

  @Override
  public Counts run(UUID runId) {
    Counts counts = transaction.execute(status -> runInTransaction(runId));
    return java.util.Objects.requireNonNull(counts);
  }

  private Counts runInTransaction(UUID runId) {
    Instant now = clock.instant();
    LocalDate asOf = asOf(runId, now);
    ResidenceObservations.Changes changes = observations.update(runId);
    People people = people(asOf);
    Map<String, Set<String>> live = tables.liveFamilies();
    Map<String, AffectedPeople.Input> tonight =
        GroupingInputs.tonight(people.residents(), statedOf(people.parents()), asOf, rules);
    AffectedPeople.Affected affected =
        AffectedPeople.find(tonight, inputs.stored(), live, kin(people.parents()));
    boolean everything =
        affected.people().containsAll(tonight.keySet())
            && affected.oldFamilies().containsAll(live.keySet());
    Grouping grouping =
        new FamilyGrouper(rules)
            .group(
                people.residents().stream()
                    .filter(r -> affected.people().contains(r.personId()))
                    .toList(),
                people.parents().stream()
                    .filter(p -> affected.people().contains(p.childId()))
                    .toList(),
                asOf);
    Map<String, Set<String>> previous = new HashMap<>(live);
    previous.keySet().retainAll(affected.oldFamilies());
    List<Set<String>> memberships = grouping.families().stream().map(Family::personIds).toList();
    FamilyIds.Assignment ids = FamilyIds.assign(previous, memberships, tables.highestIssued());
    FamilyTables.Written written =
        tables.replace(
            runId, grouping.families(), ids.ids(), everything ? null : affected.oldFamilies(), now);
    Map<String, Set<String>> familiesOf = familiesOf(grouping.families(), ids.ids());
    inputs.replace(runId, affected.people(), tonight, familiesOf);
    long raised = raise(runId, grouping, ids.ids(), people.children(asOf, rules), now);
    log.info(
        "families: run {} read {} records, {} people; spells opened {}, closed {}; regrouped {}"
            + " people ({} changed, {} of last night's families){}: {} families ({} members,"
            + " {} households), {} retired; {} conflicts, {} tasks raised",
        runId,
        changes.recordsRead(),
        tonight.size(),
        changes.opened(),
        changes.closed(),
        affected.people().size(),
        affected.seeds(),
        affected.oldFamilies().size(),
        everything ? " (everyone)" : "",
        written.families(),
        written.members(),
        written.households(),
        written.retired(),
        grouping.conflicts().size(),
        raised);
    return new Counts(changes.recordsRead(), written.rows() + raised);
  }

  /** Everyone grouping reads tonight: each person's birth and spells, and the stated parents. */
  private record People(
      List<Resident> residents, Map<String, LocalDate> knownBirths, List<StatedParent> parents) {

    /** The children on the day. */
    Set<String> children(LocalDate asOf, FamilyRules rules) {
      Set<String> children = new TreeSet<>();
      knownBirths.forEach(
          (person, dob) -> {
            if (!dob.isAfter(asOf) && Period.between(dob, asOf).getYears() < rules.adultAge()) {
              children.add(person);
            }
          });
      return children;
    }
  }

  private People people(LocalDate asOf) {
    Map<String, @Nullable LocalDate> born = datesOfBirth();
    Map<String, List<Sighting>> sightings = observations.sightingsByPerson();
    Set<String> people = new TreeSet<>(born.keySet());
    people.addAll(sightings.keySet());
    List<Resident> residents = new ArrayList<>(people.size());
    Map<String, LocalDate> knownBirths = new HashMap<>();
    for (String person : people) {
      LocalDate dob = born.get(person);
      if (dob != null) {
        knownBirths.put(person, dob);
      }
      residents.add(new Resident(person, dob, sightings.getOrDefault(person, List.of())));
    }
    List<StatedParent> parents = new StatedRelationships(rules).parents(roleEvents(), knownBirths);
    return new People(residents, knownBirths, parents);
  }

  /** Each person's stated parent-and-child statements, on either side. */
  private static Map<String, List<StatedParent>> statedOf(List<StatedParent> parents) {
    Map<String, List<StatedParent>> of = new HashMap<>();
    for (StatedParent p : parents) {
      of.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p);
      of.computeIfAbsent(p.childId(), k -> new ArrayList<>()).add(p);
    }
    return of;
  }

  /** Each person's stated parents and children. */
  private static Map<String, Set<String>> kin(List<StatedParent> parents) {
    Map<String, Set<String>> kin = new HashMap<>();
    for (StatedParent p : parents) {
      kin.computeIfAbsent(p.parentId(), k -> new TreeSet<>()).add(p.childId());
      kin.computeIfAbsent(p.childId(), k -> new TreeSet<>()).add(p.parentId());
    }
    return kin;
  }

  /** Each member's families, as this run wrote them (everyone a family lists). */
  private static Map<String, Set<String>> familiesOf(List<Family> families, List<String> ids) {
    Map<String, Set<String>> of = new HashMap<>();
    for (int f = 0; f < families.size(); f++) {
      String id = ids.get(f);
      families
          .get(f)
          .members()
          .forEach(m -> of.computeIfAbsent(m.personId(), k -> new TreeSet<>()).add(id));
    }
    return of;
  }

  private long raise(
      UUID runId, Grouping grouping, List<String> ids, Set<String> children, Instant now) {
    Map<String, String> familyOf = new HashMap<>();
    for (int f = 0; f < grouping.families().size(); f++) {
      String id = ids.get(f);
      grouping.families().get(f).members().forEach(m -> familyOf.putIfAbsent(m.personId(), id));
    }
    return tasks.raise(
        runId, grouping.conflicts(), new HouseholdConflictTasks.Context(children, familyOf), now);
  }

  /**
   * The day ages are taken on: the day the run was asked for, so a restart of the same run the next
   * morning derives the same families.
   */
  private LocalDate asOf(UUID runId, Instant now) {
    // pipeline_run belongs to the run machinery; the step also runs on its own (tests, a manual
    // re-derivation), when the run may not be recorded there.
    Boolean recorded =
        jdbc.sql("select to_regclass('pipeline_run') is not null").query(Boolean.class).single();
    List<Timestamp> requested =
        Boolean.TRUE.equals(recorded)
            ? jdbc.sql("select requested_at from pipeline_run where id = ?")
                .param(runId)
                .query(Timestamp.class)
                .list()
            : List.of();
    Instant at = requested.isEmpty() ? now : requested.getFirst().toInstant();
    return at.atZone(ResidenceObservations.UK).toLocalDate();
  }

  /** Each person's date of birth: the one most of their records give, placeholders aside. */
  private Map<String, @Nullable LocalDate> datesOfBirth() {
    Map<String, Map<LocalDate, Integer>> counts = new HashMap<>();
    Map<String, @Nullable LocalDate> born = new TreeMap<>();
    jdbc.sql(
            "select pr.person_id, sp.date_of_birth from person_record pr"
                + " join source_person sp on sp.agency = pr.agency and sp.record_id = pr.record_id")
        .query(
            rs -> {
              String person = rs.getString(1);
              born.putIfAbsent(person, null);
              java.sql.Date dob = rs.getDate(2);
              if (dob != null && !Placeholders.isPlaceholderDate(dob.toLocalDate())) {
                counts
                    .computeIfAbsent(person, k -> new HashMap<>())
                    .merge(dob.toLocalDate(), 1, Integer::sum);
              }
            });
    counts.forEach(
        (person, dates) ->
            born.put(
                person,
                dates.entrySet().stream()
                    .max(
                        Map.Entry.<LocalDate, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .orElse(null)));
    return born;
  }

  /**
   * The roles on the event days where some record has the role parent: the only days that can state
   * a parent and child.
   */
  private List<RoleEvent> roleEvents() {
    return jdbc.sql(
            """
            with parent_days as (
              select distinct agency, type, occurred_on from source_event
              where current and occurred_on is not null and upper(role) = 'PARENT')
            select pr.person_id, e.agency, e.type, e.occurred_on, e.role
            from source_event e
            join parent_days d on d.agency = e.agency and d.type = e.type
              and d.occurred_on = e.occurred_on
            join person_record pr on pr.agency = e.agency and pr.record_id = e.record_id
            where e.current and e.role is not null
            order by e.agency, e.type, e.occurred_on, pr.person_id
            """)
        .query(
            (rs, n) ->
                new RoleEvent(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getDate(4).toLocalDate(),
                    rs.getString(5)))
        .list();
  }
}
