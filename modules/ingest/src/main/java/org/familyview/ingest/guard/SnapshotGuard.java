package org.familyview.ingest.guard;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a staged snapshot may be applied without a person confirming it. Plain logic over
 * figures the load has counted; the load asks before it changes anything, so a held extract has
 * applied nothing at all.
 *
 * <p>Held: persons.csv with no rows; an extract that would retire more than {@code maxRetireShare}
 * of the agency's current persons (or, with an events.csv, of its current events); a persons.csv
 * with fewer rows than {@code minRowShare} of the previous applied delivery's.
 */
public final class SnapshotGuard {

  private final GuardProperties thresholds;

  public SnapshotGuard(GuardProperties thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * What one file of the extract would do to the agency's records.
   *
   * @param file {@code persons.csv} or {@code events.csv}
   * @param rows the file's data rows (accepted and rejected)
   * @param current the agency's current records of this kind before the extract
   * @param wouldRetire how many of them the extract does not carry
   */
  public record Figures(String file, long rows, long current, long wouldRetire) {}

  /** The answer: apply, or hold with the reason and the figures shown to the partner. */
  public sealed interface Verdict {
    record Apply() implements Verdict {}

    record Hold(String reason, long wouldRetire, long current) implements Verdict {}
  }

  /**
   * @param events null when the delivery has no events.csv (its events are then left alone)
   * @param previousRows the rows of persons.csv in the agency's previous applied delivery, null for
   *     a first delivery
   */
  public Verdict judge(Figures persons, @Nullable Figures events, @Nullable Long previousRows) {
    if (persons.rows() == 0) {
      return new Verdict.Hold(
          persons.file() + " has no rows: applied, it would retire all of the agency's records",
          persons.wouldRetire(),
          persons.current());
    }
    Verdict retiring = retiring(persons);
    if (retiring instanceof Verdict.Hold) {
      return retiring;
    }
    if (previousRows != null && persons.rows() < thresholds.minRowShare() * previousRows) {
      return new Verdict.Hold(
          String.format(
              Locale.ROOT,
              "%s has %d rows, fewer than %s of the previous delivery's %d",
              persons.file(),
              persons.rows(),
              percent(thresholds.minRowShare()),
              previousRows),
          persons.wouldRetire(),
          persons.current());
    }
    return events == null ? new Verdict.Apply() : retiring(events);
  }

  private Verdict retiring(Figures figures) {
    if (figures.current() == 0
        || figures.wouldRetire() <= thresholds.maxRetireShare() * figures.current()) {
      return new Verdict.Apply();
    }
    return new Verdict.Hold(
        String.format(
            Locale.ROOT,
            "%s would retire %d of the agency's %d current records (%s), more than the %s allowed",
            figures.file(),
            figures.wouldRetire(),
            figures.current(),
            percent((double) figures.wouldRetire() / figures.current()),
            percent(thresholds.maxRetireShare())),
        figures.wouldRetire(),
        figures.current());
  }

  private static String percent(double share) {
    double value = share * 100;
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f%%", value)
        : String.format(Locale.ROOT, "%.1f%%", value);
  }
}
