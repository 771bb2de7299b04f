package org.familyview.linkage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.familyview.matching.RecordKey;
import org.jspecify.annotations.Nullable;

/**
 * One task in the steward's queue, as the nightly run raised it (V12 {@code review_task}).
 *
 * @param kind POSSIBLE_MATCH, CANNOT_LINK_CONFLICT, OVERSIZED_CLUSTER, HOUSEHOLD_CONFLICT, DISPUTE
 * @param status OPEN, AWAITING_APPROVAL, DECIDED or WITHDRAWN
 */
public record ReviewTask(
    UUID id,
    String kind,
    String status,
    int priority,
    boolean involvesChild,
    boolean involvesPolice,
    @Nullable Double matchWeight,
    @Nullable Double matchProbability,
    List<RecordKey> records,
    List<String> personIds,
    @Nullable String familyId,
    List<String> agencies,
    @Nullable String modelVersion,
    String raisedBy,
    Instant raisedAt) {

  public ReviewTask {
    records = List.copyOf(records);
    personIds = List.copyOf(personIds);
    agencies = List.copyOf(agencies);
  }

  public boolean isOpen() {
    return "OPEN".equals(status);
  }

  /** A MATCH or NO_MATCH needs two records to rule on. */
  public boolean isPair() {
    return records.size() == 2;
  }
}
