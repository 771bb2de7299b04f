package org.familyview.access.authority;

import java.util.Map;
import java.util.Set;

/**
 * The questions the access rules ask about where families and people live. {@link FamilyPlaces}
 * answers them from PostgreSQL; a unit test of the rules can answer them with any world it likes.
 */
public interface Places {

  Authorities authorities();

  /** Where one family lives; a family with no household is the unplaced authority's. */
  Place of(String familyId);

  /** Every current family's place. */
  Map<String, Place> all();

  /** The current families a person belongs to. */
  Set<String> familiesOf(String personId);

  /** Where a person in no family lives, from their current records' postcodes. */
  String ofUnfamiliedPerson(String personId);

  /** Everything in the one authority of a single-authority deployment; asks no database. */
  static Places single(Authorities authorities) {
    return new Places() {
      @Override
      public Authorities authorities() {
        return authorities;
      }

      @Override
      public Place of(String familyId) {
        return new Place(authorities.unplaced().id(), java.util.List.of());
      }

      @Override
      public Map<String, Place> all() {
        return Map.of();
      }

      @Override
      public Set<String> familiesOf(String personId) {
        return Set.of();
      }

      @Override
      public String ofUnfamiliedPerson(String personId) {
        return authorities.unplaced().id();
      }
    };
  }
}
