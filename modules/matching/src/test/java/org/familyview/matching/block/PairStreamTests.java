package org.familyview.matching.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.familyview.matching.SourceRecord;
import org.familyview.matching.standardise.StandardisedRecord;
import org.familyview.matching.standardise.Standardiser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Candidate pairs streamed in batches (position ranges, each sorted and de-duplicated on its own)
 * against each rule's pairs expanded separately and united in one sort.
 */
class PairStreamTests {

  private static final String[] FORENAMES = {"amy", "ben", "cara", "dan", "eve", "finn", "gus"};
  private static final String[] SURNAMES = {"smith", "smyth", "jones", "brown", "patel", "khan"};
  private static final String[] POSTCODES = {"LS1 4AB", "LS1 4AD", "LS2 7QQ", "BD3 9ZZ"};

  private static BlockIndex index;
  private static List<StandardisedRecord> records;

  @BeforeAll
  static void population() {
    // Few names, dates and postcodes, so that blocks are big, rules overlap (duplicate pairs) and
    // some blocks exceed the cap.
    SplittableRandom random = new SplittableRandom(14);
    Standardiser standardiser = Standardiser.standard();
    records = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      records.add(
          standardiser.standardise(
              new SourceRecord(
                  i % 2 == 0 ? "health" : "council",
                  "r" + i,
                  FORENAMES[random.nextInt(FORENAMES.length)],
                  null,
                  SURNAMES[random.nextInt(SURNAMES.length)],
                  List.of(),
                  String.format(
                      "20%02d-0%d-1%d",
                      10 + random.nextInt(4), 1 + random.nextInt(3), random.nextInt(3)),
                  random.nextBoolean() ? "F" : "M",
                  (1 + random.nextInt(40)) + " High Street",
                  POSTCODES[random.nextInt(POSTCODES.length)],
                  null,
                  null,
                  null,
                  random.nextInt(10) == 0 ? "07700 900" + random.nextInt(100, 120) : null,
                  null,
                  null)));
    }
    index = BlockIndex.build(new BlockingConfig(BlockingRules.standardNames(), 60), records);
  }

  /** Each rule's pairs alone (expanded and sorted one rule at a time), united and de-duplicated. */
  private static long[] expected() {
    LongStream all = LongStream.empty();
    for (String rule : index.ruleNames()) {
      all = LongStream.concat(all, LongStream.of(index.pairsOfRule(rule)));
    }
    return all.sorted().distinct().toArray();
  }

  @ParameterizedTest(name = "batches of {0} pairs")
  @ValueSource(ints = {1, 500, 20_000, 1 << 22})
  void streamedPairsAreSortedDistinctAndComplete(int batchPairs) {
    List<long[]> batches = new ArrayList<>();
    CandidatePairs.Summary summary =
        index.streamPairs(
            batchPairs, (pairs, count) -> batches.add(java.util.Arrays.copyOf(pairs, count)));

    long[] streamed = batches.stream().flatMapToLong(LongStream::of).toArray();
    long[] expected = expected();
    assertThat(expected).hasSizeGreaterThan(10_000);
    assertThat(streamed).isEqualTo(expected);
    assertThat(summary.pairs()).isEqualTo(expected.length);
    if (batchPairs <= 20_000) {
      assertThat(batches).hasSizeGreaterThan(3);
    }
    for (int i = 1; i < streamed.length; i++) {
      assertThat(streamed[i]).isGreaterThan(streamed[i - 1]);
    }
  }

  @Test
  void ruleCountsAreBeforeDeDuplicationAndCountOversizedBlocks() {
    CandidatePairs.Summary summary = index.streamPairs(1000, (pairs, count) -> {});
    long proposed = 0;
    for (CandidatePairs.RuleCount rule : summary.rules()) {
      long alone = index.pairsOfRule(rule.rule()).length;
      // A rule may propose one pair twice (two keys of a record in one block); never fewer.
      assertThat(rule.pairs()).isGreaterThanOrEqualTo(alone);
      proposed += rule.pairs();
    }
    assertThat(proposed).isGreaterThan(summary.pairs());
    assertThat(summary.rules()).anyMatch(rule -> rule.oversizedBlocks() > 0);
  }

  @Test
  void theIndexTellsCandidatesFromOtherPairsAsTheStreamDoes() {
    long[] candidates = expected();
    for (long pair : candidates) {
      int l = CandidatePairs.left(pair);
      int r = CandidatePairs.right(pair);
      assertThat(index.isCandidate(records.get(l), l, r)).isTrue();
      assertThat(index.isCandidate(records.get(r), r, l)).isTrue();
    }
    SplittableRandom random = new SplittableRandom(7);
    int others = 0;
    for (int i = 0; i < 20_000; i++) {
      int l = random.nextInt(records.size());
      int r = random.nextInt(records.size());
      boolean candidate =
          l != r && java.util.Arrays.binarySearch(candidates, CandidatePairs.pair(l, r)) >= 0;
      others += candidate ? 0 : 1;
      assertThat(index.isCandidate(records.get(l), l, r)).as("%d, %d", l, r).isEqualTo(candidate);
    }
    assertThat(others).isGreaterThan(1000);
  }
}
