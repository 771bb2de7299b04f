package org.familyview.review.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
