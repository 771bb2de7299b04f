package org.familyview.generator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the generator's command line in-process, for the criteria module's agreement test. */
public final class GenerateForTests {

  private GenerateForTests() {}

  public static void run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        GeneratorCommand.run(
            args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
    if (status != 0) {
      throw new IllegalStateException(
          "the generator failed (" + status + "): " + err.toString(StandardCharsets.UTF_8));
    }
  }
}
