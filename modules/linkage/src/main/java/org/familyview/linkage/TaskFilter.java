package org.familyview.linkage;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the steward narrowed the queue to; null means any. {@code kind} is the task's reason
 * (possible match, conflict, dispute...).
 */
public record TaskFilter(@Nullable String agency, @Nullable String kind, String status) {

  public static final Set<String> KINDS =
      Set.of(
          "POSSIBLE_MATCH",
          "CANNOT_LINK_CONFLICT",
          "OVERSIZED_CLUSTER",
          "HOUSEHOLD_CONFLICT",
          "DISPUTE");

  public static final Set<String> STATUSES =
      Set.of("OPEN", "AWAITING_APPROVAL", "DECIDED", "WITHDRAWN");

  public static TaskFilter open() {
    return new TaskFilter(null, null, "OPEN");
  }
}
