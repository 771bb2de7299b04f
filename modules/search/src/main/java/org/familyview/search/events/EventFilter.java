package org.familyview.search.events;

import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which events count: from these agencies (all if empty), of these types (all if empty), in the
 * period from {@code from} to {@code to} inclusive (open where null).
 */
public record EventFilter(
    Set<String> agencies, Set<String> types, @Nullable LocalDate from, @Nullable LocalDate to) {

  public EventFilter {
    agencies = Set.copyOf(agencies);
    types = Set.copyOf(types);
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("the period starts after it ends: " + from + " > " + to);
    }
  }
}
