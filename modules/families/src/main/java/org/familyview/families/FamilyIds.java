package org.familyview.families;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps family ids stable across nightly runs, as person ids are: each family of this run takes the
 * id of last run's family it shares the most members with, each old id going to at most one family
 * (the largest overlaps are settled first; ties go to the lower old id, then to the family listed
 * first). A family that shares no one with an unclaimed old family gets a fresh id {@code F%07d}
 * above the highest ever issued, so an id is never reused, even after its family was retired.
 */
public final class FamilyIds {

  private static final Pattern ISSUED = Pattern.compile("F(\\d+)");

  private FamilyIds() {}

  /**
   * @param ids this run's id of each family, in the order given
   * @param highestIssued the highest number issued after this assignment
   */
  public record Assignment(List<String> ids, long highestIssued) {
    public Assignment {
      ids = List.copyOf(ids);
    }
  }

  /**
   * @param previous last run's live families: id to the person ids of its members
   * @param families this run's families, each as the person ids of its members
   * @param highestIssued the highest family number ever issued (0 if none)
   */
  public static Assignment assign(
      Map<String, Set<String>> previous, List<Set<String>> families, long highestIssued) {
    Objects.requireNonNull(previous, "previous");
    record Overlap(int family, String oldId, int shared) {}
    Map<String, String> familyOf = new java.util.HashMap<>();
    for (Map.Entry<String, Set<String>> old : previous.entrySet()) {
      for (String person : old.getValue()) {
        // A person in two old families (a parent who moved on) counts for both.
        familyOf.merge(person, old.getKey(), (a, b) -> a + "\u0000" + b);
      }
    }
    List<Overlap> overlaps = new ArrayList<>();
    for (int f = 0; f < families.size(); f++) {
      Map<String, Integer> shared = new java.util.TreeMap<>();
      for (String person : families.get(f)) {
        String olds = familyOf.get(person);
        if (olds != null) {
          for (String old : olds.split("\u0000")) {
            shared.merge(old, 1, Integer::sum);
          }
        }
      }
      int family = f;
      shared.forEach((old, count) -> overlaps.add(new Overlap(family, old, count)));
    }
    overlaps.sort(
        Comparator.comparingInt(Overlap::shared)
            .reversed()
            .thenComparing(Overlap::oldId)
            .thenComparingInt(Overlap::family));
    String[] ids = new String[families.size()];
    Set<String> taken = new HashSet<>();
    for (Overlap overlap : overlaps) {
      if (ids[overlap.family()] == null && !taken.contains(overlap.oldId())) {
        ids[overlap.family()] = overlap.oldId();
        taken.add(overlap.oldId());
      }
    }
    long highest = Math.max(highestIssued, highestOf(previous.keySet()));
    for (int f = 0; f < ids.length; f++) {
      if (ids[f] == null) {
        ids[f] = format(++highest);
      }
    }
    return new Assignment(List.of(ids), highest);
  }

  /** The number of an issued id ("F0000042" is 42), or 0 if the id is not of that form. */
  public static long numberOf(String id) {
    Matcher m = ISSUED.matcher(id);
    return m.matches() ? Long.parseLong(m.group(1)) : 0;
  }

  public static String format(long number) {
    return String.format(java.util.Locale.ROOT, "F%07d", number);
  }

  private static long highestOf(Set<String> ids) {
    return ids.stream().mapToLong(FamilyIds::numberOf).max().orElse(0);
  }
}
