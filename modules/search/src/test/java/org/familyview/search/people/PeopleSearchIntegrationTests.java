package org.familyview.search.people;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The people index in the real Elasticsearch: built, swapped by alias, searched as people type. */
class PeopleSearchIntegrationTests {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
  static final String PREFIX = "familyview-test-" + UUID.randomUUID().toString().substring(0, 8);
  static ElasticsearchClient client;
  static PeopleIndex index;
  static PeopleSearch search;

  static PersonDocument person(
      String id,
      String given,
      String family,
      LocalDate dob,
      String postcode,
      String family_id,
      String... ids) {
    return new PersonDocument(
        id,
        given + " " + family,
        List.of(given, family),
        List.of(family),
        dob,
        postcode,
        Set.of(ids),
        family_id,
        Set.of("police", "health"));
  }

  @BeforeAll
  static void build() throws Exception {
    client = Elastic.client();
    index = new PeopleIndex(client, PREFIX, CLOCK);
    search = new PeopleSearch(client, PREFIX, CLOCK);
    index.rebuild(
        Stream.of(
            person(
                "P1", "Jonathan", "Smith", LocalDate.of(2014, 2, 3), "LS6 2AB", "F1", "9434765919"),
            person("P2", "Zoë", "Thompson", LocalDate.of(2012, 7, 19), "LS6 3AB", "F1"),
            person("P3", "Siobhan", "O'Brien", LocalDate.of(1988, 11, 1), "M1 1AE", "F2"),
            person("P4", "Mohammed", "Khan", LocalDate.of(2010, 3, 3), "B10 0AA", "F3")));
  }

  @AfterAll
  static void clean() throws Exception {
    // Deleting by wildcard is refused (destructive_requires_name), so name each test index.
    for (String name : client.indices().get(g -> g.index(PREFIX + "*")).indices().keySet()) {
      client.indices().delete(d -> d.index(name));
    }
  }

  static List<String> ids(SearchOutcome outcome) {
    assertThat(outcome).isInstanceOf(SearchOutcome.Found.class);
    return ((SearchOutcome.Found) outcome).hits().stream().map(PersonHit::personId).toList();
  }

  @Test
  void aMisspeltNameFindsThePerson() {
    assertThat(ids(search.search("Jonathon Smyth", new Visibility.Everyone(), 10)))
        .first()
        .isEqualTo("P1");
  }

  @Test
  void aNameThatSoundsAlikeFindsThePerson() {
    assertThat(ids(search.search("zoe tomson", new Visibility.Everyone(), 10)))
        .containsExactly("P2");
    assertThat(ids(search.search("obrien", new Visibility.Everyone(), 10))).containsExactly("P3");
  }

  @Test
  void datesOfBirthPostcodesAndIdentifiersNarrowTheResult() {
    assertThat(ids(search.search("smith 3/2/14", new Visibility.Everyone(), 10)))
        .containsExactly("P1");
    assertThat(ids(search.search("smith 2/3/2014", new Visibility.Everyone(), 10)))
        .containsExactly("P1");
    assertThat(ids(search.search("smith 4/2/2014", new Visibility.Everyone(), 10))).isEmpty();
    assertThat(ids(search.search("LS6", new Visibility.Everyone(), 10)))
        .containsExactlyInAnyOrder("P1", "P2");
    assertThat(ids(search.search("943 476 5919", new Visibility.Everyone(), 10)))
        .containsExactly("P1");
  }

  @Test
  void aResultCarriesWhatIdentifiesThePerson() {
    SearchOutcome.Found found =
        (SearchOutcome.Found) search.search("Jonathan Smith", new Visibility.Everyone(), 10);
    PersonHit hit = found.hits().getFirst();
    assertThat(hit.name()).isEqualTo("Jonathan Smith");
    assertThat(hit.age()).isEqualTo(12);
    assertThat(hit.postcodeDistrict()).isEqualTo("LS6");
    assertThat(hit.familyId()).isEqualTo("F1");
    assertThat(hit.agencies()).containsExactly("health", "police");
  }

  @Test
  void aUserFindsOnlyPeopleInFamiliesOpenToThem() {
    assertThat(ids(search.search("khan", new Visibility.Families(Set.of("F1", "F2")), 10)))
        .isEmpty();
    assertThat(ids(search.search("khan", new Visibility.Families(Set.of("F3")), 10)))
        .containsExactly("P4");
    assertThat(ids(search.search("khan", new Visibility.Families(Set.of()), 10))).isEmpty();
  }

  /**
   * A safeguarding lead's visibility is every family of their authority: at a million records
   * 172,607 ids, which Elasticsearch's default limit of 65,536 terms refused outright.
   */
  @Test
  void aReaderOpenToMoreFamiliesThanElasticsearchsDefaultTermsLimitStillSearches() {
    Set<String> county = new java.util.HashSet<>();
    for (int i = 0; i < 180_000; i++) {
      county.add("FAM" + i);
    }
    county.add("F3");
    assertThat(ids(search.search("khan", new Visibility.Families(county), 10)))
        .containsExactly("P4");
    county.remove("F3");
    assertThat(ids(search.search("khan", new Visibility.Families(county), 10))).isEmpty();
  }

  @Test
  void aCommonNameIsCountedExactlyUpToTheLimitAndThenSaidToBeMore() throws Exception {
    String prefix = PREFIX + "-many";
    PeopleIndex many = new PeopleIndex(client, prefix, CLOCK);
    PeopleSearch searching = new PeopleSearch(client, prefix, CLOCK);
    int smiths = PeopleSearch.COUNTED_UP_TO + 200;
    many.rebuild(
        Stream.concat(
            java.util.stream.IntStream.range(0, smiths)
                .mapToObj(
                    i ->
                        person(
                            "S" + i,
                            i % 2 == 0 ? "John" : "Jon",
                            "Smith",
                            LocalDate.of(1980, 1, 1).plusDays(i),
                            "LS6 2AB",
                            "F" + i)),
            Stream.of(person("K1", "John", "Smith", LocalDate.of(2011, 5, 6), "M1 1AE", "FK"))));

    SearchOutcome.Found common =
        (SearchOutcome.Found) searching.search("john smith", new Visibility.Everyone(), 25);
    assertThat(common.exact()).isFalse();
    assertThat(common.total()).isEqualTo(PeopleSearch.COUNTED_UP_TO);
    assertThat(common.hits()).hasSize(25);

    SearchOutcome.Found narrowed =
        (SearchOutcome.Found)
            searching.search("john smith 6/5/2011", new Visibility.Everyone(), 25);
    assertThat(narrowed.exact()).isTrue();
    assertThat(narrowed.total()).isEqualTo(1);
    assertThat(ids(narrowed)).containsExactly("K1");
  }

  @Test
  void aRebuildIsSwappedInWholeAndTheOldIndexRemoved() throws Exception {
    String prefix = PREFIX + "-swap";
    PeopleIndex swapped =
        new PeopleIndex(client, prefix, Clock.offset(CLOCK, java.time.Duration.ofSeconds(1)));
    PeopleSearch searching = new PeopleSearch(client, prefix, CLOCK);
    swapped.rebuild(
        Stream.of(person("A", "Amy", "Adams", LocalDate.of(2015, 1, 1), "LS1 1AA", "FA")));
    List<String> first = swapped.currentIndices();

    PeopleIndex later =
        new PeopleIndex(client, prefix, Clock.offset(CLOCK, java.time.Duration.ofSeconds(2)));
    later.rebuild(
        Stream.of(person("B", "Ben", "Brown", LocalDate.of(2016, 1, 1), "LS1 1AA", "FB")));

    assertThat(later.currentIndices()).hasSize(1).doesNotContainAnyElementsOf(first);
    assertThat(ids(searching.search("adams", new Visibility.Everyone(), 10))).isEmpty();
    assertThat(ids(searching.search("brown", new Visibility.Everyone(), 10))).containsExactly("B");
    assertThat(client.indices().exists(e -> e.index(first)).value()).isFalse();
  }

  @Test
  void aChangedPersonIsUpdatedInPlace() throws Exception {
    index.upsert(person("P5", "Grace", "Okonkwo", LocalDate.of(2019, 5, 5), "LS6 2AB", "F1"));
    index.refresh();
    assertThat(ids(search.search("okonkwo", new Visibility.Everyone(), 10))).containsExactly("P5");
    index.delete("P5");
    index.refresh();
    assertThat(ids(search.search("okonkwo", new Visibility.Everyone(), 10))).isEmpty();
  }

  @Test
  void whenElasticsearchCannotBeReachedSearchSaysSo() throws Exception {
    PeopleSearch unreachable =
        new PeopleSearch(Elastic.client("http://localhost:1"), PREFIX, CLOCK);
    assertThat(unreachable.search("smith", new Visibility.Everyone(), 10))
        .isEqualTo(new SearchOutcome.Unavailable("the search service cannot be reached"));
  }
}
