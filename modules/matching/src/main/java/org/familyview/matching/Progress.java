package org.familyview.matching;

/** Receives progress messages on long runs; messages carry counts, never personal data. */
@FunctionalInterface
public interface Progress {

  Progress SILENT = message -> {};

  void report(String message);
}
