package org.familyview.pipeline.families;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Who an ordinary night must regroup (issue 14): the people whose grouping inputs changed (or who
 * are new, or gone), and everyone the grouping could join to them, closed under the three things a
 * grouping decision reads beyond one person — an address or agency household key (co-residence, a
 * communal address, a household id), a stated parent or child, and last night's family.
 *
 * <p>Why this gives a full re-run's families: the grouper's families are connected components of
 * edges that each need a shared key or a stated parent, and its only decisions across people (a
 * communal address, an oversized group) look at one key's spells or one component. A set closed
 * under shared keys and stated parents is therefore a union of whole components with every spell at
 * their keys, and the grouper decides it alone as it would among everyone. Closing it under last
 * night's families too means every old family is either regrouped whole (and may be retired or
 * claimed) or left whole. Someone outside the set has the inputs of the night their family was
 * made, and so do all those they could be grouped with: their family is what a re-run would make.
 */
final class AffectedPeople {

  /** A person's inputs tonight: the digest of everything grouping reads of them, and their keys. */
  record Input(String fingerprint, Set<Long> placeKeys) {
    Input {
      placeKeys = Set.copyOf(placeKeys);
    }
  }

  /** What the step stored of a person the last time it grouped them. */
  record Stored(String fingerprint, Set<Long> placeKeys, String families) {
    Stored {
      placeKeys = Set.copyOf(placeKeys);
    }
  }

  /**
   * The people to regroup (tonight's and gone ones) and last night's families to replace.
   *
   * @param seeds how many of them changed themselves, before the closure
   */
  record Affected(Set<String> people, Set<String> oldFamilies, int seeds) {}

  private AffectedPeople() {}

  /**
   * @param tonight each person grouping sees tonight
   * @param before what the step stored at its last grouping of each person
   * @param liveFamilies last night's live families: id to everyone it lists
   * @param statedKin each person's stated parents and children tonight
   */
  static Affected find(
      Map<String, Input> tonight,
      Map<String, Stored> before,
      Map<String, Set<String>> liveFamilies,
      Map<String, Set<String>> statedKin) {
    Map<String, Set<String>> familiesOf = familiesOf(liveFamilies);
    Set<String> seeds = seeds(tonight, before, familiesOf);
    Map<Long, List<String>> atKey = peopleAtKeys(tonight);
    Closure closure =
        new Closure(new HashSet<>(), new HashSet<>(), new TreeSet<>(), new ArrayDeque<>());
    for (String seed : seeds) {
      closure.add(seed);
      Stored stored = before.get(seed);
      if (stored != null) {
        stored.placeKeys().forEach(key -> closure.key(key, atKey));
      }
    }
    while (!closure.queue().isEmpty()) {
      String person = closure.queue().poll();
      Input input = tonight.get(person);
      if (input != null) {
        input.placeKeys().forEach(key -> closure.key(key, atKey));
      }
      statedKin.getOrDefault(person, Set.of()).forEach(closure::add);
      for (String family : familiesOf.getOrDefault(person, Set.of())) {
        if (closure.families().add(family)) {
          liveFamilies.get(family).forEach(closure::add);
        }
      }
    }
    return new Affected(closure.people(), closure.families(), seeds.size());
  }

  /** The people regrouped so far, the keys and old families already followed, and the frontier. */
  private record Closure(
      Set<String> people, Set<Long> keys, Set<String> families, ArrayDeque<String> queue) {
    void add(String person) {
      if (people.add(person)) {
        queue.add(person);
      }
    }

    void key(Long key, Map<Long, List<String>> atKey) {
      if (keys.add(key)) {
        atKey.getOrDefault(key, List.of()).forEach(this::add);
      }
    }
  }

  /**
   * New people, gone people, people whose inputs changed, and people whose families in the tables
   * are not those the step wrote (the tables were changed outside it: a wipe, an erasure).
   */
  private static Set<String> seeds(
      Map<String, Input> tonight, Map<String, Stored> before, Map<String, Set<String>> familiesOf) {
    Set<String> seeds = new TreeSet<>();
    tonight.forEach(
        (person, input) -> {
          Stored stored = before.get(person);
          if (stored == null
              || !stored.fingerprint().equals(input.fingerprint())
              || !stored.families().equals(families(familiesOf.get(person)))) {
            seeds.add(person);
          }
        });
    before.keySet().stream().filter(p -> !tonight.containsKey(p)).forEach(seeds::add);
    return seeds;
  }

  /** A person's families as the step stores them: sorted ids, comma-separated. */
  static String families(@Nullable Set<String> ids) {
    return ids == null ? "" : String.join(",", new TreeSet<>(ids));
  }

  private static Map<String, Set<String>> familiesOf(Map<String, Set<String>> liveFamilies) {
    Map<String, Set<String>> of = new HashMap<>();
    liveFamilies.forEach(
        (family, members) ->
            members.forEach(m -> of.computeIfAbsent(m, k -> new TreeSet<>()).add(family)));
    return of;
  }

  private static Map<Long, List<String>> peopleAtKeys(Map<String, Input> tonight) {
    Map<Long, List<String>> atKey = new HashMap<>();
    tonight.forEach(
        (person, input) ->
            input
                .placeKeys()
                .forEach(
                    key ->
                        atKey.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(person)));
    return atKey;
  }
}
