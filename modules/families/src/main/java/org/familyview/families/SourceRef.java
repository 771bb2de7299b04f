package org.familyview.families;

import java.util.Comparator;

/** One agency's record, as the review queue names it. */
public record SourceRef(String agency, String recordId) implements Comparable<SourceRef> {

  private static final Comparator<SourceRef> ORDER =
      Comparator.comparing(SourceRef::agency).thenComparing(SourceRef::recordId);

  @Override
  public int compareTo(SourceRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return agency + " " + recordId;
  }
}
