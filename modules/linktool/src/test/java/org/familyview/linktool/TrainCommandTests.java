package org.familyview.linktool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.familyview.matching.estimate.ModelParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTests {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Path generated;

  @BeforeEach
  void generate() throws Exception {
    generated = dir.resolve("generated");
    SyntheticPopulation.generate(5, 1.0, 1500).write(generated);
  }

  private int train(String... args) {
    return TrainCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private int link(String... args) {
    return LinkCommand.run(
        args,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> persons(String... more) {
    List<String> args = new ArrayList<>(List.of("--quiet"));
    for (String agency : SyntheticPopulation.AGENCIES) {
      args.add("--persons");
      args.add(agency + "=" + generated.resolve(agency).resolve("persons.csv"));
    }
    args.addAll(List.of(more));
    return args;
  }

  @Test
  void printsHelp() {
    assertThat(train("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("familyview link train", "model.txt", "training.txt", "--truth");
  }

  @Test
  void refusesTheOptionsOfLink() {
    int status =
        train(
            persons("--out", dir.resolve("m").toString(), "--model", "x.txt")
                .toArray(String[]::new));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("options of link, not of train");
  }

  @Test
  void explainsAMissingExtract() {
    int status =
        train("--persons", "police=" + dir.resolve("missing.csv"), "--out", dir.toString());
    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.csv", "cannot read");
  }

  @Test
  void writesAVersionedModelAndReportsMAndUPairCountsAndBlockingRecall() throws Exception {
    Path trained = dir.resolve("trained");
    int status =
        train(
            persons(
                    "--out",
                    trained.toString(),
                    "--truth",
                    generated.resolve("truth.csv").toString())
                .toArray(String[]::new));

    assertThat(status).isZero();
    ModelParameters model;
    try (Reader in = Files.newBufferedReader(trained.resolve("model.txt"))) {
      model = ModelParameters.read(in);
    }
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(report)
        .contains("model " + model.version())
        .contains("forename      exact")
        .contains(String.format(java.util.Locale.ROOT, "m %.4f", model.m()[0][1]))
        .contains(String.format(java.util.Locale.ROOT, "u %.6f", model.u()[0][1]))
        .contains("date_of_birth+initial", "blocking recall", "candidate pairs", "EM runs");
    assertThat(Files.readString(trained.resolve("training.txt"))).isEqualTo(report);
    double recall =
        Double.parseDouble(report.replaceAll("(?s).*blocking recall ([0-9.]+).*", "$1"));
    assertThat(recall).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
  }

  @Test
  void aTrainedModelLinksAsTheLinkRunThatTrainsItself() throws Exception {
    Path trained = dir.resolve("trained");
    assertThat(train(persons("--out", trained.toString()).toArray(String[]::new))).isZero();
    Path withModel = dir.resolve("with-model");
    Path selfTrained = dir.resolve("self-trained");

    assertThat(
            link(
                persons(
                        "--out",
                        withModel.toString(),
                        "--model",
                        trained.resolve("model.txt").toString())
                    .toArray(String[]::new)))
        .isZero();
    assertThat(link(persons("--out", selfTrained.toString()).toArray(String[]::new))).isZero();

    assertThat(Files.readAllLines(withModel.resolve("clusters.csv")))
        .isEqualTo(Files.readAllLines(selfTrained.resolve("clusters.csv")));
    assertThat(Files.readAllLines(withModel.resolve("pairs.csv")))
        .isEqualTo(Files.readAllLines(selfTrained.resolve("pairs.csv")));
  }
}
