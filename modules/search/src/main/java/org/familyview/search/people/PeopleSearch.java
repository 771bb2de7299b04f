package org.familyview.search.people;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.familyview.search.query.NameClause;
import org.familyview.search.query.SearchQuery;
import org.jspecify.annotations.Nullable;

/**
 * The keyworker's search. Every name typed must be found, by a fuzzy match on the folded name or by
 * a shared phonetic key; an exact family name ranks higher. Dates, postcodes and identifiers, where
 * typed, must match. Visibility is a filter inside the query, so a result the user may not see is
 * never fetched, counted or scored.
 */
public final class PeopleSearch {

  public static final int MAX_RESULTS = 50;

  /**
   * Matches are counted exactly up to here and no further. Counting every "Smith" among a million
   * people means scoring every one of them; stopping lets Elasticsearch skip whole blocks that
   * cannot reach the first page, and nobody reads a count beyond this: they narrow the search.
   */
  public static final int COUNTED_UP_TO = 1_000;

  private final ElasticsearchClient client;
  private final String alias;
  private final Clock clock;

  public PeopleSearch(ElasticsearchClient client, String prefix, Clock clock) {
    this.client = client;
    this.alias = prefix + "-people";
    this.clock = clock;
  }

  public SearchOutcome search(String text, Visibility visibility, int size) {
    LocalDate today = LocalDate.now(clock);
    SearchQuery query = SearchQuery.parse(text, today);
    if (query.isEmpty()) {
      return SearchOutcome.Found.nothing();
    }
    if (visibility.seesNothing()) {
      return SearchOutcome.Found.nothing();
    }
    try {
      SearchResponse<Map> response =
          client.search(
              s ->
                  s.index(alias)
                      .size(Math.clamp(size, 1, MAX_RESULTS))
                      .trackTotalHits(t -> t.count(COUNTED_UP_TO))
                      .query(q -> q.bool(b -> build(b, query, visibility))),
              Map.class);
      List<PersonHit> hits = response.hits().hits().stream().map(h -> hit(h, today)).toList();
      TotalHits total = response.hits().total();
      return total == null
          ? new SearchOutcome.Found(hits, hits.size(), true)
          : new SearchOutcome.Found(hits, total.value(), total.relation() == TotalHitsRelation.Eq);
    } catch (IOException e) {
      return new SearchOutcome.Unavailable("the search service cannot be reached");
    } catch (ElasticsearchException e) {
      return new SearchOutcome.Unavailable(
          e.status() == 404
              ? "the search index has not been built yet"
              : "the search service refused the query");
    }
  }

  private static BoolQuery.Builder build(
      BoolQuery.Builder b, SearchQuery query, Visibility visibility) {
    for (String name : query.names()) {
      b.must(NameClause.mustMatch(name));
      b.should(s -> s.term(t -> t.field("family_names").value(name).boost(2.0f)));
      b.should(s -> s.match(t -> t.field("names").query(name).boost(1.5f)));
    }
    if (!query.datesOfBirth().isEmpty()) {
      b.filter(
          f ->
              f.terms(
                  t ->
                      t.field("date_of_birth")
                          .terms(
                              v ->
                                  v.value(
                                      values(
                                          query.datesOfBirth().stream()
                                              .map(LocalDate::toString)
                                              .toList())))));
    }
    query
        .postcode()
        .ifPresent(p -> b.filter(f -> f.term(t -> t.field("postcode").value(p.unit()))));
    query.district().ifPresent(d -> b.filter(f -> f.term(t -> t.field("district").value(d))));
    if (!query.identifiers().isEmpty()) {
      b.filter(
          f ->
              f.terms(
                  t -> t.field("identifiers").terms(v -> v.value(values(query.identifiers())))));
    }
    return visibility.restrict(b);
  }

  private static List<FieldValue> values(Collection<String> strings) {
    return strings.stream().map(FieldValue::of).toList();
  }

  @SuppressWarnings("unchecked")
  private static PersonHit hit(Hit<Map> hit, LocalDate today) {
    Map<String, Object> source = hit.source() == null ? Map.of() : hit.source();
    LocalDate dob = source.get("date_of_birth") instanceof String s ? LocalDate.parse(s) : null;
    return new PersonHit(
        (String) source.get("person_id"),
        (String) source.get("display_name"),
        dob,
        dob == null ? null : Period.between(dob, today).getYears(),
        text(source.get("district")),
        text(source.get("family_id")),
        source.get("agencies") instanceof List<?> list
            ? list.stream().map(String::valueOf).sorted().toList()
            : List.of(),
        hit.score() == null ? 0 : hit.score());
  }

  private static @Nullable String text(@Nullable Object value) {
    return value instanceof String s ? s : null;
  }
}
