package org.familyview.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The review queue as a steward works it: one task per pair of PEOPLE, not per pair of records. A
 * steward decides whether two people are one; after clustering, several review record pairs often
 * fall between the same two people (at 1 M generated records, 11,209 review pairs between 7,911
 * pairs of people), and some fall inside one person because other links joined their records (the
 * question is then moot). So: pairs inside one person are dropped, the rest grouped by unordered
 * pair of people; each group is one task, represented by its strongest pair (highest match weight,
 * ties by record keys) and carrying the other pairs between the same two people as evidence.
 *
 * <p>Generic over the caller's pair type (the link command's positions, the nightly run's staged
 * pairs), which {@link #group} reads through a {@link Pair} view.
 *
 * @param tasks one per pair of people, strongest first (ties by the strongest pair's record keys)
 * @param withinOnePerson review pairs whose two records are in one person after clustering
 */
public record ReviewQueue<P>(List<Task<P>> tasks, long withinOnePerson) {

  /** What grouping needs to know of a review pair. */
  public record Pair(RecordKey left, RecordKey right, double matchWeight) {

    RecordKey low() {
      return left.compareTo(right) <= 0 ? left : right;
    }

    RecordKey high() {
      return left.compareTo(right) <= 0 ? right : left;
    }
  }

  /**
   * One task: two people (the lower person id first), the pair that represents them and the other
   * record pairs between them, strongest first.
   */
  public record Task<P>(String lowPerson, String highPerson, P strongest, List<P> others) {

    /** Record pairs between the two people, the strongest included. */
    public int pairCount() {
      return others.size() + 1;
    }
  }

  /** Strongest first; equal weights by the pairs' lower then higher record key. */
  static final Comparator<Pair> STRONGEST_FIRST =
      Comparator.comparingDouble(Pair::matchWeight)
          .reversed()
          .thenComparing(Pair::low)
          .thenComparing(Pair::high);

  /**
   * Groups review pairs into tasks.
   *
   * @param pairs the review pairs (each unordered record pair at most once)
   * @param view what grouping reads of a pair
   * @param personOf each record's person after clustering
   * @throws IllegalArgumentException when a pair's record has no person
   */
  public static <P> ReviewQueue<P> group(
      List<P> pairs, Function<P, Pair> view, Function<RecordKey, @Nullable String> personOf) {
    Map<List<String>, List<P>> byPeople = new HashMap<>();
    long within = 0;
    for (P pair : pairs) {
      Pair p = view.apply(pair);
      String left = person(personOf, p.left());
      String right = person(personOf, p.right());
      int order = left.compareTo(right);
      if (order == 0) {
        within++;
        continue;
      }
      List<String> people = order < 0 ? List.of(left, right) : List.of(right, left);
      byPeople.computeIfAbsent(people, k -> new ArrayList<>()).add(pair);
    }
    Comparator<P> strongestFirst = Comparator.comparing(view, STRONGEST_FIRST);
    List<Task<P>> tasks = new ArrayList<>(byPeople.size());
    byPeople.forEach(
        (people, between) -> {
          between.sort(strongestFirst);
          tasks.add(
              new Task<>(
                  people.get(0),
                  people.get(1),
                  between.get(0),
                  List.copyOf(between.subList(1, between.size()))));
        });
    tasks.sort(Comparator.comparing(Task::strongest, strongestFirst));
    return new ReviewQueue<>(List.copyOf(tasks), within);
  }

  private static String person(Function<RecordKey, @Nullable String> personOf, RecordKey key) {
    String person = personOf.apply(key);
    if (person == null) {
      throw new IllegalArgumentException("review pair names record " + key + " with no person");
    }
    return person;
  }
}
