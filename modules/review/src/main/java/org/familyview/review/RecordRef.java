package org.familyview.review;

/** One agency's source record, as review tasks and decisions name it. */
public record RecordRef(String agency, String recordId) implements Comparable<RecordRef> {

  @Override
  public int compareTo(RecordRef other) {
    int byAgency = agency.compareTo(other.agency);
    return byAgency != 0 ? byAgency : recordId.compareTo(other.recordId);
  }

  @Override
  public String toString() {
    return agency + "/" + recordId;
  }
}
