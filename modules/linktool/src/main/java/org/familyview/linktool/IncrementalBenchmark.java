package org.familyview.linktool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.familyview.matching.Constraints;
import org.familyview.matching.Linkage;
import org.familyview.matching.Matcher;
import org.familyview.matching.MatchingConfig;
import org.familyview.matching.RecordKey;
import org.familyview.matching.SourceRecord;
import org.familyview.matching.incremental.IncrementalMatcher;
import org.familyview.matching.incremental.IncrementalRun;

/**
 * Times the incremental matcher on synthetic data: a full link, then a nightly run in which a
 * fraction of records changed (moved house, new phone, a corrected name), then single-record
 * queries against everyone.
 */
final class IncrementalBenchmark {

  private IncrementalBenchmark() {}

  static int run(int records, long seed, double corruption, double changed, int queries) {
    SyntheticPopulation population = SyntheticPopulation.generate(seed, corruption, records);
    Matcher linker = Matcher.of(MatchingConfig.standard());
    long start = System.nanoTime();
    Linkage linkage =
        linker.link(population.records(), null, Constraints.NONE, m -> System.err.println(m));
    System.out.printf(
        Locale.ROOT, "full link of %,d records: %,d ms%n", records, millisSince(start));
    IncrementalMatcher matcher = linker.incremental(linkage, Constraints.NONE);

    SplittableRandom random = new SplittableRandom(seed + 1);
    int count = (int) (records * changed);
    List<SourceRecord> upserts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      upserts.add(change(population.records().get(random.nextInt(records)), random));
    }
    start = System.nanoTime();
    IncrementalRun run = matcher.apply(upserts, List.of());
    long applyMillis = millisSince(start);
    System.out.printf(
        Locale.ROOT,
        "incremental run: %,d changed records, %,d pairs scored, %,d records re-clustered,"
            + " %,d lineage events: %,d ms%n",
        run.recordsChanged(),
        run.pairsScored(),
        run.recordsReclustered(),
        run.lineage().size(),
        applyMillis);
    System.out.print(
        "accuracy after the incremental run:\n"
            + Matcher.metrics(matcher.personIds(), population.truth()).toText());

    long[] nanos = new long[queries];
    for (int q = 0; q < queries; q++) {
      SourceRecord probe = population.records().get(random.nextInt(records));
      SourceRecord asNew = copyWithId(probe, "query-" + q);
      long t = System.nanoTime();
      matcher.matchOne(asNew, 5);
      nanos[q] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "match one record against everyone (%d queries): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
        queries,
        nanos[queries / 2] / 1e6,
        nanos[(int) (queries * 0.95)] / 1e6,
        nanos[queries - 1] / 1e6);
    return 0;
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** A nightly change: a move, a new phone, or a corrected spelling. */
  private static SourceRecord change(SourceRecord r, SplittableRandom random) {
    return switch (random.nextInt(3)) {
      case 0 ->
          r.toBuilder()
              .address((random.nextInt(200) + 1) + " new street hull")
              .postcode("HU" + (1 + random.nextInt(20)) + " 1AB")
              .build();
      case 1 -> r.toBuilder().phone("07" + (100000000 + random.nextInt(899999999))).build();
      default ->
          r.toBuilder()
              .name(
                  r.givenName() == null ? null : r.givenName().toLowerCase(Locale.ROOT),
                  r.familyName())
              .build();
    };
  }

  /** The same person asked about as a new record, with no household. */
  private static SourceRecord copyWithId(SourceRecord r, String id) {
    return r.toBuilder("query", id).household(null).build();
  }

  static RecordKey key(SourceRecord r) {
    return r.key();
  }
}
