package org.familyview.pipeline.clustering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.familyview.matching.Matcher;
import org.familyview.matching.RecordKey;

/**
 * Gives tonight's clusters the person ids they had before, so that a person keeps their id from one
 * run to the next while their records come and go.
 *
 * <p>Each cluster takes the earlier id it shares most records with; each earlier id goes to at most
 * one cluster. Ties go to the lower (older) id, then to the cluster whose first record key is
 * lower, so that the same input always gives the same ids. A cluster left without an earlier id
 * gets a fresh one beyond the highest ever issued: ids are never reused, so a stale id in a
 * bookmark or an export can never name somebody else.
 */
final class StableIds {

  private StableIds() {}

  /**
   * @param clusters each cluster's records, every cluster non-empty
   * @param previous the person id each record had, for records that had one
   * @param highestIssued the highest person number ever issued (0 if none)
   * @return the person id of each cluster, in the order given, and the new highest number
   */
  static Assignment assign(
      List<List<RecordKey>> clusters, Map<RecordKey, String> previous, long highestIssued) {
    int n = clusters.size();
    RecordKey[] first = new RecordKey[n];
    List<Candidate> candidates = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      Map<String, Integer> shared = new HashMap<>();
      for (RecordKey key : clusters.get(c)) {
        if (first[c] == null || key.compareTo(first[c]) < 0) {
          first[c] = key;
        }
        String before = previous.get(key);
        if (before != null) {
          shared.merge(before, 1, Integer::sum);
        }
      }
      for (Map.Entry<String, Integer> e : shared.entrySet()) {
        candidates.add(new Candidate(c, e.getKey(), e.getValue()));
      }
    }
    candidates.sort(
        Comparator.comparingInt(Candidate::shared)
            .reversed()
            .thenComparing(Candidate::personId, StableIds::compareIds)
            .thenComparing(x -> first[x.cluster()]));
    String[] ids = new String[n];
    Set<String> taken = new HashSet<>();
    for (Candidate candidate : candidates) {
      if (ids[candidate.cluster()] == null && !taken.contains(candidate.personId())) {
        ids[candidate.cluster()] = candidate.personId();
        taken.add(candidate.personId());
      }
    }
    Integer[] fresh =
        java.util.stream.IntStream.range(0, n)
            .filter(c -> ids[c] == null)
            .boxed()
            .sorted(Comparator.comparing(c -> first[c]))
            .toArray(Integer[]::new);
    long highest = highestIssued;
    for (int c : fresh) {
      ids[c] = Matcher.personId(++highest);
    }
    return new Assignment(List.of(ids), highest);
  }

  /** The number in a person id ({@code P0000042} is 42), or -1 for an id not in that form. */
  static long number(String personId) {
    if (personId.length() < 2 || personId.charAt(0) != 'P') {
      return -1;
    }
    try {
      return Long.parseLong(personId.substring(1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int compareIds(String a, String b) {
    int byNumber = Long.compare(number(a), number(b));
    return byNumber != 0 ? byNumber : a.compareTo(b);
  }

  private record Candidate(int cluster, String personId, int shared) {}

  /** The person id of each cluster, and the highest number issued so far. */
  record Assignment(List<String> ids, long highestIssued) {}
}
