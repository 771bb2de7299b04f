package org.familyview.matching.cli;

/** Placeholder until the incremental matcher exists. */
final class IncrementalBenchmark {
  private IncrementalBenchmark() {}

  static int run(int records, long seed, double corruption, double changed, int queries) {
    return 0;
  }
}
