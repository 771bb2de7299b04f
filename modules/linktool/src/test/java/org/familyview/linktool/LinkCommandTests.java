package org.familyview.linktool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCommandTests {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return LinkCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path extract(String name, String... rows) throws Exception {
    Path file = dir.resolve(name + ".csv");
    Files.write(
        file,
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of(String.join(",", PersonExtracts.COLUMNS)),
                java.util.Arrays.stream(rows))
            .toList());
    return file;
  }

  @Test
  void printsHelp() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--persons AGENCY=FILE", "clusters.csv", "pairs.csv", "--truth");
  }

  @Test
  void explainsAMissingOption() {
    assertThat(run("--persons", "police=x.csv")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out DIR is required");
  }

  @Test
  void namesTheFileTheLineAndWhyForABadRow() throws Exception {
    Path police =
        extract(
            "police",
            "P1,John,,Smith,,1980-01-01,M,1 High St,LS1 4AB,,,,,,",
            ",Jane,,Smith,,1981-01-01,F,1 High St,LS1 4AB,,,,,,");
    assertThat(run("--persons", "police=" + police, "--out", dir.resolve("out").toString()))
        .isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("police.csv:3", "record_id is empty");
  }

  @Test
  void rejectsAFileThatIsNotAnExtract() throws Exception {
    Path file = dir.resolve("other.csv");
    Files.writeString(file, "id,name\n1,x\n");
    assertThat(run("--persons", "police=" + file, "--out", dir.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("other.csv:1", "record_id");
  }

  @Test
  void writesOneClusterRowPerRecordAndScoresAgainstTruth() throws Exception {
    Path generated = dir.resolve("generated");
    SyntheticPopulation.generate(5, 1.0, 1500).write(generated);
    Path out = dir.resolve("out");
    int status =
        run(
            "--quiet",
            "--persons",
            "police=" + generated.resolve("police/persons.csv"),
            "--persons",
            "health=" + generated.resolve("health/persons.csv"),
            "--persons",
            "council=" + generated.resolve("council/persons.csv"),
            "--persons",
            "education=" + generated.resolve("education/persons.csv"),
            "--out",
            out.toString(),
            "--truth",
            generated.resolve("truth.csv").toString());
    assertThat(status).isZero();
    List<String> clusters = Files.readAllLines(out.resolve("clusters.csv"));
    assertThat(clusters.getFirst()).isEqualTo("agency,record_id,person_id");
    assertThat(clusters).hasSize(1500 + 1);
    assertThat(Files.readAllLines(out.resolve("pairs.csv")).getFirst())
        .isEqualTo(
            "agency_l,record_id_l,agency_r,record_id_r,match_weight,match_probability,decision");
    assertThat(out.resolve("summary.txt")).exists();
    assertThat(out.toFile().list()).contains("model.txt");
    assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("pairwise", "B-cubed");
    assertThat(Files.readString(out.resolve("summary.txt")))
        .containsPattern("(?m)^records [0-9,]+  people [0-9,]+  .*  review [0-9,]+  model ")
        .containsPattern(
            "(?m)^review tasks \\(pairs of people\\): [0-9,]+ \\([0-9.]+ per 1,000 records\\);"
                + " review pairs within one person: [0-9,]+; tasks true on truth: ");
  }

  @Test
  void pairsAreWrittenAsCommonsCsvPrintsTheKeptPairs() throws Exception {
    // Agencies and record ids that need quoting, first in a row and later in it.
    List<org.familyview.matching.SourceRecord> records =
        SyntheticPopulation.generate(5, 1.0, 1500).records().stream()
            .map(
                r ->
                    r.recordId().endsWith("7")
                        ? r.toBuilder("#" + r.agency(), "id, \"" + r.recordId() + "\"").build()
                        : r)
            .toList();
    org.familyview.matching.Linkage linkage =
        new org.familyview.matching.Linker(org.familyview.matching.MatchingConfig.standard())
            .link(
                records,
                null,
                org.familyview.matching.Constraints.NONE,
                org.familyview.matching.Progress.SILENT);
    Path file = dir.resolve("pairs.csv");

    LinkCommand.writePairs(file, linkage);

    java.io.StringWriter printed = new java.io.StringWriter();
    try (org.apache.commons.csv.CSVPrinter csv =
        new org.apache.commons.csv.CSVPrinter(
            printed,
            org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setHeader(
                    "agency_l",
                    "record_id_l",
                    "agency_r",
                    "record_id_r",
                    "match_weight",
                    "match_probability",
                    "decision")
                .get())) {
      for (int i = 0; i < linkage.keptPairCount(); i++) {
        org.familyview.matching.Linkage.KeptPair p = linkage.keptPair(i);
        csv.printRecord(
            p.left().agency(),
            p.left().recordId(),
            p.right().agency(),
            p.right().recordId(),
            LinkCommand.fixed(p.matchWeight(), 1000),
            LinkCommand.fixed(p.matchProbability(), 1_000_000),
            p.decision().name());
      }
    }
    assertThat(linkage.keptPairCount()).isGreaterThan(100);
    assertThat(Files.readString(file)).contains("\"#").isEqualTo(printed.toString());
  }
}
