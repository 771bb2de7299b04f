package org.familyview.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.familyview.extracts.PartnerId;

/**
 * What to generate.
 *
 * @param people how many people to create, exactly
 * @param out the folder to write into
 * @param seed the seed: the same seed and options give byte-identical files
 * @param asOf the day the extracts are taken
 * @param historyYears how many years of events before {@code asOf}
 * @param eventScale a multiplier on the number of repeated events (1 by default)
 * @param troubledRate the share of families with children that have Supporting Families problems
 * @param invalidRows the chance, per row, of a deliberately broken row after it (0 by default)
 * @param profiles each agency's error profile
 * @param byAuthority whether the second authority's families' records go to its own health, council
 *     and education partners ({@code health-south} …) rather than the first's: the demo's seven
 *     partners. Off by default, so the matcher's benchmarks and accuracy figures keep version 1's
 *     four extracts; the records, people and events are the same either way.
 */
record GeneratorOptions(
    long people,
    Path out,
    long seed,
    LocalDate asOf,
    int historyYears,
    double eventScale,
    double troubledRate,
    double invalidRows,
    Map<PartnerId, ErrorProfile> profiles,
    boolean byAuthority) {

  static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 1);

  GeneratorOptions {
    profiles = Map.copyOf(profiles);
  }

  /** Version 1's four extracts, whichever authority a family lives in. */
  GeneratorOptions(
      long people,
      Path out,
      long seed,
      LocalDate asOf,
      int historyYears,
      double eventScale,
      double troubledRate,
      double invalidRows,
      Map<PartnerId, ErrorProfile> profiles) {
    this(
        people,
        out,
        seed,
        asOf,
        historyYears,
        eventScale,
        troubledRate,
        invalidRows,
        profiles,
        false);
  }

  /** The same world, written with one partner of each kind per authority (or not). */
  GeneratorOptions byAuthority(boolean split) {
    return new GeneratorOptions(
        people,
        out,
        seed,
        asOf,
        historyYears,
        eventScale,
        troubledRate,
        invalidRows,
        profiles,
        split);
  }

  static GeneratorOptions defaults(long people, Path out) {
    Map<PartnerId, ErrorProfile> profiles = new LinkedHashMap<>();
    for (PartnerId agency : PartnerId.V1) {
      profiles.put(agency, ErrorProfile.defaults(agency));
    }
    return new GeneratorOptions(people, out, 1L, DEFAULT_AS_OF, 3, 1.0, 0.12, 0.0, profiles);
  }
}
