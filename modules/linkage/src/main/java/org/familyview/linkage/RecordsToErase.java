package org.familyview.linkage;

import java.util.List;

/**
 * Source records that retention erases, and the people they leave with no record: what the link
 * tables must forget. Agencies as the extract tables store them (upper case, {@code POLICE}); the
 * link tables keep theirs in any case and are matched ignoring it.
 */
public record RecordsToErase(
    List<String> agencies, List<String> recordIds, List<String> emptiedPersonIds) {

  public RecordsToErase {
    if (agencies.size() != recordIds.size()) {
      throw new IllegalArgumentException("one agency per record id");
    }
    agencies = List.copyOf(agencies);
    recordIds = List.copyOf(recordIds);
    emptiedPersonIds = List.copyOf(emptiedPersonIds);
  }

  String[] agencyArray() {
    return agencies.toArray(String[]::new);
  }

  String[] recordIdArray() {
    return recordIds.toArray(String[]::new);
  }

  String[] emptiedArray() {
    return emptiedPersonIds.toArray(String[]::new);
  }

  /** The records as a table {@code d(agency, record_id)}; its two parameters are the arrays. */
  static final String DUE = "unnest(?::text[], ?::text[]) as d(agency, record_id)";
}
