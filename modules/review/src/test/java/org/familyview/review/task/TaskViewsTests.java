package org.familyview.review.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class TaskViewsTests {

  /** Values separated by '|'; an empty value is missing. */
  @ParameterizedTest(name = "{0} differs: {1}")
  @CsvSource({
    "Samuel|Samuel, false",
    "Samuel|samuel , false",
    "14  Cardigan Road|14 cardigan road, false",
    "Samuel|Sam, true",
    "Samuel|, false",
    "|, false",
    "LS6 2AB|LS6 2AB|LS6 9ZZ, true"
  })
  void twoGivenValuesThatDisagreeDifferAndMissingIsNoDisagreement(String values, boolean differs) {
    List<String> list =
        Arrays.stream(values.split("\\|", -1)).map(v -> v.isEmpty() ? null : v).toList();

    assertThat(TaskViews.differs(list)).isEqualTo(differs);
  }

  @Test
  void theOtherPairsOfAPossibleMatchAreReadFromItsDetailInTheOrderWritten() {
    String detail =
        """
        {"contributions": [], "matchWeight": 4.5,
         "otherPairs": [
           {"left": {"agency": "council", "recordId": "C1"},
            "right": {"agency": "education", "recordId": "E2"},
            "matchWeight": 3.0, "matchProbability": 0.889},
           {"left": {"agency": "health"}, "right": {"agency": "police", "recordId": "P9"},
            "matchWeight": 2.0, "matchProbability": 0.8},
           {"left": {"agency": "health", "recordId": "H1"},
            "right": {"agency": "police", "recordId": "P1"},
            "matchWeight": -1.25, "matchProbability": 0.296}]}
        """;

    List<TaskView.OtherPair> pairs =
        TaskViews.otherPairs(JsonMapper.builder().build().readTree(detail));

    assertThat(pairs)
        .containsExactly(
            new TaskView.OtherPair("council", "C1", "education", "E2", 3.0, 0.889),
            new TaskView.OtherPair("health", "H1", "police", "P1", -1.25, 0.296));
  }

  @Test
  void aTaskWithoutOtherPairsHasNone() {
    JsonMapper json = JsonMapper.builder().build();

    assertThat(TaskViews.otherPairs(null)).isEmpty();
    assertThat(TaskViews.otherPairs(json.readTree("{\"reason\": \"size cap\"}"))).isEmpty();
    assertThat(TaskViews.otherPairs(json.readTree("{\"otherPairs\": []}"))).isEmpty();
  }
}
