package org.familyview.families;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One source record's view of where a person lived, and in which of the agency's households, over a
 * period of nightly extracts.
 *
 * @param agency the agency that holds the record (POLICE, HEALTH, COUNCIL, EDUCATION)
 * @param recordId the agency's record id
 * @param address the address line as the agency wrote it, null if none
 * @param postcode the postcode as the agency wrote it, null if none
 * @param householdId the agency's own household or family key, null if none
 * @param from the first day it held; null when it held as far back as FamilyView's records go (the
 *     first extract that carried the record)
 * @param to the last day it held; null while the record still says so
 */
public record Sighting(
    String agency,
    String recordId,
    @Nullable String address,
    @Nullable String postcode,
    @Nullable String householdId,
    @Nullable LocalDate from,
    @Nullable LocalDate to) {

  public Sighting {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(recordId, "recordId");
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(
          "sighting of "
              + agency
              + " "
              + recordId
              + " ends ("
              + to
              + ") before it starts ("
              + from
              + ")");
    }
  }

  /** A sighting that still holds and has held as far back as the records go. */
  public static Sighting current(
      String agency,
      String recordId,
      @Nullable String address,
      @Nullable String postcode,
      @Nullable String householdId) {
    return new Sighting(agency, recordId, address, postcode, householdId, null, null);
  }

  public Sighting between(@Nullable LocalDate from, @Nullable LocalDate to) {
    return new Sighting(agency, recordId, address, postcode, householdId, from, to);
  }

  SourceRef source() {
    return new SourceRef(agency, recordId);
  }

  boolean isOpen() {
    return to == null;
  }

  /** Whether the two periods share at least one day (open ends reach forever). */
  boolean overlaps(Sighting other) {
    return Periods.overlap(from, to, other.from, other.to);
  }
}
