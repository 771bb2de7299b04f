package org.familyview.matching;

/** Identifies one source record: record ids are unique only within the agency that issued them. */
public record RecordKey(String agency, String recordId) implements Comparable<RecordKey> {

  @Override
  public int compareTo(RecordKey other) {
    int byAgency = agency.compareTo(other.agency);
    return byAgency != 0 ? byAgency : recordId.compareTo(other.recordId);
  }

  @Override
  public String toString() {
    return agency + "/" + recordId;
  }
}
