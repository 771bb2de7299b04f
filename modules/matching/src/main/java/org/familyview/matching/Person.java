package org.familyview.matching;

import java.util.List;

/**
 * One person found by the matcher: the records that are theirs and why they hold together (each
 * link that joined two groups of records, with its match weight or the rule that made it).
 */
public record Person(String id, List<RecordKey> records, List<Reason> reasons) {

  public Person {
    records = List.copyOf(records);
    reasons = List.copyOf(reasons);
  }

  /** One joining link. */
  public record Reason(RecordKey left, RecordKey right, double matchWeight, String why) {}
}
