package org.familyview.matching.incremental;

import java.util.List;
import java.util.Map;
import org.familyview.matching.RecordKey;

/**
 * What one incremental run did: how much it scored and re-clustered, the new person id of every
 * record it touched, and the lineage of ids.
 */
public record IncrementalRun(
    int recordsChanged,
    long pairsScored,
    int recordsReclustered,
    Map<RecordKey, String> assignments,
    List<LineageEvent> lineage) {

  public IncrementalRun {
    assignments = Map.copyOf(assignments);
    lineage = List.copyOf(lineage);
  }
}
