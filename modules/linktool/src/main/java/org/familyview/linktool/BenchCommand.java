package org.familyview.linktool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code bench}: makes synthetic extracts with the project's generator ({@code bench generate}) and
 * times incremental matching ({@code bench incremental}). Batch linking is timed by running {@code
 * link} on generated files.
 */
final class BenchCommand {

  static final String HELP =
      """
      Usage: familyview-linktool.jar bench generate --records N --out DIR [--seed S] [--corruption X]
             familyview-linktool.jar bench incremental --records N [--seed S] [--changed FRACTION] [--queries Q]

        generate      writes DIR/{police,health,council,education}/persons.csv and DIR/truth.csv
                      (agency,record_id,person_id): invented UK-style people, damaged at X times the
                      standard error rates (default 1.0)
        incremental   links N synthetic records in memory, then times re-linking a changed fraction
                      (default 0.01) and Q single-record queries (default 1000)
      """;

  private BenchCommand() {}

  static int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help")) {
      System.out.print(HELP);
      return args.length == 0 ? 2 : 0;
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    int records = Integer.parseInt(options.getOrDefault("--records", "100000"));
    long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
    double corruption = Double.parseDouble(options.getOrDefault("--corruption", "1.0"));
    try {
      return switch (args[0]) {
        case "generate" -> {
          if (!options.containsKey("--out")) {
            System.err.println("bench generate: --out DIR is required");
            yield 2;
          }
          SyntheticPopulation.generate(seed, corruption, records)
              .write(Path.of(options.get("--out")));
          yield 0;
        }
        case "incremental" ->
            IncrementalBenchmark.run(
                records,
                seed,
                corruption,
                Double.parseDouble(options.getOrDefault("--changed", "0.01")),
                Integer.parseInt(options.getOrDefault("--queries", "1000")));
        default -> {
          System.err.print(HELP);
          yield 2;
        }
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
