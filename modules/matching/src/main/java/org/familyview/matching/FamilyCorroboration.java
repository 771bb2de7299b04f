package org.familyview.matching;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.familyview.matching.block.CandidatePairs;
import org.familyview.matching.score.LinkDecision;
import org.familyview.matching.score.PairScorer;
import org.familyview.matching.score.RuleOutcome;
import org.familyview.matching.standardise.StandardisedRecord;

/**
 * Collective evidence for the corroboration rule: a family that moved is known to two agencies at
 * two addresses, and each member's records there agree on name and date of birth but share no
 * identifier. One member alone is what a namesake sharing a birthday looks like; two different
 * people who each match between the same two addresses are a family that moved, since namesakes do
 * not move house in pairs. So an uncorroborated review pair is linked when another pair between the
 * same two addresses, of a different person on each side, is linked or is itself an uncorroborated
 * review pair (Bhattacharya and Getoor 2007, collective entity resolution, in its simplest form:
 * co-residents as the relational evidence).
 */
final class FamilyCorroboration {

  /** Address pairs bridged by more pairs than this are left alone (a hostel, a care home). */
  static final int LARGEST_GROUP = 40;

  private FamilyCorroboration() {}

  /**
   * Turns into links the uncorroborated review pairs that another person's pair corroborates.
   *
   * @return how many pairs were promoted
   */
  static int promote(
      List<StandardisedRecord> records,
      long[] candidates,
      LinkDecision[] decisions,
      IntFunction<RuleOutcome> outcomes) {
    long[] home = new long[records.size()];
    for (int i = 0; i < home.length; i++) {
      home[i] = addressKey(records.get(i));
    }
    int[] bridging = bridging(candidates, decisions, outcomes, home);
    long[] keys = new long[bridging.length];
    for (int j = 0; j < bridging.length; j++) {
      keys[j] = addressPair(home, candidates[bridging[j]]);
    }
    Integer[] order = new Integer[bridging.length];
    Arrays.setAll(order, j -> j);
    Arrays.sort(order, (x, y) -> Long.compare(keys[x], keys[y]));
    boolean[] promoted = new boolean[bridging.length];
    int count = 0;
    for (int from = 0, to; from < order.length; from = to) {
      to = from + 1;
      while (to < order.length && keys[order[to]] == keys[order[from]]) {
        to++;
      }
      if (to - from < 2 || to - from > LARGEST_GROUP) {
        continue;
      }
      for (int p = from; p < to; p++) {
        int i = bridging[order[p]];
        if (outcomes.apply(i) == PairScorer.UNCORROBORATED
            && decisions[i] == LinkDecision.REVIEW
            && supported(records, home, candidates, bridging, order, from, to, p)) {
          promoted[order[p]] = true;
        }
      }
    }
    for (int j = 0; j < bridging.length; j++) {
      if (promoted[j]) {
        decisions[bridging[j]] = LinkDecision.LINK;
        count++;
      }
    }
    return count;
  }

  /** Linked pairs and uncorroborated review pairs between two different known addresses. */
  private static int[] bridging(
      long[] candidates, LinkDecision[] decisions, IntFunction<RuleOutcome> outcomes, long[] home) {
    int[] found = new int[64];
    int n = 0;
    for (int i = 0; i < candidates.length; i++) {
      boolean eligible =
          decisions[i] == LinkDecision.LINK
              || (decisions[i] == LinkDecision.REVIEW
                  && outcomes.apply(i) == PairScorer.UNCORROBORATED);
      long l = home[CandidatePairs.left(candidates[i])];
      long r = home[CandidatePairs.right(candidates[i])];
      if (eligible && l != 0 && r != 0 && l != r) {
        if (n == found.length) {
          found = Arrays.copyOf(found, n * 2);
        }
        found[n++] = i;
      }
    }
    return Arrays.copyOf(found, n);
  }

  /** Whether another pair in the group joins a different person at each of the two addresses. */
  private static boolean supported(
      List<StandardisedRecord> records,
      long[] home,
      long[] candidates,
      int[] bridging,
      Integer[] order,
      int from,
      int to,
      int p) {
    long pair = candidates[bridging[order[p]]];
    int[] ends = byAddress(home, pair);
    for (int q = from; q < to; q++) {
      if (q == p) {
        continue;
      }
      int[] other = byAddress(home, candidates[bridging[order[q]]]);
      if (differentPeople(records.get(ends[0]), records.get(other[0]))
          && differentPeople(records.get(ends[1]), records.get(other[1]))) {
        return true;
      }
    }
    return false;
  }

  /** The pair's two records, the one at the address with the smaller key first. */
  private static int[] byAddress(long[] home, long pair) {
    int l = CandidatePairs.left(pair);
    int r = CandidatePairs.right(pair);
    return home[l] < home[r] ? new int[] {l, r} : new int[] {r, l};
  }

  /** Two records with different forenames (through the nickname table): not one person. */
  private static boolean differentPeople(StandardisedRecord a, StandardisedRecord b) {
    String x = a.canonicalForename();
    String y = b.canonicalForename();
    return x != null && y != null && !x.equals(y);
  }

  private static long addressPair(long[] home, long pair) {
    long l = home[CandidatePairs.left(pair)];
    long r = home[CandidatePairs.right(pair)];
    return Math.min(l, r) * 0x9E3779B97F4A7C15L + Math.max(l, r);
  }

  /** A 64-bit FNV-1a hash of the standardised address, 0 when there is none. */
  static long addressKey(StandardisedRecord record) {
    String address = record.address();
    if (address == null || address.isBlank()) {
      return 0;
    }
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < address.length(); i++) {
      hash = (hash ^ address.charAt(i)) * 0x100000001b3L;
    }
    return hash == 0 ? 1 : hash;
  }
}
