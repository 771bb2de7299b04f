package org.familyview.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.familyview.matching.block.CandidatePairs;
import org.junit.jupiter.api.Test;

class KeptPairsTests {

  @Test
  void pairsAcrossChunksReadBackAsAdded() {
    KeptPairs kept = new KeptPairs(4);
    for (int i = 0; i < 100; i++) {
      kept.add(CandidatePairs.pair(i, i + 7), i / 4f, (byte) (i % 3), (byte) (i % 5));
    }

    assertThat(kept.size()).isEqualTo(100);
    assertThat(kept.chunks()).isEqualTo(7);
    assertThat(kept.chunkLength(6)).isEqualTo(4);
    for (int i = 0; i < 100; i++) {
      assertThat(kept.pair(i)).isEqualTo(CandidatePairs.pair(i, i + 7));
      assertThat(kept.weight(i)).isEqualTo(i / 4f);
      assertThat(kept.rule(i)).isEqualTo((byte) (i % 3));
      assertThat(kept.mark(i)).isEqualTo((byte) (i % 5));
    }
    assertThat(kept.pairs()).hasSize(100).isSorted();
  }

  @Test
  void containsFindsExactlyTheHeldPairs() {
    KeptPairs kept = new KeptPairs(3);
    for (int i = 0; i < 50; i++) {
      kept.add(CandidatePairs.pair(2 * i, 2 * i + 1), 0, (byte) 0, (byte) 0);
    }

    assertThat(kept.contains(CandidatePairs.pair(0, 1))).isTrue();
    assertThat(kept.contains(CandidatePairs.pair(99, 98))).isTrue();
    assertThat(kept.contains(CandidatePairs.pair(1, 2))).isFalse();
    assertThat(kept.contains(CandidatePairs.pair(100, 101))).isFalse();
  }

  @Test
  void releasedChunksAreGoneAndTheRestRemain() {
    KeptPairs kept = new KeptPairs(2);
    for (int i = 0; i < 12; i++) {
      kept.add(CandidatePairs.pair(i, i + 1), i, (byte) 0, (byte) 0);
    }

    kept.releaseBefore(6);

    assertThat(kept.pair(4)).isEqualTo(CandidatePairs.pair(4, 5));
    assertThat(kept.weight(11)).isEqualTo(11f);
    assertThatThrownBy(() -> kept.pair(3)).isInstanceOf(NullPointerException.class);
  }
}
