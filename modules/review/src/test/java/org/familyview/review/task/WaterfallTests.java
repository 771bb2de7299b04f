package org.familyview.review.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WaterfallTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** The shape the nightly run keeps in a possible match's detail (an Explanation as JSON). */
  static final String DETAIL =
      """
      {"left": {"agency": "HEALTH", "recordId": "H1"}, "right": {"agency": "COUNCIL", "recordId": "C1"},
       "modelVersion": "fs1-abc", "priorWeight": -13.31,
       "contributions": [
         {"comparison": "forename", "level": 2, "levelDescription": "nickname or alias", "m": 0.1, "u": 0.003, "weight": 5.18, "termFrequencyAdjustment": 0},
         {"comparison": "surname", "level": 1, "levelDescription": "exact", "m": 0.9, "u": 0.005, "weight": 7.29, "termFrequencyAdjustment": 0.26}],
       "matchWeight": -0.58, "matchProbability": 0.4, "decision": "REVIEW", "rule": "", "text": "..."}
      """;

  @Test
  void readsTheRunsExplanationWithARunningTotal() {
    Waterfall w = Waterfall.fromDetail(JSON.readTree(DETAIL));

    assertThat(w).isNotNull();
    assertThat(w.source()).isEqualTo("task");
    assertThat(w.modelVersion()).isEqualTo("fs1-abc");
    assertThat(w.steps())
        .extracting(Waterfall.Step::level)
        .containsExactly("nickname or alias", "exact");
    assertThat(w.steps().get(0).running()).isCloseTo(-8.13, within(1e-9));
    assertThat(w.steps().get(1).running()).isCloseTo(-8.13 + 7.55, within(1e-9));
    assertThat(w.matchWeight()).isEqualTo(-0.58);
    assertThat(w.rule()).as("an empty rule is no rule").isNull();
  }

  @Test
  void findsItUnderExplanationToo() {
    Waterfall w = Waterfall.fromDetail(JSON.readTree("{\"explanation\": " + DETAIL + "}"));

    assertThat(w).isNotNull();
    assertThat(w.steps()).hasSize(2);
  }

  @Test
  void aDetailWithoutStepsHasNoWaterfall() {
    assertThat(Waterfall.fromDetail(JSON.readTree("{\"reason\": \"oversized cluster\"}"))).isNull();
    assertThat(Waterfall.fromDetail(JSON.readTree("{\"matchWeight\": 0.4}"))).isNull();
    assertThat(Waterfall.fromDetail(null)).isNull();
  }
}
