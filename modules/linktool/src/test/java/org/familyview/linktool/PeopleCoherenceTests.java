package org.familyview.linktool;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyview.matching.Constraints;
import org.familyview.matching.Linkage;
import org.familyview.matching.Linker;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.Progress;
import org.familyview.matching.evaluate.Coherence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13: no person holds two different valid NHS numbers, UPNs or PNC ids unless a steward
 * joined them. Checked on generated populations where such joins are tempting (three times the
 * usual errors: mistyped names and dates, so identifiers are often all that tells people apart);
 * the 1 M runs' counts, from the same check in the link report, are in docs/benchmarks.md.
 */
class PeopleCoherenceTests {

  @ParameterizedTest(name = "seed {0}, {1} records, errors x{2}")
  @CsvSource({"33, 20000, 3.0", "34, 20000, 1.0"})
  void noPersonHoldsConflictingValidIdentifiers(long seed, int size, double errorScale) {
    SyntheticPopulation population = SyntheticPopulation.generate(seed, errorScale, size);

    Linkage linkage =
        new Linker(MatchingConfig.standard())
            .link(population.records(), null, Constraints.NONE, Progress.SILENT);
    Coherence coherence = Coherence.of(linkage.records(), linkage::personId);

    assertThat(linkage.records()).anyMatch(r -> r.nhsNumber() != null);
    assertThat(linkage.records()).anyMatch(r -> r.upn() != null);
    assertThat(coherence.holds()).as(coherence.toText()).isTrue();
  }
}
