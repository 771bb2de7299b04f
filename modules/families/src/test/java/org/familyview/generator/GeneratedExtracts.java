package org.familyview.generator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a synthetic world for the families tests through the generator's own command, as {@code
 * ./familyview generate} would (the generator's classes are package-private, hence this package).
 */
public final class GeneratedExtracts {

  private GeneratedExtracts() {}

  public static void write(Path out, int people, long seed) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
    int status =
        GeneratorCommand.run(
            new String[] {
              "--people",
              Integer.toString(people),
              "--out",
              out.toString(),
              "--seed",
              Long.toString(seed)
            },
            print,
            print);
    if (status != 0) {
      throw new IllegalStateException("generator failed: " + log.toString(StandardCharsets.UTF_8));
    }
  }
}
