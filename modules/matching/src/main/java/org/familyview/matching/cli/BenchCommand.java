package org.familyview.matching.cli;

/** Placeholder until the benchmark is written. */
final class BenchCommand {
  private BenchCommand() {}

  static int run(String[] args) {
    return 0;
  }
}
