package org.familyview.linktool;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.familyview.matching.Constraints;
import org.familyview.matching.Linkage;
import org.familyview.matching.Matcher;
import org.familyview.matching.Matcher.Evaluation;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.RecordKey;
import org.familyview.matching.SourceRecord;
import org.familyview.matching.block.CandidatePairs;
import org.familyview.matching.cluster.Clustering;
import org.familyview.matching.compare.Comparison;
import org.familyview.matching.compare.ComparisonSet;
import org.familyview.matching.estimate.DefaultModel;
import org.familyview.matching.estimate.ModelParameters;
import org.familyview.matching.estimate.TrainingReport;
import org.familyview.matching.score.LinkDecision;
import org.familyview.matching.score.PairScorer;
import org.familyview.matching.standardise.StandardisedRecord;
import org.jspecify.annotations.Nullable;

/**
 * {@code familyview link --persons AGENCY=FILE ... --out DIR [--truth FILE]}: links person extracts
 * offline with the same engine and configuration as the nightly run. Also dispatches {@code bench}.
 */
public final class LinkCommand {

  static final String HELP =
      """
      Usage: familyview link --persons AGENCY=FILE [--persons AGENCY=FILE ...] --out DIR [options]

      Links person records within and across agency extracts and writes:
        DIR/clusters.csv   agency,record_id,person_id          one row per input record
        DIR/pairs.csv      agency_l,record_id_l,agency_r,record_id_r,match_weight,match_probability,decision
                           every pair linked (LINK), sent for review (REVIEW) or settled by a rule
        DIR/summary.txt    counts, blocking, model (m and u per level), timings, and scores with --truth
        DIR/model.txt      the trained model parameters (versioned); reuse with --model
        DIR/explanations.txt  the match-weight waterfall of the first review pairs
        DIR/errors.txt     with --truth: waterfalls of missed and wrong links, for error analysis

      Options:
        --persons AGENCY=FILE  a person extract in the FamilyView contract (CSV with header); repeatable
        --out DIR              output directory (created if missing)
        --truth FILE           agency,record_id,cluster: print pairwise and B-cubed precision/recall/F1
        --model FILE           score with a stored model instead of training on the input
        --auto-link W          match weight at or above which pairs link (default %.1f)
        --review W             match weight at or above which pairs go to review (default %.1f)
        --quiet                no progress messages
        --help                 this text

      Re-training as an explicit step: familyview link train --help
      Also: familyview-linktool.jar bench --help
      """;

  private LinkCommand() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("bench")) {
      System.exit(BenchCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
    String[] rest =
        args.length > 0 && args[0].equals("link")
            ? java.util.Arrays.copyOfRange(args, 1, args.length)
            : args;
    if (rest.length > 0 && rest[0].equals("train")) {
      System.exit(
          TrainCommand.run(
              java.util.Arrays.copyOfRange(rest, 1, rest.length), System.out, System.err));
    }
    System.exit(run(rest, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("familyview link: " + e.getMessage());
      err.println("Try: familyview link --help");
      return 2;
    }
    if (options.help) {
      MatchingConfig standard = MatchingConfig.standard();
      out.printf(
          Locale.ROOT, HELP, standard.thresholds().autoLink(), standard.thresholds().review());
      return 0;
    }
    try {
      return link(
          options, out, options.quiet ? new PrintStream(PrintStream.nullOutputStream()) : err);
    } catch (ExtractRejected e) {
      err.println("familyview link: " + e.getMessage());
      return 1;
    } catch (IOException | UncheckedIOException e) {
      err.println("familyview link: " + e.getMessage());
      return 1;
    }
  }

  private static int link(Options options, PrintStream out, PrintStream progress)
      throws IOException {
    long start = System.nanoTime();
    ExecutorService background = Executors.newFixedThreadPool(2, LinkCommand::daemon);
    try {
      // The truth file is as big as the extracts: read it while they are read.
      Future<@Nullable Map<RecordKey, String>> truthRead =
          background.submit(() -> options.truth == null ? null : TruthFile.read(options.truth));
      Matcher linker = Matcher.of(config(options));
      // Each row is standardised as it is read: the raw rows of a million records would otherwise
      // all be alive at once, and be copied from one heap generation to the next for nothing.
      List<StandardisedRecord> standardised = readExtracts(options, progress, linker::standardise);
      // The truth as numbers by record position: the map of a million keys is let go before
      // linking.
      Labels truth = Labels.of(standardised, await(truthRead));
      // The finished future would otherwise hold the map (this frame lives through the whole run).
      truthRead = null;
      ModelParameters model = readModel(options.model);
      long readMillis = (System.nanoTime() - start) / 1_000_000;
      progress.println(
          String.format(
              Locale.ROOT,
              "%-12s %7d ms  %s",
              "read",
              readMillis,
              standardised.size() + " records read and standardised"));
      Linkage linkage =
          linker.linkStandardised(
              standardised, model, Constraints.NONE, message -> progress.println(message));
      long writeStart = System.nanoTime();
      Files.createDirectories(options.out);
      // The files are independent of each other and of the scores against truth: two at a time.
      Future<?> clusters =
          background.submit(
              () -> io(() -> writeClusters(options.out.resolve("clusters.csv"), linkage)));
      Future<@Nullable Evaluation> evaluation = evaluation(background, linkage, truth);
      writePairs(options.out.resolve("pairs.csv"), linkage);
      try (BufferedWriter w = Files.newBufferedWriter(options.out.resolve("model.txt"))) {
        linkage.scorer().parameters().write(w);
      }
      writeExplanations(options.out.resolve("explanations.txt"), linkage);
      if (truth != null) {
        ErrorReport.write(options.out.resolve("errors.txt"), linkage, truth);
      }
      await(clusters);
      Evaluation scores = await(evaluation);
      long now = System.nanoTime();
      Map<String, Long> timings = new LinkedHashMap<>();
      timings.put("read and standardise", readMillis);
      timings.putAll(linkage.timingsMillis());
      timings.put("write", (now - writeStart) / 1_000_000);
      String summary = summary(linkage, scores, truth, timings, (now - start) / 1_000_000);
      Files.writeString(options.out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
      out.print(summary);
      return 0;
    } finally {
      background.shutdownNow();
    }
  }

  private static @Nullable ModelParameters readModel(@Nullable Path file) throws IOException {
    if (file == null) {
      return null;
    }
    try (Reader in = Files.newBufferedReader(file)) {
      return ModelParameters.read(in);
    }
  }

  static List<SourceRecord> readExtracts(Options options, PrintStream progress) {
    return readExtracts(options, progress, record -> record);
  }

  /** Reads every extract, one file per thread, converting each record as it is read. */
  static <T> List<T> readExtracts(
      Options options, PrintStream progress, java.util.function.Function<SourceRecord, T> convert) {
    List<Map.Entry<String, List<T>>> extracts =
        options.persons.entrySet().parallelStream()
            .map(e -> Map.entry(e.getKey(), PersonExtracts.read(e.getKey(), e.getValue(), convert)))
            .toList();
    List<T> records = new ArrayList<>();
    for (Map.Entry<String, List<T>> read : extracts) {
      progress.printf("read %,d records from %s%n", read.getValue().size(), read.getKey());
      records.addAll(read.getValue());
    }
    return records;
  }

  static MatchingConfig config(Options options) {
    MatchingConfig config = MatchingConfig.standard();
    if (options.autoLink != null || options.review != null) {
      config =
          config.withThresholds(
              new org.familyview.matching.score.Thresholds(
                  options.autoLink != null ? options.autoLink : config.thresholds().autoLink(),
                  options.review != null ? options.review : config.thresholds().review()));
    }
    return config;
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "link-output");
    thread.setDaemon(true);
    return thread;
  }

  private interface IoTask {
    void run() throws IOException;
  }

  private static @Nullable Void io(IoTask task) {
    try {
      task.run();
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The result of a background task, its exception rethrown as the caller's own. */
  static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The truth's cluster of every record position, numbered from 0; -1 where it has none. */
  static int[] truthClusters(
      int records, java.util.function.IntFunction<RecordKey> key, Map<RecordKey, String> truth) {
    int[] truthCluster = new int[records];
    Map<String, Integer> numbers = new java.util.HashMap<>();
    for (int i = 0; i < records; i++) {
      String cluster = truth.get(key.apply(i));
      truthCluster[i] =
          cluster == null ? -1 : numbers.computeIfAbsent(cluster, c -> numbers.size());
    }
    return truthCluster;
  }

  /**
   * The truth's cluster of every record position as {@link #truthClusters} numbers them, and each
   * number's name in the truth file.
   */
  record Labels(int[] cluster, String[] names) {

    static @Nullable Labels of(
        List<StandardisedRecord> records, @Nullable Map<RecordKey, String> truth) {
      if (truth == null) {
        return null;
      }
      int[] cluster = truthClusters(records.size(), i -> records.get(i).key(), truth);
      int clusters = 0;
      for (int c : cluster) {
        clusters = Math.max(clusters, c + 1);
      }
      String[] names = new String[clusters];
      for (int i = 0; i < cluster.length; i++) {
        if (cluster[i] >= 0) {
          names[cluster[i]] = truth.get(records.get(i).key());
        }
      }
      return new Labels(cluster, names);
    }

    @Nullable String name(int position) {
      return cluster[position] < 0 ? null : names[cluster[position]];
    }
  }

  /** The run's scores against truth, worked out beside the writing of the files; null without. */
  private static Future<@Nullable Evaluation> evaluation(
      ExecutorService background, Linkage linkage, @Nullable Labels truth) {
    return background.submit(
        () -> truth == null ? null : Matcher.evaluate(linkage, truth.cluster()));
  }

  private static void writeClusters(Path file, Linkage linkage) throws IOException {
    try (OutputStream w = Files.newOutputStream(file)) {
      CsvRows.write(
          w,
          new String[] {"agency", "record_id", "person_id"},
          linkage.recordCount(),
          (i, row) -> {
            RecordKey key = linkage.key(i);
            row.value(key.agency()).value(key.recordId()).value(linkage.personId(i));
          });
    }
  }

  static void writePairs(Path file, Linkage linkage) throws IOException {
    RecordCells left = RecordCells.of(linkage, true);
    RecordCells right = RecordCells.of(linkage, false);
    try (OutputStream w = Files.newOutputStream(file)) {
      CsvRows.write(
          w,
          new String[] {
            "agency_l",
            "record_id_l",
            "agency_r",
            "record_id_r",
            "match_weight",
            "match_probability",
            "decision"
          },
          linkage.keptPairCount(),
          (i, row) -> {
            long pair = linkage.keptPairPosition(i);
            double weight = linkage.keptPairWeight(i);
            row.cells(
                    left.text,
                    left.from(CandidatePairs.left(pair)),
                    left.to(CandidatePairs.left(pair)))
                .cells(
                    right.text,
                    right.from(CandidatePairs.right(pair)),
                    right.to(CandidatePairs.right(pair)))
                .fixed(weight, 1000)
                .fixed(PairScorer.probability(weight), 1_000_000)
                .value(linkage.keptPairDecision(i).name());
          });
    }
  }

  /**
   * Every record's agency and record id as CSV cells, in one string in position order. Writing a
   * pair then copies two slices of it instead of following four references per record into the
   * heap, which (record ids being scattered) was most of the time of writing 25 M pairs. Cells are
   * rendered as they stand in the row: a row's first value may be quoted where a later one is not.
   */
  private record RecordCells(String text, int[] offsets) {

    static RecordCells of(Linkage linkage, boolean firstInRow) {
      StringBuilder text = new StringBuilder(linkage.recordCount() * 24);
      int[] offsets = new int[linkage.recordCount() + 1];
      for (int i = 0; i < linkage.recordCount(); i++) {
        CsvRows.Row row = new CsvRows.Row(text);
        if (!firstInRow) {
          row.value("x"); // rendered as a later value; the placeholder is cut off below
          text.setLength(text.length() - 1);
        }
        offsets[i] = text.length();
        RecordKey key = linkage.key(i);
        row.value(key.agency()).value(key.recordId());
        offsets[i + 1] = text.length();
      }
      return new RecordCells(text.toString(), offsets);
    }

    int from(int position) {
      return offsets[position];
    }

    int to(int position) {
      return offsets[position + 1];
    }
  }

  /** A fixed-point number without String.format, which dominates writing millions of pairs. */
  static String fixed(double value, long scale) {
    long scaled = Math.round(value * scale);
    String sign = scaled < 0 ? "-" : "";
    scaled = Math.abs(scaled);
    String fraction = Long.toString(scale + scaled % scale).substring(1);
    return sign + (scaled / scale) + "." + fraction;
  }

  private static void writeExplanations(Path file, Linkage linkage) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      int written = 0;
      for (int i = 0; i < linkage.keptPairCount() && written < 100; i++) {
        if (linkage.keptPair(i).decision() == LinkDecision.REVIEW) {
          w.write(linkage.explain(i).toText());
          w.newLine();
          written++;
        }
      }
    }
  }

  static String summary(
      Linkage linkage,
      @Nullable Evaluation truth,
      @Nullable Labels labels,
      Map<String, Long> timingsMillis,
      long totalMillis) {
    StringBuilder s = new StringBuilder();
    ModelParameters model = linkage.scorer().parameters();
    s.append(String.format(Locale.ROOT, "FamilyView link — %s%n", Instant.now()));
    s.append(
        String.format(
            Locale.ROOT,
            "records %,d  people %,d  candidate pairs %,d  links %,d  review %,d  model %s%n",
            linkage.recordCount(),
            linkage.personCount(),
            linkage.candidatePairs(),
            linkage.count(LinkDecision.LINK),
            linkage.count(LinkDecision.REVIEW),
            model.version()));
    s.append(ReviewTaskReport.line(linkage, labels == null ? null : labels.cluster()));
    s.append(
        String.format(
            Locale.ROOT,
            "thresholds: auto-link >= %.1f, review >= %.1f (match weight); prior %.3g (%.2f bits)%n",
            linkage.scorer().thresholds().autoLink(),
            linkage.scorer().thresholds().review(),
            model.prior(),
            model.priorWeight()));
    s.append(blocking(linkage, truth));
    s.append(modelTable(linkage.scorer().comparisons(), model));
    TrainingReport training = linkage.training();
    if (training != null) {
      s.append(trainingRuns(training));
    }
    Map<String, Integer> alarms = new LinkedHashMap<>();
    for (Clustering.Alarm alarm : linkage.clustering().alarms()) {
      alarms.merge(alarm.getClass().getSimpleName(), 1, Integer::sum);
    }
    s.append("\nClustering alarms: ").append(alarms.isEmpty() ? "none" : alarms).append('\n');
    s.append(Matcher.coherence(linkage).toText());
    s.append(timings(linkage, timingsMillis, totalMillis));
    if (linkage.training() == null && DefaultModel.isShipped(linkage.scorer().parameters())) {
      s.append("\nModel: the default model shipped with the library (too few records to train on;")
          .append(" prior rescaled to this population)\n");
    }
    if (truth != null) {
      s.append("\nAgainst truth:\n").append(truth.metrics().toText());
      s.append('\n').append(truth.calibration().table());
    }
    return s.toString();
  }

  /** Each blocking rule's pairs, and with truth the blocking recall. */
  private static String blocking(Linkage linkage, @Nullable Evaluation truth) {
    StringBuilder s = new StringBuilder();
    s.append("\nBlocking rules (pairs proposed before de-duplication")
        .append(truth != null ? ", recall on truth" : "")
        .append("):\n");
    for (CandidatePairs.RuleCount rule : linkage.blocking()) {
      s.append(
          String.format(
              Locale.ROOT,
              "  %-30s %,12d pairs  %,d oversized blocks (%,d records)%n",
              rule.rule(),
              rule.pairs(),
              rule.oversizedBlocks(),
              rule.recordsInOversized()));
    }
    if (truth != null) {
      s.append(
          String.format(
              Locale.ROOT,
              "  blocking recall (true pairs among the %,d candidates): %.4f%n",
              linkage.candidatePairs(),
              truth.blockingRecall()));
      s.append(
          String.format(
              Locale.ROOT, "  true pairs reaching review or link: %.4f%n", truth.keptRecall()));
    }
    return s.toString();
  }

  /** The time of each step, the total and the scoring rate. */
  private static String timings(
      Linkage linkage, Map<String, Long> timingsMillis, long totalMillis) {
    StringBuilder s = new StringBuilder();
    s.append("\nTimings:");
    String separator = " ";
    for (Map.Entry<String, Long> step : timingsMillis.entrySet()) {
      s.append(
          String.format(Locale.ROOT, "%s%s %,d ms", separator, step.getKey(), step.getValue()));
      separator = ", ";
    }
    s.append(String.format(Locale.ROOT, "; total %,d ms%n", totalMillis));
    Long scoreMillis = timingsMillis.get("score");
    if (scoreMillis != null && scoreMillis > 0) {
      s.append(
          String.format(
              Locale.ROOT,
              "Scoring: %,.0f candidate pairs per second%n",
              linkage.candidatePairs() * 1000.0 / scoreMillis));
    }
    return s.toString();
  }

  /** m, u and the weight of every level of every comparison: what a data steward reviews. */
  static String modelTable(ComparisonSet comparisons, ModelParameters model) {
    StringBuilder s = new StringBuilder();
    s.append("\nModel parameters (m = P(level | same person), u = P(level | different)):\n");
    for (int k = 0; k < comparisons.size(); k++) {
      Comparison c = comparisons.get(k);
      for (int level = 1; level < c.levelCount(); level++) {
        s.append(
            String.format(
                Locale.ROOT,
                "  %-13s %-58s m %.4f  u %.6f  weight %+6.2f%n",
                c.name(),
                c.levels().get(level),
                model.m()[k][level],
                model.u()[k][level],
                model.weight(k, level)));
      }
    }
    return s.toString();
  }

  /** How u and m were estimated: random pairs, and each EM run's block, pairs and match share. */
  static String trainingRuns(TrainingReport training) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT, "Training: u from %,d random pairs; EM runs:%n", training.randomPairs()));
    for (TrainingReport.RuleRun run : training.runs()) {
      s.append(
          String.format(
              Locale.ROOT,
              "  block on %-20s %,10d pairs  match share %.4f  %d iterations%n",
              run.rule(),
              run.pairs(),
              run.matchShare(),
              run.iterations()));
    }
    return s.toString();
  }

  static final class Options {
    final Map<String, Path> persons = new LinkedHashMap<>();
    @Nullable Path out;
    @Nullable Path truth;
    @Nullable Path model;
    @Nullable Double autoLink;
    @Nullable Double review;
    boolean help;
    boolean quiet;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--help", "-h" -> o.help = true;
          case "--quiet" -> o.quiet = true;
          case "--persons" -> {
            String value = next(args, ++i, arg);
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
              throw new IllegalArgumentException(
                  "--persons expects AGENCY=FILE, got '" + value + "'");
            }
            String agency = value.substring(0, eq);
            if (o.persons.put(agency, Path.of(value.substring(eq + 1))) != null) {
              throw new IllegalArgumentException("agency " + agency + " given twice");
            }
          }
          case "--out" -> o.out = Path.of(next(args, ++i, arg));
          case "--truth" -> o.truth = Path.of(next(args, ++i, arg));
          case "--model" -> o.model = Path.of(next(args, ++i, arg));
          case "--auto-link" -> o.autoLink = number(next(args, ++i, arg), arg);
          case "--review" -> o.review = number(next(args, ++i, arg), arg);
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      if (!o.help) {
        if (o.persons.isEmpty()) {
          throw new IllegalArgumentException("at least one --persons AGENCY=FILE is required");
        }
        if (o.out == null) {
          throw new IllegalArgumentException("--out DIR is required");
        }
      }
      return o;
    }

    private static String next(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static double number(String value, String option) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " expects a number, got '" + value + "'");
      }
    }
  }
}
