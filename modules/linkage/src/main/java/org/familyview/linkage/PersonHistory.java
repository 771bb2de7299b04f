package org.familyview.linkage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Everything that happened to a person id: each record linked to or unlinked from it, and each
 * merge and split it took part in, oldest first. A retired id names the live ids its records went
 * to, following the lineage.
 */
public record PersonHistory(
    String personId,
    Instant createdAt,
    @Nullable Instant retiredAt,
    List<String> becameIds,
    List<Entry> events) {

  /**
   * One change. {@code type} is LINKED or UNLINKED (with the record, its link type and the
   * probability), or MERGE, SPLIT or UNMERGE (with the two person ids).
   */
  public record Entry(
      String type,
      Instant at,
      @Nullable String agency,
      @Nullable String recordId,
      @Nullable String linkType,
      @Nullable Double probability,
      @Nullable String modelVersion,
      @Nullable UUID runId,
      @Nullable String by,
      @Nullable String reason,
      @Nullable String fromPerson,
      @Nullable String toPerson) {}
}
