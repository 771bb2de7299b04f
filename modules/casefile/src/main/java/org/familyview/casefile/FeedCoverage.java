package org.familyview.casefile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Currency and coverage of each agency's feed, shown on every case view: when the agency last
 * delivered, from what date its data starts, and a warning when the feed is late, its last load
 * failed, or its latest delivery was held by the snapshot guard (it would have retired much of the
 * agency's data, and waits for a person to confirm it). An empty police column then reads as
 * "police data is late", never as "no police involvement".
 */
@Component
public class FeedCoverage {

  public enum State {
    CURRENT,
    LATE,
    FAILED,
    HELD,
    NEVER_DELIVERED
  }

  /**
   * @param recordsHere how many of this person's or family's records come from the agency
   * @param warning what a reader must know before trusting the absence of this agency's records
   */
  public record Feed(
      String agency,
      State state,
      @Nullable Instant lastDelivered,
      @Nullable Instant lastLoaded,
      @Nullable LocalDate dataFrom,
      Duration expectedEvery,
      int recordsHere,
      @Nullable String warning) {}

  private final CaseRecords records;
  private final CasefileProperties properties;
  private final Clock clock;

  /** Where each agency's data starts changes only with a load: cached per set of loads. */
  private volatile @Nullable Cached starts;

  private record Cached(Set<String> loads, Map<String, LocalDate> starts) {}

  private final List<String> partners;

  @Autowired
  public FeedCoverage(CaseRecords records, CasefileProperties properties, CasePartners partners) {
    this(records, properties, Clock.systemUTC(), partners.codes());
  }

  /** Over version 1's four agencies. */
  public FeedCoverage(CaseRecords records, CasefileProperties properties) {
    this(records, properties, Clock.systemUTC());
  }

  FeedCoverage(CaseRecords records, CasefileProperties properties, Clock clock) {
    this(records, properties, clock, Agencies.ALL);
  }

  private FeedCoverage(
      CaseRecords records, CasefileProperties properties, Clock clock, List<String> partners) {
    this.records = records;
    this.properties = properties;
    this.clock = clock;
    this.partners = List.copyOf(partners);
  }

  /** Every configured partner's feed, with how many records the case holds from each. */
  public List<Feed> of(Map<String, Integer> recordsByAgency) {
    Map<String, CaseRecords.Delivery> latest =
        records.latestDeliveries().stream()
            .collect(Collectors.toMap(CaseRecords.Delivery::agency, Function.identity()));
    Map<String, CaseRecords.Delivery> completed =
        records.latestCompleted().stream()
            .collect(Collectors.toMap(CaseRecords.Delivery::agency, Function.identity()));
    Map<String, LocalDate> dataFrom = dataStarts(completed);
    Instant now = clock.instant();
    List<Feed> feeds = new ArrayList<>();
    for (String agency : partners) {
      feeds.add(
          feed(
              agency,
              latest.get(agency),
              completed.get(agency),
              dataFrom.get(agency),
              recordsByAgency.getOrDefault(agency, 0),
              now));
    }
    return feeds;
  }

  Feed feed(
      String agency,
      CaseRecords.@Nullable Delivery latest,
      CaseRecords.@Nullable Delivery completed,
      @Nullable LocalDate dataFrom,
      int recordsHere,
      Instant now) {
    Duration cadence = properties.cadenceOf(agency);
    String name = Agencies.title(agency);
    String absence =
        recordsHere == 0
            ? " No " + agency + " records here does not mean no " + agency + " involvement."
            : "";
    if (latest == null) {
      return neverDelivered(agency, cadence, recordsHere, absence);
    }
    Instant loaded = completed == null ? null : loadedAt(completed);
    if ("FAILED".equals(latest.status()) || "HELD".equals(latest.status())) {
      State unapplied = State.valueOf(latest.status());
      return notApplied(unapplied, agency, latest, loaded, dataFrom, cadence, recordsHere, absence);
    }
    if (loaded == null || loaded.plus(cadence).isBefore(now)) {
      return new Feed(
          agency,
          State.LATE,
          latest.receivedAt(),
          loaded,
          dataFrom,
          cadence,
          recordsHere,
          name
              + " data is late: "
              + (loaded == null ? "no extract has loaded yet" : "last loaded " + loaded)
              + ", expected every "
              + human(cadence)
              + "."
              + absence);
    }
    return new Feed(
        agency,
        State.CURRENT,
        latest.receivedAt(),
        loaded,
        dataFrom,
        cadence,
        recordsHere,
        recordsHere == 0 && dataFrom != null
            ? name + " holds no records here; its data starts " + dataFrom + "." + absence
            : null);
  }

  private static Feed neverDelivered(
      String agency, Duration cadence, int recordsHere, String absence) {
    return new Feed(
        agency,
        State.NEVER_DELIVERED,
        null,
        null,
        null,
        cadence,
        recordsHere,
        Agencies.title(agency)
            + " has never delivered an extract: FamilyView holds no "
            + agency
            + " data."
            + absence);
  }

  /**
   * The latest delivery was not applied (it failed or is held): the data is as of the last load.
   */
  private Feed notApplied(
      State state,
      String agency,
      CaseRecords.Delivery latest,
      @Nullable Instant loaded,
      @Nullable LocalDate dataFrom,
      Duration cadence,
      int recordsHere,
      String absence) {
    String why =
        state == State.FAILED
            ? "'s latest extract, received " + latest.receivedAt() + ", failed to load: its"
            : "'s latest delivery, received "
                + latest.receivedAt()
                + ", was held: it would have retired much of the agency's records and waits to be"
                + " confirmed or discarded. Its";
    return new Feed(
        agency,
        state,
        latest.receivedAt(),
        loaded,
        dataFrom,
        cadence,
        recordsHere,
        Agencies.title(agency)
            + why
            + " data is as of "
            + (loaded == null ? "no successful load" : "the load of " + loaded)
            + "."
            + absence);
  }

  private static Instant loadedAt(CaseRecords.Delivery delivery) {
    return delivery.finishedAt() == null ? delivery.receivedAt() : delivery.finishedAt();
  }

  private Map<String, LocalDate> dataStarts(Map<String, CaseRecords.Delivery> completed) {
    Set<String> loads =
        completed.values().stream().map(d -> d.extractId().toString()).collect(Collectors.toSet());
    Cached cached = starts;
    if (cached == null || !cached.loads().equals(loads)) {
      cached = new Cached(loads, Map.copyOf(records.dataStarts()));
      starts = cached;
    }
    return cached.starts();
  }

  static String human(Duration duration) {
    long hours = duration.toHours();
    if (hours > 0 && hours % 24 == 0) {
      return hours / 24 == 1 ? "day" : hours / 24 + " days";
    }
    return hours == 1 ? "hour" : hours + " hours";
  }
}
