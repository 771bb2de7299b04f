package org.familyview.matching.incremental;

import java.util.List;

/**
 * How person ids changed in an incremental run, recorded so that anything filed under an old id (a
 * chronology, a review task, a steward's note) can follow it: old id to new id.
 */
public sealed interface LineageEvent {

  /** A person seen for the first time. */
  record PersonCreated(String personId) implements LineageEvent {}

  /** Several people turned out to be one; {@code into} kept its id, the others retire. */
  record PersonsMerged(List<String> from, String into) implements LineageEvent {
    public PersonsMerged {
      from = List.copyOf(from);
    }
  }

  /** One person turned out to be several; {@code from} stays with the largest part. */
  record PersonSplit(String from, List<String> into) implements LineageEvent {
    public PersonSplit {
      into = List.copyOf(into);
    }
  }

  /** Every record of the person was withdrawn. */
  record PersonRetired(String personId) implements LineageEvent {}
}
