package org.familyview.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.familyview.extracts.PartnerId;

/**
 * The generator as a library, for the matcher's benchmarks and tests ({@code ./familyview bench
 * generate}, modules/linktool): a world written exactly as {@code ./familyview generate --people N
 * --seed S --error-scale X} writes it, and how many person records it holds. The benchmarks ask for
 * a number of records rather than people; {@link #peopleFor} is where to start looking.
 */
public final class SyntheticWorlds {

  /** Person records per person in a default world (about 1.43, measured); a first guess only. */
  private static final double RECORDS_PER_PERSON = 1.4;

  private SyntheticWorlds() {}

  /**
   * Writes a world of {@code people} people into {@code out}, every agency's error rates multiplied
   * by {@code errorScale}.
   *
   * @return the person records written, over all agencies (the rows of {@code truth.csv})
   */
  public static long write(long people, long seed, double errorScale, Path out) throws IOException {
    if (errorScale < 0) {
      throw new IllegalArgumentException("the error scale must not be negative");
    }
    Map<PartnerId, ErrorProfile> profiles = new LinkedHashMap<>();
    for (PartnerId agency : PartnerId.V1) {
      profiles.put(agency, ErrorProfile.defaults(agency).scaled(errorScale));
    }
    GeneratorOptions defaults = GeneratorOptions.defaults(people, out);
    GeneratorOptions options =
        new GeneratorOptions(
            people,
            out,
            seed,
            defaults.asOf(),
            defaults.historyYears(),
            defaults.eventScale(),
            defaults.troubledRate(),
            defaults.invalidRows(),
            profiles);
    Generator.Summary summary = new Generator(options).run();
    return summary.personRows().values().stream().mapToLong(Long::longValue).sum();
  }

  /** A number of people whose world should hold at least {@code records} person records. */
  public static long peopleFor(long records) {
    return Math.max(1, (long) Math.ceil(records / RECORDS_PER_PERSON));
  }
}
