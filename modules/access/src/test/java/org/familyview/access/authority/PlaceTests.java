package org.familyview.access.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceTests {

  static final Authorities TWO =
      Authorities.of(
          List.of(
              new Authority("northshire", "North", List.of("LS"), Period.ofDays(90)),
              new Authority("southshire", "South", List.of("WF"), Period.ofDays(30))),
          "northshire");

  static Residence home(String postcode, String from, String to) {
    return new Residence(
        postcode,
        from == null ? null : LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to));
  }

  @Test
  void aFamilyLivesWhereItsOpenHouseholdIs() {
    Place place =
        Place.of(
            List.of(
                home("WF1 1AA", "2026-01-01", null), home("LS6 1AA", "2020-01-01", "2025-12-31")),
            TWO);
    assertThat(place.authority()).isEqualTo("southshire");
    assertThat(place.moves())
        .containsExactly(
            new Move(
                "northshire",
                "southshire",
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-04-01")));
  }

  @Test
  void theOldAuthorityReadsForItsOwnPeriodFromTheFirstDayAtTheNewAddress() {
    Place place =
        Place.of(
            List.of(
                home("LS6 1AA", "2020-01-01", "2026-09-30"), home("WF1 1AA", "2026-10-01", null)),
            TWO);
    LocalDate lastDay = LocalDate.parse("2026-12-29");
    assertThat(place.reachFor("southshire", lastDay)).isEqualTo(Place.Reach.HOME);
    assertThat(place.reachFor("northshire", lastDay)).isEqualTo(Place.Reach.MOVED_AWAY);
    assertThat(place.reachFor("northshire", lastDay.plusDays(1))).isEqualTo(Place.Reach.ELSEWHERE);
  }

  @Test
  void aHouseholdNoAuthorityCoversIsPassedOver() {
    Place place =
        Place.of(
            List.of(
                home("WF1 1AA", "2020-01-01", "2026-09-30"), home("ZZ99 3VZ", "2026-10-01", null)),
            TWO);
    assertThat(place.authority()).isEqualTo("southshire");
    assertThat(place.moves()).isEmpty();
  }

  @Test
  void aFamilyWithNoUsableAddressIsTheUnplacedAuthoritys() {
    assertThat(Place.of(List.of(), TWO).authority()).isEqualTo("northshire");
    assertThat(Place.of(List.of(home(null, null, null)), TWO).authority()).isEqualTo("northshire");
  }

  @Test
  void aFamilyThatMovedAwayAndBackIsHomeAgain() {
    Place place =
        Place.of(
            List.of(
                home("LS6 1AA", "2020-01-01", "2026-05-31"),
                home("WF1 1AA", "2026-06-01", "2026-11-30"),
                home("LS7 2BB", "2026-12-01", null)),
            TWO);
    assertThat(place.authority()).isEqualTo("northshire");
    assertThat(place.moves()).hasSize(2);
    // Southshire's 30 days run from the move back on 1 December.
    assertThat(place.reachFor("southshire", LocalDate.parse("2026-12-30")))
        .isEqualTo(Place.Reach.MOVED_AWAY);
    assertThat(place.reachFor("southshire", LocalDate.parse("2026-12-31")))
        .isEqualTo(Place.Reach.ELSEWHERE);
  }
}
