package org.familyview.linkage;

import org.familyview.matching.RecordKey;

/** Two records in either order, as one key: the lower record key first. */
public record PairKey(RecordKey low, RecordKey high) {

  public static PairKey of(RecordKey a, RecordKey b) {
    return a.compareTo(b) <= 0 ? new PairKey(a, b) : new PairKey(b, a);
  }

  /** Stable text for dedupe keys: {@code POLICE/1|HEALTH/9} with the lower key first. */
  public String text() {
    return low + "|" + high;
  }
}
