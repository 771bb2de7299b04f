package org.familyview.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SearchQueryTests {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

  static Stream<Arguments> datesAsPeopleTypeThem() {
    LocalDate third = LocalDate.of(2014, 2, 3);
    LocalDate swapped = LocalDate.of(2014, 3, 2);
    return Stream.of(
        Arguments.of("2014-02-03", List.of(third)),
        Arguments.of("03/02/2014", List.of(third, swapped)),
        Arguments.of("3/2/14", List.of(third, swapped)),
        Arguments.of("3.2.2014", List.of(third, swapped)),
        Arguments.of("03-02-2014", List.of(third, swapped)),
        Arguments.of("03022014", List.of(third)),
        Arguments.of("3 Feb 2014", List.of(third)),
        Arguments.of("3rd February 2014", List.of(third)),
        Arguments.of("25/12/2014", List.of(LocalDate.of(2014, 12, 25))),
        // A two-digit year is never in the future.
        Arguments.of("1/1/30", List.of(LocalDate.of(1930, 1, 1))),
        Arguments.of("5/5/05", List.of(LocalDate.of(2005, 5, 5))),
        Arguments.of("31/02/2014", List.of()));
  }

  @ParameterizedTest
  @MethodSource("datesAsPeopleTypeThem")
  void readsDatesOfBirthInTheFormatsPeopleType(String typed, List<LocalDate> expected) {
    SearchQuery query = SearchQuery.parse(typed, TODAY);
    assertThat(query.datesOfBirth()).isEqualTo(expected);
    assertThat(query.names()).isEmpty();
  }

  static Stream<Arguments> mixedQueries() {
    return Stream.of(
        Arguments.of("Jon Smyth", List.of("jon", "smyth"), Set.of(), null, null),
        Arguments.of("Zoë O'Brien-Kaur", List.of("zoe", "obrien", "kaur"), Set.of(), null, null),
        Arguments.of("smith LS6", List.of("smith"), Set.of(), null, "LS6"),
        Arguments.of("smith ls6 2ab", List.of("smith"), Set.of(), "LS6 2AB", null),
        Arguments.of("SW1A1AA", List.of(), Set.of(), "SW1A 1AA", null),
        Arguments.of("943 476 5919", List.of(), Set.of("9434765919"), null, null),
        Arguments.of("Smith 9434765919", List.of("smith"), Set.of("9434765919"), null, null),
        // An NHS number with a wrong check digit is not an identifier, and not a name either.
        Arguments.of("9434765918", List.of("9434765918"), Set.of(), null, null));
  }

  @ParameterizedTest
  @MethodSource("mixedQueries")
  void tellsNamesPostcodesAndIdentifiersApart(
      String typed, List<String> names, Set<String> identifiers, String postcode, String district) {
    SearchQuery query = SearchQuery.parse(typed, TODAY);
    assertThat(query.names()).isEqualTo(names);
    assertThat(query.identifiers()).isEqualTo(identifiers);
    assertThat(query.postcode().map(Object::toString).orElse(null)).isEqualTo(postcode);
    assertThat(query.district().orElse(null)).isEqualTo(district);
  }
}
