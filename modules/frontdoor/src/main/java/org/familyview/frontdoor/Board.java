package org.familyview.frontdoor;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.familyview.frontdoor.clock.WorkingClock;

/**
 * The front-door board over the contacts raised in a period: contacts by source and RAG, timeliness
 * against the clock, open and overdue checks by partner, the no-further-action rate, and repeat
 * contacts (an earlier contact about the same person or family within the repeat window, by default
 * 12 months), as joint targeted area inspections look at them.
 */
public record Board(
    Instant from,
    Instant asOf,
    int contacts,
    Map<String, Map<Rag, Integer>> bySourceAndRag,
    Map<Rag, Timeliness> timeliness,
    Map<String, Checks> checksByPartner,
    Rate noFurtherAction,
    Rate repeats) {

  /**
   * Per rating: decided within the clock, decided late, open within the clock, open past it; and
   * the median working hours from contact to decision.
   */
  public record Timeliness(int onTime, int late, int open, int overdue, double medianHours) {}

  public record Checks(int asked, int answered, int open, int overdue, int nothingKnown) {}

  /** {@code count} of {@code of}, and the share (0 when {@code of} is 0). */
  public record Rate(int count, int of, double share) {
    static Rate of(int count, int of) {
      return new Rate(count, of, of == 0 ? 0 : Math.round(1000.0 * count / of) / 1000.0);
    }
  }

  /**
   * @param inPeriod the contacts raised since {@code from}
   * @param earlier contacts raised in the repeat window before {@code from} (for repeats)
   */
  public static Board of(
      Instant from,
      Instant now,
      List<Contact> inPeriod,
      List<Contact> earlier,
      WorkingClock clock,
      java.time.Period repeatWithin) {
    Map<String, Map<Rag, Integer>> bySource = new TreeMap<>();
    for (Contact c : inPeriod) {
      bySource
          .computeIfAbsent(c.source(), s -> new EnumMap<>(Rag.class))
          .merge(c.rag(), 1, Integer::sum);
    }
    int decided = (int) inPeriod.stream().filter(c -> c.decision() != null).count();
    int nfa =
        (int)
            inPeriod.stream()
                .filter(
                    c ->
                        c.decision() != null && c.decision().outcome() == Outcome.NO_FURTHER_ACTION)
                .count();
    return new Board(
        from,
        now,
        inPeriod.size(),
        bySource,
        timeliness(inPeriod, now, clock),
        checks(inPeriod, now),
        Rate.of(nfa, decided),
        Rate.of(repeats(inPeriod, earlier, repeatWithin, clock.zone()), inPeriod.size()));
  }

  private static Map<Rag, Timeliness> timeliness(
      List<Contact> contacts, Instant now, WorkingClock clock) {
    Map<Rag, Timeliness> byRag = new EnumMap<>(Rag.class);
    for (Rag rag : Rag.values()) {
      int onTime = 0, late = 0, open = 0, overdue = 0;
      List<Double> hours = new ArrayList<>();
      for (Contact c : contacts) {
        if (c.rag() != rag) {
          continue;
        }
        if (c.decision() == null) {
          if (now.isAfter(c.dueAt())) overdue++;
          else open++;
        } else {
          if (c.decision().decidedAt().isAfter(c.dueAt())) late++;
          else onTime++;
          Duration worked = clock.between(c.raisedAt(), c.decision().decidedAt());
          hours.add(worked.toMinutes() / 60.0);
        }
      }
      byRag.put(rag, new Timeliness(onTime, late, open, overdue, median(hours)));
    }
    return byRag;
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return Math.round(m * 10) / 10.0;
  }

  private static Map<String, Checks> checks(List<Contact> contacts, Instant now) {
    Map<String, int[]> counts = new TreeMap<>();
    for (Contact c : contacts) {
      for (Contact.Check check : c.checks()) {
        int[] k = counts.computeIfAbsent(check.partner(), p -> new int[5]);
        k[0]++;
        switch (check.asOf(now).status()) {
          case ANSWERED -> {
            k[1]++;
            if (Boolean.TRUE.equals(check.nothingKnown())) k[4]++;
          }
          case REQUESTED -> k[2]++;
          case OVERDUE -> k[3]++;
        }
      }
    }
    Map<String, Checks> checks = new TreeMap<>();
    counts.forEach((p, k) -> checks.put(p, new Checks(k[0], k[1], k[2], k[3], k[4])));
    return checks;
  }

  /**
   * Contacts about a person or family already the subject (or the family) of an earlier contact
   * within the window before it.
   */
  static int repeats(
      List<Contact> inPeriod, List<Contact> earlier, java.time.Period within, ZoneId zone) {
    Map<String, List<Instant>> seen = new HashMap<>();
    List<Contact> all = new ArrayList<>(earlier);
    all.addAll(inPeriod);
    all.sort(java.util.Comparator.comparing(Contact::raisedAt));
    int repeats = 0;
    java.util.Set<java.util.UUID> counted = new java.util.HashSet<>();
    inPeriod.forEach(c -> counted.add(c.id()));
    for (Contact c : all) {
      Instant windowStart = c.raisedAt().atZone(zone).minus(within).toInstant();
      boolean repeat = false;
      for (String key : keys(c)) {
        List<Instant> times = seen.computeIfAbsent(key, k -> new ArrayList<>());
        repeat |= times.stream().anyMatch(t -> !t.isBefore(windowStart));
        times.add(c.raisedAt());
      }
      if (repeat && counted.contains(c.id())) {
        repeats++;
      }
    }
    return repeats;
  }

  private static List<String> keys(Contact c) {
    List<String> keys = new ArrayList<>();
    keys.add(c.subject().kind() + ":" + c.subject().id());
    if (c.familyId() != null && c.subject().kind() == Contact.Subject.Kind.PERSON) {
      keys.add("FAMILY:" + c.familyId());
    }
    return keys;
  }
}
