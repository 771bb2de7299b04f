package org.familyview.linktool;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.familyview.matching.Constraints;
import org.familyview.matching.Linker;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.Progress;
import org.familyview.matching.RecordKey;
import org.familyview.matching.SourceRecord;
import org.familyview.matching.evaluate.LinkageMetrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Precision and recall on labelled sets must not fall below the figures recorded here (measured
 * 2026-11-21, minus a small margin for changes in training samples). The harsh synthetic set's
 * recall floor was lowered on 2026-12-07 from 0.93 to 0.80 (measured 0.8196, precision 0.9926): the
 * corroboration rule (docs/matching.md) sends its moved records that share no identifier, phone or
 * email to review instead of linking them on name and date of birth alone. Raised on 2026-12-07
 * (issue 13, session 4) to precision 0.99 and recall 0.89 (measured 0.9972 and 0.9033): a family
 * that moved now corroborates itself, two members matching between the same two addresses.
 *
 * <p>Since issue 13 the main guard is a population from the project's generator, as large as the
 * unit suite affords (50,000 records, a few seconds to generate and link), with the issue's targets
 * as floors: precision 0.98 and recall 0.95 at standard error rates, precision 0.97 at three times
 * them. Precision is what falls as a population grows (namesakes multiply), so the largest
 * population the suite can afford is the one that shows it first; the full-size figures are in
 * docs/benchmarks.md.
 */
class AccuracyRegressionTests {

  @ParameterizedTest(name = "generated, {1} records, seed {0}, errors x{2}: precision >= {3}")
  @CsvSource({"31, 50000, 1.0, 0.98, 0.95", "32, 20000, 3.0, 0.97, 0.80"})
  void aGeneratedPopulationLinksAtTheIssuesTargets(
      long seed, int size, double errorScale, double precision, double recall) {
    SyntheticPopulation population = SyntheticPopulation.generate(seed, errorScale, size);

    Map<RecordKey, String> predicted =
        new Linker(MatchingConfig.standard())
            .link(population.records(), null, Constraints.NONE, Progress.SILENT)
            .personIds();
    LinkageMetrics metrics = LinkageMetrics.of(predicted, population.truth());

    assertThat(metrics.pairwisePrecision())
        .as("pairwise precision")
        .isGreaterThanOrEqualTo(precision);
    assertThat(metrics.pairwiseRecall()).as("pairwise recall").isGreaterThanOrEqualTo(recall);
  }

  @ParameterizedTest(name = "{0}: precision >= {2}, recall >= {3}")
  @CsvSource({
    "synthetic, police|health|council|education, 0.990, 0.890",
    "febrl3, police|health, 0.995, 0.970"
  })
  void precisionAndRecallDoNotFallBelowRecordedFigures(
      String set, String agencies, double precision, double recall) throws Exception {
    Path dir = resource("/accuracy/" + set);
    List<SourceRecord> records = new ArrayList<>();
    for (String agency : agencies.split("\\|")) {
      records.addAll(PersonExtracts.read(agency, dir.resolve(agency).resolve("persons.csv")));
    }
    Map<RecordKey, String> truth = TruthFile.read(dir.resolve("truth.csv"));

    Map<RecordKey, String> predicted =
        new Linker(MatchingConfig.standard())
            .link(records, null, Constraints.NONE, Progress.SILENT)
            .personIds();
    LinkageMetrics metrics = LinkageMetrics.of(predicted, truth);

    assertThat(metrics.pairwisePrecision())
        .as("pairwise precision")
        .isGreaterThanOrEqualTo(precision);
    assertThat(metrics.pairwiseRecall()).as("pairwise recall").isGreaterThanOrEqualTo(recall);
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(AccuracyRegressionTests.class.getResource(name).toURI());
  }
}
