package org.familyview.matching.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectationMaximisationTests {

  // Three comparisons with 4, 3 and 3 levels (level 0 = missing), as the matcher uses them.
  private static final double[][] TRUE_M = {
    {0, 0.80, 0.15, 0.05}, {0, 0.90, 0.10}, {0, 0.70, 0.30}
  };
  private static final double[][] TRUE_U = {
    {0, 0.01, 0.04, 0.95}, {0, 0.05, 0.95}, {0, 0.20, 0.80}
  };

  @ParameterizedTest(name = "share of matches {0}")
  @ValueSource(doubles = {0.05, 0.2, 0.5})
  void recoversKnownMAndMatchShareFromPatternCounts(double lambda) {
    SplittableRandom random = new SplittableRandom(42);
    Map<String, long[]> counts = new HashMap<>();
    for (int pair = 0; pair < 200_000; pair++) {
      boolean match = random.nextDouble() < lambda;
      int[] levels = new int[3];
      for (int k = 0; k < 3; k++) {
        levels[k] = random.nextDouble() < 0.1 ? 0 : draw(match ? TRUE_M[k] : TRUE_U[k], random);
      }
      counts.computeIfAbsent(Arrays.toString(levels), x -> new long[] {0})[0]++;
    }
    int[][] patterns = new int[counts.size()][];
    long[] n = new long[counts.size()];
    int p = 0;
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      patterns[p] =
          Arrays.stream(e.getKey().replaceAll("[\\[\\] ]", "").split(","))
              .mapToInt(Integer::parseInt)
              .toArray();
      n[p++] = e.getValue()[0];
    }
    double[][] start = {{0, 0.5, 0.3, 0.2}, {0, 0.6, 0.4}, {0, 0.6, 0.4}};

    ExpectationMaximisation.Result result =
        ExpectationMaximisation.run(
            patterns, n, start, TRUE_U, new boolean[] {true, true, true}, 0.1, 500);

    assertThat(result.lambda()).isCloseTo(lambda, within(0.01));
    for (int k = 0; k < 3; k++) {
      for (int level = 1; level < TRUE_M[k].length; level++) {
        assertThat(result.m()[k][level])
            .as("m of comparison %d level %d", k, level)
            .isCloseTo(TRUE_M[k][level], within(0.03));
      }
    }
  }

  @Test
  void leavesInactiveComparisonsAlone() {
    int[][] patterns = {{1, 1, 1}, {3, 2, 2}};
    long[] counts = {100, 900};
    double[][] start = {{0, 0.5, 0.3, 0.2}, {0, 0.6, 0.4}, {0, 0.6, 0.4}};
    ExpectationMaximisation.Result result =
        ExpectationMaximisation.run(
            patterns, counts, start, TRUE_U, new boolean[] {true, false, true}, 0.1, 100);
    assertThat(result.m()[1]).containsExactly(start[1]);
  }

  @Test
  void parametersSurviveWritingAndReadingAndCarryTheirVersion() throws Exception {
    ModelParameters p =
        ModelParameters.of("2026-11-21T00:00:00Z", List.of("a", "b", "c"), TRUE_M, TRUE_U, 1e-5);
    StringWriter out = new StringWriter();
    p.write(out);
    ModelParameters read = ModelParameters.read(new StringReader(out.toString()));
    assertThat(read.version()).isEqualTo(p.version()).startsWith("fs1-");
    assertThat(read.weight(0, 1)).isCloseTo(p.weight(0, 1), within(1e-9));
    assertThat(read.prior()).isCloseTo(1e-5, within(1e-12));
    assertThat(ModelParameters.of("x", List.of("a", "b", "c"), TRUE_M, TRUE_U, 2e-5).version())
        .isNotEqualTo(p.version());
  }

  @Test
  void refusesAModelFileWhoseNumbersWereEdited() throws Exception {
    ModelParameters p =
        ModelParameters.of("2026-11-21T00:00:00Z", List.of("a", "b", "c"), TRUE_M, TRUE_U, 1e-5);
    StringWriter out = new StringWriter();
    p.write(out);
    String edited = out.toString().replace("prior 1.000000000e-05", "prior 2.000000000e-05");
    assertThat(edited).isNotEqualTo(out.toString());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ModelParameters.read(new StringReader(edited)))
        .hasMessageContaining("edited");
  }

  private static int draw(double[] distribution, SplittableRandom random) {
    double r = random.nextDouble();
    double cumulative = 0;
    for (int level = 1; level < distribution.length; level++) {
      cumulative += distribution[level];
      if (r < cumulative) {
        return level;
      }
    }
    return distribution.length - 1;
  }
}
