package org.familyview.pipeline.indexing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.familyview.pipeline.PipelineStage;
import org.familyview.search.events.EventDocument;
import org.familyview.search.events.EventsIndex;
import org.familyview.search.families.FamiliesIndex;
import org.familyview.search.families.FamilyDocument;
import org.familyview.search.index.AliasedIndex;
import org.familyview.search.people.PeopleIndex;
import org.familyview.search.people.PersonDocument;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the people, families and events indices up to date, in one of two ways
 * (docs/operations.md, "Indexing"):
 *
 * <ul>
 *   <li><b>incremental</b>, when the live indices are the ones the last completed run built, with
 *       today's mappings: every person and family document is made again from PostgreSQL and
 *       compared by fingerprint with what the last run sent; only those that differ are replaced in
 *       the live indices, those no longer made are deleted. The events replaced are those of the
 *       people whose documents or records changed, and those of extracts loaded since the last run;
 *       an event the index holds for a changed person that is no longer theirs is deleted.
 *   <li><b>full</b>, otherwise, or when more than the configured share changed: three new indices
 *       built side by side (the events index, the long one, on a second thread from its own
 *       PostgreSQL cursor) and each swapped in by alias, so a search never sees half of one.
 * </ul>
 *
 * Each run is recorded (V18), so that a run that failed half-way makes the next one rebuild.
 */
@Component
class IndexingStage implements PipelineStage {

  private static final Logger log = LoggerFactory.getLogger(IndexingStage.class);
  static final String FULL = "FULL";
  static final String INCREMENTAL = "INCREMENTAL";

  /** The people and families indices are small: ordinary bulk requests, merged before the swap. */
  private final AliasedIndex.Bulk small;

  private final AliasedIndex.Bulk events;
  private final IndexSources sources;
  private final IndexedState state;
  private final PeopleIndex peopleIndex;
  private final FamiliesIndex familiesIndex;
  private final EventsIndex eventsIndex;
  private final IndexingProperties properties;
  private final TransactionTemplate reading;
  private final Clock clock = Clock.systemUTC();

  IndexingStage(
      IndexSources sources,
      IndexedState state,
      PeopleIndex peopleIndex,
      FamiliesIndex familiesIndex,
      EventsIndex eventsIndex,
      IndexingProperties properties,
      PlatformTransactionManager transactions) {
    this.sources = sources;
    this.state = state;
    this.peopleIndex = peopleIndex;
    this.familiesIndex = familiesIndex;
    this.eventsIndex = eventsIndex;
    this.properties = properties;
    this.small = new AliasedIndex.Bulk(5_000, 2, properties.forceMerge());
    this.events =
        new AliasedIndex.Bulk(
            properties.eventsBulkOperations(), properties.eventsBulkRequests(), false);
    this.reading = new TransactionTemplate(transactions);
    this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.reading.setReadOnly(true);
  }

  @Override
  public String name() {
    return "indexing";
  }

  /** The three mappings' versions: a change of any one makes the next run rebuild in full. */
  String mappingVersion() {
    return String.join(
        "+",
        peopleIndex.index().mappingVersion(),
        familiesIndex.index().mappingVersion(),
        eventsIndex.index().mappingVersion());
  }

  @Override
  public Counts run(UUID runId) {
    try {
      String version = mappingVersion();
      // Read before any event row: an extract that commits after this is left for the next run.
      Map<UUID, Long> extracts = sources.eventExtracts();
      Optional<String> fullBecause = fullRebuildReason(version);
      if (fullBecause.isPresent()) {
        return full(runId, fullBecause.get(), version, extracts, null);
      }
      return incremental(runId, version, extracts);
    } catch (IOException e) {
      state.failed(runId, e.toString());
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      state.failed(runId, e.toString());
      throw e;
    }
  }

  /** Why this run must rebuild in full, if it must (the rule in docs/operations.md). */
  Optional<String> fullRebuildReason(String version) throws IOException {
    if (!properties.incremental()) {
      return Optional.of("incremental updates are switched off");
    }
    Optional<IndexedState.Build> last = state.last();
    if (last.isEmpty()) {
      return Optional.of("no index was built yet");
    }
    IndexedState.Build build = last.get();
    if (!build.status().equals("COMPLETED")) {
      return Optional.of("the last indexing run (" + build.runId() + ") did not complete");
    }
    if (!build.mappingVersion().equals(version)) {
      return Optional.of(
          "the mappings changed (" + build.mappingVersion() + " to " + version + ")");
    }
    Map<AliasedIndex, @Nullable String> recorded = new LinkedHashMap<>();
    recorded.put(peopleIndex.index(), build.peopleIndex());
    recorded.put(familiesIndex.index(), build.familiesIndex());
    recorded.put(eventsIndex.index(), build.eventsIndex());
    for (Map.Entry<AliasedIndex, @Nullable String> e : recorded.entrySet()) {
      List<String> live = e.getKey().currentIndices();
      if (e.getValue() == null || !live.equals(List.of(e.getValue()))) {
        return Optional.of(e.getKey().alias() + " is not the index the last run left behind");
      }
      if (!e.getKey()
          .mappingVersionOf(e.getValue())
          .equals(Optional.of(e.getKey().mappingVersion()))) {
        return Optional.of(e.getKey().alias() + " was made with another mapping");
      }
    }
    Optional<Instant> lastFull = state.lastFullBuild();
    Duration limit = properties.fullRebuildAfter();
    if (lastFull.isEmpty() || lastFull.get().plus(limit).isBefore(clock.instant())) {
      return Optional.of("the last full build is older than " + limit);
    }
    return Optional.empty();
  }

  private Counts incremental(UUID runId, String version, Map<UUID, Long> extracts)
      throws IOException {
    long started = System.nanoTime();
    IndexSources.People now = sources.people(sources.families());
    Changes<PersonDocument> people =
        Changes.of(
            now.people(),
            PersonDocument::personId,
            now.personFingerprints(),
            state.fingerprints(IndexedState.PERSON));
    Changes<FamilyDocument> families =
        Changes.of(
            now.families(),
            FamilyDocument::familyId,
            now.familyFingerprints(),
            state.fingerprints(IndexedState.FAMILY));
    Set<UUID> loaded = new HashSet<>(extracts.keySet());
    loaded.removeAll(state.indexedExtracts());
    Optional<String> tooMany =
        tooManyChanges(people, loaded.stream().mapToLong(extracts::get).sum());
    if (tooMany.isPresent()) {
      return full(runId, tooMany.get(), version, extracts, now);
    }
    state.begin(
        runId, INCREMENTAL, "changes within " + percent(properties.maxChangedShare()), version);
    long peopleStarted = System.nanoTime();
    peopleIndex.update(people.changed(), people.deleted());
    peopleIndex.refresh();
    long familiesStarted = System.nanoTime();
    familiesIndex.update(families.changed(), families.deleted());
    familiesIndex.refresh();
    long eventsStarted = System.nanoTime();
    EventChanges events = updateEvents(people, loaded, now.familyOfPerson());
    long eventsDone = System.nanoTime();
    state.updateFingerprints(IndexedState.PERSON, people.changedFingerprints(), people.deleted());
    state.updateFingerprints(
        IndexedState.FAMILY, families.changedFingerprints(), families.deleted());
    IndexedState.Written written =
        new IndexedState.Written(
            people.changed().size(),
            people.deleted().size(),
            families.changed().size(),
            families.deleted().size(),
            events.upserts(),
            events.removals());
    state.completed(runId, liveIndices(), written, extracts.keySet());
    logIncremental(
        written, new long[] {started, peopleStarted, familiesStarted, eventsStarted, eventsDone});
    return new Counts(
        now.people().size(),
        written.people()
            + written.peopleDeleted()
            + written.families()
            + written.familiesDeleted()
            + written.events()
            + written.eventsDeleted());
  }

  /** Why the changes are too many for an incremental run, if they are: a full build is cheaper. */
  private Optional<String> tooManyChanges(Changes<PersonDocument> people, long loadedEvents)
      throws IOException {
    long changedPeople = people.changed().size() + people.deleted().size();
    double share = properties.maxChangedShare();
    long indexedPeople = Math.max(1, people.indexed());
    if (changedPeople > share * indexedPeople) {
      return Optional.of(
          changedPeople
              + " of "
              + people.indexed()
              + " people changed (more than "
              + percent(share)
              + ")");
    }
    long indexedEvents = Math.max(1, eventsIndex.index().count());
    if (loadedEvents > share * indexedEvents) {
      return Optional.of(
          loadedEvents
              + " events loaded against "
              + indexedEvents
              + " indexed (more than "
              + percent(share)
              + ")");
    }
    return Optional.empty();
  }

  /** How many events an incremental run wrote and removed. */
  private record EventChanges(int upserts, int removals) {}

  /**
   * The events of everyone whose document or records changed, and of every extract not yet indexed;
   * whatever the index holds for those people or extracts and is not among them goes.
   */
  private EventChanges updateEvents(
      Changes<PersonDocument> people, Set<UUID> loaded, Map<String, String> familyOfPerson)
      throws IOException {
    Set<String> touched = new HashSet<>(people.deleted());
    people.changed().forEach(p -> touched.add(p.personId()));
    Map<String, EventDocument> upserts = new LinkedHashMap<>();
    for (EventDocument e : sources.eventsOf(touched, familyOfPerson)) {
      upserts.put(e.id(), e);
    }
    IndexSources.Loaded fresh = sources.eventsOfExtracts(loaded, familyOfPerson);
    fresh.indexable().forEach(e -> upserts.put(e.id(), e));
    Set<String> removals = new HashSet<>(eventsIndex.idsOfPeople(touched));
    removals.addAll(fresh.ids());
    removals.removeAll(upserts.keySet());
    eventsIndex.update(upserts.values(), removals);
    eventsIndex.index().refresh();
    return new EventChanges(upserts.size(), removals.size());
  }

  /** {@code at}: started, people started, families started, events started, events done. */
  private static void logIncremental(IndexedState.Written written, long[] at) {
    log.info(
        "Indexed {} people in {} ms, {} families in {} ms, {} events in {} ms"
            + " (incremental: {} people, {} families and {} events deleted; {} ms in all)",
        written.people(),
        millis(at[1], at[2]),
        written.families(),
        millis(at[2], at[3]),
        written.events(),
        millis(at[3], at[4]),
        written.peopleDeleted(),
        written.familiesDeleted(),
        written.eventsDeleted(),
        millis(at[0], System.nanoTime()));
  }

  /**
   * Builds the three indices anew. The events index (by far the largest) is built on a second
   * thread from its own cursor while the people are read and the people and families indices are
   * built and merged; each is swapped in as soon as it is complete.
   */
  private Counts full(
      UUID runId,
      String reason,
      String version,
      Map<UUID, Long> extracts,
      IndexSources.@Nullable People read)
      throws IOException {
    long started = System.nanoTime();
    log.info("Indexing run {}: full build, because {}", runId, reason);
    state.begin(runId, FULL, reason, version);
    Map<String, String> familyOfPerson = read != null ? read.familyOfPerson() : sources.families();
    ExecutorService worker =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "indexing-events-" + runId));
    try {
      Future<Timed> eventsBuilt = worker.submit(() -> rebuildEvents(familyOfPerson));
      long peopleStarted = System.nanoTime();
      IndexSources.People now = read != null ? read : sources.people(familyOfPerson);
      AliasedIndex.Built people = peopleIndex.rebuild(now.people().stream(), small);
      long familiesStarted = System.nanoTime();
      AliasedIndex.Built families = familiesIndex.rebuild(now.families().stream(), small);
      long familiesDone = System.nanoTime();
      // Written while the events are still being indexed; should the events fail, the run is
      // recorded as failed and the next run rebuilds everything anyway.
      state.replaceFingerprints(IndexedState.PERSON, now.personFingerprints());
      state.replaceFingerprints(IndexedState.FAMILY, now.familyFingerprints());
      Timed eventsDone = await(eventsBuilt);
      AliasedIndex.Built builtEvents = eventsDone.built();
      IndexedState.Written written =
          new IndexedState.Written(
              people.documents(), 0, families.documents(), 0, builtEvents.documents(), 0);
      state.completed(
          runId,
          List.of(people.index(), families.index(), builtEvents.index()),
          written,
          extracts.keySet());
      logFull(
          people,
          families,
          eventsDone,
          new long[] {started, peopleStarted, familiesStarted, familiesDone});
      return new Counts(
          now.people().size(), people.documents() + families.documents() + builtEvents.documents());
    } finally {
      worker.shutdownNow();
    }
  }

  /** The events index built from its own cursor, in a read-only transaction of its own. */
  private Timed rebuildEvents(Map<String, String> familyOfPerson) {
    return reading.execute(
        s -> {
          long from = System.nanoTime();
          try (Stream<EventDocument> all = sources.allEvents(familyOfPerson)) {
            return new Timed(eventsIndex.rebuild(all, events), from);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** {@code at}: started, people started, families started, families done. */
  private static void logFull(
      AliasedIndex.Built people, AliasedIndex.Built families, Timed eventsDone, long[] at) {
    log.info(
        "Indexed {} people in {} ms, {} families in {} ms, {} events in {} ms"
            + " (full build side by side: {} ms in all; people and families merged to one"
            + " segment in {} and {} ms)",
        people.documents(),
        millis(at[1], at[2]),
        families.documents(),
        millis(at[2], at[3]),
        eventsDone.built().documents(),
        millis(eventsDone.started(), eventsDone.finished()),
        millis(at[0], System.nanoTime()),
        people.forceMergeMillis(),
        families.forceMergeMillis());
  }

  private List<String> liveIndices() throws IOException {
    List<String> live = new ArrayList<>();
    for (AliasedIndex index :
        List.of(peopleIndex.index(), familiesIndex.index(), eventsIndex.index())) {
      live.add(String.join(",", index.currentIndices()));
    }
    return live;
  }

  private static Timed await(Future<Timed> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the events index was built", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("building the events index failed", e.getCause());
    }
  }

  private static long millis(long from, long to) {
    return (to - from) / 1_000_000;
  }

  private static String percent(double share) {
    return Math.round(share * 100) + " %";
  }

  /** An index built, with when its build started and finished. */
  private record Timed(AliasedIndex.Built built, long started, long finished) {
    Timed(AliasedIndex.Built built, long started) {
      this(built, started, System.nanoTime());
    }
  }

  /**
   * The documents of one kind that differ from what the last run sent, and the ids it sent that are
   * no longer made.
   */
  record Changes<D>(
      List<D> changed, Map<String, Long> changedFingerprints, Set<String> deleted, long indexed) {

    static <D> Changes<D> of(
        List<D> documents,
        Function<D, String> id,
        Map<String, Long> fingerprints,
        Map<String, Long> indexed) {
      List<D> changed = new ArrayList<>();
      Map<String, Long> changedFingerprints = new HashMap<>();
      Set<String> deleted = new HashSet<>(indexed.keySet());
      for (D document : documents) {
        String key = id.apply(document);
        deleted.remove(key);
        Long now = fingerprints.get(key);
        if (now != null && !now.equals(indexed.get(key))) {
          changed.add(document);
          changedFingerprints.put(key, now);
        }
      }
      return new Changes<>(changed, changedFingerprints, deleted, indexed.size());
    }
  }
}
