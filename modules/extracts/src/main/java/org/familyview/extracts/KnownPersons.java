package org.familyview.extracts;

/**
 * Answers whether an agency already has a person with a {@code record_id}: in the persons file of
 * the same extract, or in an earlier extract (which lives in the database). The events reader asks
 * once per event row, so an implementation should answer from memory (a set of ids loaded per
 * agency, or a cache in front of batched look-ups), not with one query per call.
 */
@FunctionalInterface
public interface KnownPersons {

  boolean isKnown(String recordId);
}
