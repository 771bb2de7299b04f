package org.familyview.rights.retention;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a retention run erased, or for a dry run what it would erase: the due records by id, and how
 * many rows of each kind went with them.
 *
 * @param cutoffs per agency, the instant before which a record's last activity is past retention
 * @param erased rows removed or retired per table ({@code person.retired}, {@code family.retired}
 *     count retirements); empty for a dry run
 * @param personsRetired persons left with no record, retired and removed from search
 * @param personsReindexPending persons who keep other records: removed from search until the next
 *     indexing rebuilds them from what is left
 */
public record ErasureReport(
    UUID runId,
    boolean dryRun,
    Instant asOf,
    Map<String, Instant> cutoffs,
    List<DueRecord> records,
    Map<String, Integer> erased,
    List<String> personsRetired,
    List<String> personsReindexPending,
    List<String> familiesRetired) {

  public ErasureReport {
    cutoffs = Map.copyOf(cutoffs);
    records = List.copyOf(records);
    erased = Map.copyOf(erased);
    personsRetired = List.copyOf(personsRetired);
    personsReindexPending = List.copyOf(personsReindexPending);
    familiesRetired = List.copyOf(familiesRetired);
  }
}
