package org.familyview.search.families;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.familyview.search.events.EventDocument;
import org.familyview.search.events.EventFilter;
import org.familyview.search.events.EventsIndex;
import org.familyview.search.events.EventsSearch;
import org.familyview.search.events.FamilyEvents;
import org.familyview.search.people.Elastic;
import org.familyview.search.people.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The families and events indices in the real Elasticsearch: built, swapped by alias, queried. */
class FamiliesAndEventsIntegrationTests {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
  static final String PREFIX = "familyview-test-" + UUID.randomUUID().toString().substring(0, 8);
  static ElasticsearchClient client;
  static FamiliesIndex families;
  static FamiliesSearch familySearch;
  static EventsIndex events;
  static EventsSearch eventSearch;

  static FamilyDocument smiths() {
    return new FamilyDocument(
        "F1",
        Set.of("P1", "P2"),
        List.of("Jonathan", "Smith", "Zoë", "Thompson"),
        Set.of("Smith", "Thompson"),
        Set.of("LS6 2AB"),
        Set.of("police", "health"));
  }

  static EventDocument event(String id, String person, String family, String type, String on) {
    return new EventDocument(
        "POLICE", id, person, family, type, "victim", LocalDate.parse(on), "STANDARD");
  }

  @BeforeAll
  static void build() throws Exception {
    client = Elastic.client();
    families = new FamiliesIndex(client, PREFIX, CLOCK);
    familySearch = new FamiliesSearch(client, PREFIX, CLOCK);
    events = new EventsIndex(client, PREFIX, CLOCK);
    eventSearch = new EventsSearch(client, PREFIX);
    families.rebuild(
        Stream.of(
            smiths(),
            new FamilyDocument(
                "F2",
                Set.of("P3"),
                List.of("Siobhan", "O'Brien"),
                Set.of("O'Brien"),
                Set.of("M1 1AE"),
                Set.of("education"))));
    events.rebuild(
        Stream.of(
            event("E1", "P1", "F1", "police.domestic_abuse_incident", "2026-10-01"),
            event("E2", "P2", "F1", "police.domestic_abuse_incident", "2026-10-09"),
            event("E3", "P3", "F2", "police.domestic_abuse_incident", "2025-01-01"),
            event("E4", "P3", "F2", "police.missing_person", "2026-10-02"),
            event("E5", "P9", null, "police.domestic_abuse_incident", "2026-10-02")));
  }

  @AfterAll
  static void clean() throws Exception {
    for (String name : client.indices().get(g -> g.index(PREFIX + "*")).indices().keySet()) {
      client.indices().delete(d -> d.index(name));
    }
  }

  static List<String> found(String text, Visibility visibility) {
    return familySearch.search(text, visibility, 10).orElseThrow().stream()
        .map(FamilyHit::familyId)
        .toList();
  }

  @Test
  void aMisspeltMemberNameFindsTheFamily() {
    assertThat(found("Jonathon Smyth", new Visibility.Everyone())).containsExactly("F1");
  }

  @Test
  void aSurnameAndADistrictFindTheFamilyLivingThere() {
    assertThat(found("Thompson LS6", new Visibility.Everyone())).containsExactly("F1");
    assertThat(found("Thompson M1", new Visibility.Everyone())).isEmpty();
  }

  @Test
  void aFullPostcodeFindsTheFamiliesLivingAtIt() {
    assertThat(found("M1 1AE", new Visibility.Everyone())).containsExactly("F2");
  }

  @Test
  void aKeyworkerFindsOnlyTheFamiliesOpenToThem() {
    assertThat(found("Smith", new Visibility.Families(Set.of("F2")))).isEmpty();
    assertThat(found("Smith", new Visibility.Families(Set.of("F1")))).containsExactly("F1");
  }

  @Test
  void aHitCarriesTheFamilyNamesDistrictsAndMemberCount() {
    FamilyHit hit =
        familySearch.search("Smith", new Visibility.Everyone(), 10).orElseThrow().getFirst();
    assertThat(hit.familyNames()).containsExactlyInAnyOrder("smith", "thompson");
    assertThat(hit.districts()).containsExactly("LS6");
    assertThat(hit.members()).isEqualTo(2);
  }

  @Test
  void familiesWithEventsOfAKindInAPeriodAreCountedMostFirst() {
    EventFilter recentAbuse =
        new EventFilter(
            Set.of("police"),
            Set.of("police.domestic_abuse_incident"),
            LocalDate.parse("2026-09-01"),
            null);
    assertThat(eventSearch.familiesWith(recentAbuse, new Visibility.Everyone(), 10).orElseThrow())
        .containsExactly(new FamilyEvents("F1", 2));
    EventFilter anyPolice = new EventFilter(Set.of("POLICE"), Set.of(), null, null);
    assertThat(eventSearch.familiesWith(anyPolice, new Visibility.Everyone(), 10).orElseThrow())
        .containsExactlyInAnyOrder(new FamilyEvents("F1", 2), new FamilyEvents("F2", 2));
    assertThat(
            eventSearch
                .familiesWith(anyPolice, new Visibility.Families(Set.of("F2")), 10)
                .orElseThrow())
        .containsExactly(new FamilyEvents("F2", 2));
  }

  @Test
  void aPeriodThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(
            () ->
                new EventFilter(
                    Set.of(),
                    Set.of(),
                    LocalDate.parse("2026-02-01"),
                    LocalDate.parse("2026-01-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starts after it ends");
  }

  @Test
  void aRebuildSwapsTheAliasToOneNewIndexAndDropsTheOld() throws Exception {
    List<String> before = families.currentIndices();
    FamiliesIndex later =
        new FamiliesIndex(client, PREFIX, Clock.offset(CLOCK, java.time.Duration.ofMinutes(1)));
    later.rebuild(Stream.of(smiths()));
    assertThat(families.currentIndices()).hasSize(1).doesNotContainAnyElementsOf(before);
    assertThat(found("O'Brien", new Visibility.Everyone())).isEmpty();
    new FamiliesIndex(client, PREFIX, Clock.offset(CLOCK, java.time.Duration.ofMinutes(2)))
        .rebuild(
            Stream.of(
                smiths(),
                new FamilyDocument(
                    "F2",
                    Set.of("P3"),
                    List.of("Siobhan", "O'Brien"),
                    Set.of("O'Brien"),
                    Set.of("M1 1AE"),
                    Set.of("education"))));
  }

  @Test
  void anIncrementalUpdateReplacesChangedFamiliesAndRemovesRetiredOnes() throws Exception {
    FamilyDocument moved =
        new FamilyDocument(
            "F9", Set.of("P7"), List.of("Ada", "Lovelace"), Set.of("Lovelace"), Set.of(), Set.of());
    families.update(List.of(moved), List.of());
    families.refresh();
    assertThat(found("Lovelace", new Visibility.Everyone())).containsExactly("F9");
    families.update(List.of(), List.of("F9"));
    families.refresh();
    assertThat(found("Lovelace", new Visibility.Everyone())).isEmpty();
  }
}
