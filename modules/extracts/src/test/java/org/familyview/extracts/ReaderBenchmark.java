package org.familyview.extracts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads every agency's extract in a folder written by the generator and reports rows per second:
 * {@code java -cp ... org.familyview.extracts.ReaderBenchmark DIR}. Not a test; figures go to
 * docs/benchmarks.md.
 */
final class ReaderBenchmark {

  private ReaderBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    ExtractReader reader = new ExtractReader(Vocabulary.standard(), LocalDate.of(2026, 11, 21));
    long started = System.nanoTime();
    long rows = 0;
    long rejected = 0;
    long warnings = 0;
    for (PartnerId agency : PartnerId.V1) {
      Set<String> known = new HashSet<>();
      var persons = reader.openPersons(agency, dir.resolve(agency.code()).resolve("persons.csv"));
      try (Rows<PersonRecord> it = ((FileOpening.Opened<PersonRecord>) persons).rows()) {
        while (it.hasNext()) {
          RowOutcome<PersonRecord> outcome = it.next();
          rows++;
          warnings += outcome.warnings().size();
          if (outcome instanceof RowOutcome.Accepted<PersonRecord> a) {
            known.add(a.record().recordId());
          } else {
            rejected++;
          }
        }
      }
      var events =
          reader.openEvents(
              agency, dir.resolve(agency.code()).resolve("events.csv"), known::contains);
      try (Rows<EventRecord> it = ((FileOpening.Opened<EventRecord>) events).rows()) {
        while (it.hasNext()) {
          RowOutcome<EventRecord> outcome = it.next();
          rows++;
          warnings += outcome.warnings().size();
          if (outcome instanceof RowOutcome.Rejected<EventRecord>) {
            rejected++;
          }
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "%,d rows (%,d rejected, %,d warnings) in %.1f s: %,.0f rows/s%n",
        rows, rejected, warnings, seconds, rows / seconds);
  }
}
