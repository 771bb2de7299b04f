package org.familyview.linktool;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.familyview.matching.Linker;
import org.familyview.matching.Matcher;
import org.familyview.matching.RecordKey;
import org.familyview.matching.block.CandidatePairs;
import org.familyview.matching.estimate.ModelParameters;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * {@code familyview link train --persons AGENCY=FILE ... --out DIR [--truth FILE]}: re-training as
 * an explicit step. Trains a model on the extracts without labels, writes it (versioned) for {@code
 * link --model} and the nightly run, and prints the report a data steward reviews before the model
 * is used: m and u per level, the EM runs, the blocking's pair counts and, with labelled truth, its
 * recall.
 */
final class TrainCommand {

  static final String HELP =
      """
      Usage: familyview link train --persons AGENCY=FILE [--persons AGENCY=FILE ...] --out DIR [options]

      Trains the matcher's model on person extracts, without labels, and writes:
        DIR/model.txt      the model parameters, versioned (a hash of the numbers) and time-stamped;
                           use it with: familyview link --model DIR/model.txt ...
        DIR/training.txt   the report printed here: blocking pairs (and recall with --truth),
                           the EM runs, and m, u and weight per comparison level

      Training estimates u from random pairs, m by expectation-maximisation on pairs sharing a
      training key, then scores the candidate pairs once to fit the prior to this population, as
      'familyview link' does when it is given no model.

      Options:
        --persons AGENCY=FILE  a person extract in the FamilyView contract (CSV with header); repeatable
        --out DIR              output directory (created if missing)
        --truth FILE           agency,record_id,cluster: report the blocking's recall, overall and per rule
        --quiet                no progress messages
        --help                 this text
      """;

  private TrainCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    LinkCommand.Options options;
    try {
      options = LinkCommand.Options.parse(args);
      if (options.model != null || options.autoLink != null || options.review != null) {
        throw new IllegalArgumentException(
            "--model, --auto-link and --review are options of link, not of train");
      }
    } catch (IllegalArgumentException e) {
      err.println("familyview link train: " + e.getMessage());
      err.println("Try: familyview link train --help");
      return 2;
    }
    if (options.help) {
      out.print(HELP);
      return 0;
    }
    try {
      return train(
          options, out, options.quiet ? new PrintStream(PrintStream.nullOutputStream()) : err);
    } catch (ExtractRejected | IOException | UncheckedIOException e) {
      err.println("familyview link train: " + e.getMessage());
      return 1;
    }
  }

  private static int train(LinkCommand.Options options, PrintStream out, PrintStream progress)
      throws IOException {
    long start = System.nanoTime();
    Path dir = java.util.Objects.requireNonNull(options.out);
    Matcher linker = Matcher.of(LinkCommand.config(options));
    List<StandardisedRecord> records =
        LinkCommand.readExtracts(options, progress, linker::standardise);
    Map<RecordKey, String> truth = options.truth == null ? null : TruthFile.read(options.truth);
    Map<String, Long> timings = new LinkedHashMap<>();
    timings.put("read and standardise", (System.nanoTime() - start) / 1_000_000);
    Linker.TrainingRun run = linker.train(records, message -> progress.println(message));
    timings.putAll(run.timingsMillis());
    ModelParameters model = run.report().parameters();
    Files.createDirectories(dir);
    Path modelFile = dir.resolve("model.txt");
    try (BufferedWriter w = Files.newBufferedWriter(modelFile)) {
      model.write(w);
    }
    String report = report(linker, records, run, truth, modelFile, timings, start);
    Files.writeString(dir.resolve("training.txt"), report, StandardCharsets.UTF_8);
    out.print(report);
    return 0;
  }

  static String report(
      Matcher linker,
      List<StandardisedRecord> records,
      Linker.TrainingRun run,
      @Nullable Map<RecordKey, String> truth,
      Path modelFile,
      Map<String, Long> timings,
      long start) {
    ModelParameters model = run.report().parameters();
    CandidatePairs candidates = run.candidates();
    int @Nullable [] truthCluster =
        truth == null
            ? null
            : LinkCommand.truthClusters(records.size(), i -> records.get(i).key(), truth);
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "FamilyView train — %s%n", Instant.now()));
    s.append(
        String.format(
            Locale.ROOT,
            "records %,d  candidate pairs %,d  model %s (trained %s)%n",
            records.size(),
            candidates.size(),
            model.version(),
            model.trainedAt()));
    s.append(
        String.format(
            Locale.ROOT,
            "prior %.3g (%.2f bits), from the pairs sharing a birth date (docs/matching.md)%n",
            model.prior(),
            model.priorWeight()));
    s.append("model written to ").append(modelFile).append('\n');
    s.append(blocking(run, truthCluster));
    s.append("\n\n").append(LinkCommand.trainingRuns(run.report()));
    if (truthCluster != null) {
      s.append('\n').append(linker.calibration(run, records, truthCluster).table());
    }
    s.append(LinkCommand.modelTable(linker.comparisons(), model));
    s.append("\nTimings:");
    String separator = " ";
    for (Map.Entry<String, Long> step : timings.entrySet()) {
      s.append(
          String.format(Locale.ROOT, "%s%s %,d ms", separator, step.getKey(), step.getValue()));
      separator = ", ";
    }
    s.append(
        String.format(Locale.ROOT, "; total %,d ms%n", (System.nanoTime() - start) / 1_000_000));
    return s.toString();
  }

  /** Each blocking rule's pairs, and with truth the recall of each rule and of all together. */
  private static String blocking(Linker.TrainingRun run, int @Nullable [] truthCluster) {
    CandidatePairs candidates = run.candidates();
    StringBuilder s = new StringBuilder();
    s.append("\nBlocking rules (pairs proposed before de-duplication")
        .append(truthCluster != null ? "; recall: true pairs the rule alone proposes" : "")
        .append("):\n");
    for (CandidatePairs.RuleCount rule : candidates.rules()) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %-36s %,12d pairs  %,d oversized blocks (%,d records)",
              rule.rule(),
              rule.pairs(),
              rule.oversizedBlocks(),
              rule.recordsInOversized()));
      if (truthCluster != null) {
        s.append(
            String.format(
                Locale.ROOT,
                "  recall %.4f",
                Matcher.blockingRecall(run, rule.rule(), truthCluster)));
      }
      s.append('\n');
    }
    s.append(
        String.format(
            Locale.ROOT, "  all rules, de-duplicated: %,d candidate pairs", candidates.size()));
    if (truthCluster != null) {
      s.append(
          String.format(
              Locale.ROOT, "; blocking recall %.4f", Matcher.blockingRecall(run, truthCluster)));
    }
    return s.toString();
  }
}
