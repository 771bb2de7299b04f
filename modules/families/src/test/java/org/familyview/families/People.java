package org.familyview.families;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builders for the residents of the tests, named for what they are. */
final class People {

  static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

  private People() {}

  static Builder anAdult(String id) {
    return new Builder(id, LocalDate.of(1985, 4, 2));
  }

  static Builder aChild(String id) {
    return new Builder(id, LocalDate.of(2016, 9, 1));
  }

  static Builder born(String id, LocalDate dateOfBirth) {
    return new Builder(id, dateOfBirth);
  }

  static final class Builder {
    private final String id;
    private final LocalDate dateOfBirth;
    private final List<Sighting> sightings = new ArrayList<>();
    private int records;

    Builder(String id, LocalDate dateOfBirth) {
      this.id = id;
      this.dateOfBirth = dateOfBirth;
    }

    Builder at(String agency, String address) {
      return seen(agency, address, null, null, null);
    }

    Builder inHousehold(String agency, String address, String householdId) {
      return seen(agency, address, householdId, null, null);
    }

    Builder seen(String agency, String address, String householdId, LocalDate from, LocalDate to) {
      sightings.add(
          new Sighting(
              agency, id + "-" + agency + (++records), address, null, householdId, from, to));
      return this;
    }

    /** The same record moving: a closed sighting, then an open one from the day after. */
    Builder moved(String agency, String from, String to, LocalDate on) {
      String record = id + "-" + agency + (++records);
      sightings.add(new Sighting(agency, record, from, null, null, null, on.minusDays(1)));
      sightings.add(new Sighting(agency, record, to, null, null, on, null));
      return this;
    }

    Builder sighting(Sighting sighting) {
      sightings.add(sighting);
      return this;
    }

    Resident build() {
      return new Resident(id, dateOfBirth, sightings);
    }
  }
}
