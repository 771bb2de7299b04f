package org.familyview.matching.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockIndexTests {

  @ParameterizedTest(name = "{0} pairs")
  @ValueSource(ints = {0, 1, 1000, 200_000})
  void radixSortOfPairsOrdersAsAComparisonSort(int count) {
    SplittableRandom random = new SplittableRandom(count);
    long[] pairs = new long[count];
    for (int i = 0; i < count; i++) {
      // Positions up to the index's limit, many repeats of one left position, some duplicates.
      int a = random.nextBoolean() ? random.nextInt(BlockIndex.MAX_RECORDS) : random.nextInt(300);
      int b = random.nextInt(BlockIndex.MAX_RECORDS);
      pairs[i] = a == b ? CandidatePairs.pair(a, b + 1) : CandidatePairs.pair(a, b);
    }
    long[] expected = pairs.clone();
    Arrays.sort(expected);

    BlockIndex.sortPairs(pairs);

    assertThat(pairs).isEqualTo(expected);
  }
}
